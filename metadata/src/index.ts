export type { LocalizedText, Locale } from './i18n-types';
export type { FieldDefinition, EntityDefinition, SelectOption, RelationSpec, RelationKind, OnDeletePolicy, SystemColumns, SystemField } from './entity/entity-types';
export { SYSTEM_FIELDS } from './entity/entity-types';
export type { LayoutDefinition, FormLayout, LayoutSection } from './layout/layout-types';
export type { AppDefinition, MetadataFile } from './app/app-types';
export type { MetadataError, ValidationResult, KnownFieldType } from './validation/validation-types';
