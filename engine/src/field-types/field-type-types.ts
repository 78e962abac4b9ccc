import type { FieldDefinition, LocalizedText } from '@tessera/metadata';

/** A JSON Schema fragment (2020-12). Kept loose: it is data handed to ajv, rjsf and OpenAPI. */
export type JsonSchema = Record<string, unknown>;

/** PostgreSQL column types Tessera emits. Identifiers never come from here, only types. */
export type ColumnType =
  | { kind: 'text' }
  | { kind: 'varchar'; length: number }
  | { kind: 'integer' }
  | { kind: 'smallint' }
  | { kind: 'bigint' }
  | { kind: 'numeric'; precision: number; scale: number }
  | { kind: 'boolean' }
  | { kind: 'date' }
  | { kind: 'timestamptz' }
  | { kind: 'uuid' }
  | { kind: 'jsonb' };

/**
 * A column default as data, never raw SQL from metadata: the SQL compiler maps each kind
 * to a fixed expression. Only system columns use defaults today.
 */
export type ColumnDefault = { kind: 'random-uuid' } | { kind: 'now' } | { kind: 'value'; value: string | number | boolean };

export interface ColumnSpec {
  name: string;
  type: ColumnType;
  nullable: boolean;
  primaryKey?: boolean;
  default?: ColumnDefault;
  /** The stable field id this column stores; absent for system columns. */
  fieldId?: string;
  unique?: boolean;
  indexed?: boolean;
}

/**
 * What a field type knows: its JSON Schema, its column, its widget, how values cross the
 * database boundary. Built-in types and plugin types are registered through the same
 * `defineFieldType`. Pure: no I/O.
 */
export interface FieldTypeDefinition {
  /** `text` for built-ins; `<plugin>:<id>` for plugin types. */
  name: string;
  label: LocalizedText;
  /** The JSON Schema of one value (without null); author constraints are merged on top. */
  jsonSchema(field: FieldDefinition): JsonSchema;
  column(field: FieldDefinition): ColumnType;
  /** rjsf widget name (`text`, `email`, `select`, `rating:stars`…); resolved by the UI. */
  widget: string;
  /** Author keywords the type accepts beyond x-id/x-type/x-label/description/default. */
  keywords?: readonly (keyof FieldDefinition)[];
  requiresOptions?: boolean;
  requiresRelation?: boolean;
  /** Database value → API value (e.g. numeric string → number). Identity when absent. */
  fromDb?(value: unknown): unknown;
}
