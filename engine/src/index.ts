export type { JsonSchema, ColumnType, ColumnSpec, FieldTypeDefinition } from './field-types/field-type-types';
