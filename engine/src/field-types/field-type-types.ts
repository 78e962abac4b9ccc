import type { EntityDefinition, FieldDefinition, LocalizedText } from '@tessera/metadata';
import type { CellParser } from './cell-parser-types';
import type { KeywordSchema } from './keyword-schema';

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
  | { kind: 'jsonb' }
  /** text[]: multiselect values, searched with a GIN index (`@>`, `&&`). */
  | { kind: 'text-array' }
  /** uuid[]: ids of several uploaded files. */
  | { kind: 'uuid-array' }
  /** char(n): fixed-width codes (a record's ISO 4217 currency). */
  | { kind: 'char'; length: number };

/** How records of a field may be filtered in list queries. */
export type FilterOperator =
  | 'eq' | 'ne' | 'gt' | 'gte' | 'lt' | 'lte' | 'in' | 'nin' | 'between' | 'contains' | 'startsWith' | 'isNull'
  /** text-array: has every / any of the given values. */
  | 'containsAll' | 'containsAny';

/**
 * What a field's values are, read from its JSON Schema (`fieldValueKind`): how list queries
 * coerce a filter value, and what a UI needs (a number box, a date picker, a sum).
 */
export type ValueKind = 'string' | 'number' | 'integer' | 'boolean' | 'date' | 'datetime' | 'uuid' | 'array' | 'other';

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
  /**
   * The JSON Schema of those keywords (properties = `keywords`, each with localized `x-label`
   * and `x-description`): the designer renders the type's settings from it. Build it with
   * `keywordSchema(keywords, { defaults, required })`.
   */
  keywordSchema?: KeywordSchema;
  requiresOptions?: boolean;
  requiresRelation?: boolean;
  /** Database value → API value (e.g. numeric string → number). Identity when absent. */
  fromDb?(value: unknown): unknown;
  /** `fromDb` for one field, when it depends on the field's keywords (a formula's result type). */
  fromDbFor?(field: FieldDefinition): ((value: unknown) => unknown) | undefined;
  /**
   * API value → database value, applied by the runtime before writing (after validation).
   * Identity when absent. Server-only conversions (HTML sanitizing) live in
   * `@tessera/engine/server`, which swaps in a type that has them.
   */
  toDb?(value: unknown): unknown;
  /**
   * The operators list queries accept for fields of this type; when absent, those of its value
   * kind. Read a field's through `fieldFilterOperators`, which also applies `filterOperatorsFor`.
   */
  filterOperators?: readonly FilterOperator[];
  /** A field's own operators, when they depend on its keywords (a formula's result type). */
  filterOperatorsFor?(field: FieldDefinition): readonly FilterOperator[];
  /** Every field of this type gets a unique index (autonumber). */
  unique?: boolean;
  /** Every field of this type gets an index of this method (multiselect: gin). */
  indexMethod?: IndexMethod;
  /** False when the field has no column (a virtual formula, computed on read). Stored when absent. */
  stored?(field: FieldDefinition): boolean;
  /**
   * Publish-time checks only the type can make (a formula's field references, an autonumber
   * format); each string is one problem, phrased for the implementer.
   */
  checkField?(field: FieldDefinition, entity: EntityDefinition): string[];
  /**
   * The value is maintained by the database (a rollup's trigger): the field is left out of
   * create/update bodies, so writing it is 422 `read-only`.
   */
  computed?: boolean;
  /**
   * How an imported spreadsheet cell becomes a value (see `cell-parsers.ts` for the shared
   * readers of numbers, dates, options…). `null` says no cell can carry one (a file, a value the
   * system computes): the importer does not offer such fields. Every type declares one or the
   * other; a generated test names any that does not.
   */
  parseCell?: CellParser | null;
  /** The column's default, for values that start somewhere other than null (a count at 0). */
  columnDefault?(field: FieldDefinition): ColumnDefault | undefined;
}

/** PostgreSQL index access methods Tessera emits; btree when absent. */
export type IndexMethod = 'gin';
