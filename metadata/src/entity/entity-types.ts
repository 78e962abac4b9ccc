import type { LocalizedText } from '../i18n-types';

/** Option of a select field: the stored value and its label. */
export interface SelectOption {
  value: string;
  label: LocalizedText;
}

/**
 * many-to-one: a uuid column holding the target's id. one-to-many: the inverse of a child's
 * many-to-one (no column; `field` names the child's field). many-to-many: a join table
 * `<entity>__<field>` holding (left_id, right_id); the API value is an array of ids.
 */
export type RelationKind = 'many-to-one' | 'one-to-many' | 'many-to-many';
export type OnDeletePolicy = 'restrict' | 'set-null' | 'cascade';

export interface RelationSpec {
  /** `x-name` of the target entity. */
  entity: string;
  kind: RelationKind;
  /** many-to-one only: what deleting the target does to this record (default restrict). */
  onDelete?: OnDeletePolicy;
  /** one-to-many only: the many-to-one field of `entity` that points back here. */
  field?: string;
}

/**
 * A field is a JSON Schema property plus `x-` keywords. The author writes the constraints
 * (maxLength, minimum, ...); the engine's field type supplies `type`/`format`/`enum`.
 */
export interface FieldDefinition {
  /** Stable id: survives renames, so a rename is never drop+add. */
  'x-id': string;
  /** Registered field type name: built-in (`text`) or plugin (`rating:stars`). */
  'x-type': string;
  'x-label': LocalizedText;
  description?: string;
  default?: unknown;
  // JSON Schema constraints an author may set; which ones apply depends on the field type.
  maxLength?: number;
  minLength?: number;
  pattern?: string;
  minimum?: number;
  maximum?: number;
  /** select: the allowed values and their labels (compiled to `enum`). */
  'x-options'?: SelectOption[];
  /** relation: the target and kind. */
  'x-relation'?: RelationSpec;
  /** number/currency: total digits and digits after the point. */
  'x-precision'?: number;
  'x-scale'?: number;
  /** currency: ISO 4217 code of every amount of the field (default CNY); see also `x-currency-field`. */
  'x-currency'?: string;
  'x-unique'?: boolean;
  'x-indexed'?: boolean;
  'x-readonly'?: boolean;
  /** autonumber: the display format, e.g. `BID-{YYYY}-{0000}`. */
  'x-format'?: string;
  /** formula: a jexl expression over the entity's other fields, e.g. `amount * probability / 100`. */
  'x-formula'?: string;
  /** formula: the type of the result, which picks its JSON Schema and (when stored) its column. */
  'x-formula-type'?: FormulaResultType;
  /** formula: kept in a column (filterable, sortable) instead of computed on read. */
  'x-stored'?: boolean;
  /** rollup: what to aggregate over the records of a one-to-many field of this entity. */
  'x-rollup'?: RollupSpec;
  /** file: size limit, accepted MIME types, one file or several. */
  'x-file'?: FileSpec;
  /**
   * currency: each record carries its own ISO 4217 code in this sibling select field (whose
   * option values are the codes); several amounts may share it. Excludes `x-currency`.
   */
  'x-currency-field'?: string;
  /** date/datetime: an in-app reminder before the date (see ReminderSpec). */
  'x-reminder'?: ReminderSpec;
  /** Plugin-owned settings, keyed by plugin name. */
  'x-plugins'?: Record<string, unknown>;
}

/**
 * A date reminder: `before` the field's moment (an ISO 8601 duration of weeks, days, hours,
 * minutes such as `P1D` or `PT2H`, or a number of minutes), an in-app notification goes to
 * `notify` (`owner`, or the name of a user field). A date without a time is due at 00:00 in
 * the jobs' time zone. `yearly` repeats it on every anniversary (birthdays). `message` may
 * use `{{field}}` placeholders.
 */
export interface ReminderSpec {
  before: string | number;
  notify: string;
  message?: LocalizedText;
  yearly?: boolean;
}

/** What a file field accepts. Content is stored once per sha256; the column holds file ids. */
export interface FileSpec {
  /** Bytes, at most 50 MB (52428800). */
  maxSize: number;
  /** MIME types (`application/pdf`) or families (`image/*`). */
  accept: string[];
  /** Several files (uuid[] column) instead of one (uuid). */
  multiple?: boolean;
}

/** The aggregates a rollup may keep. */
export type RollupFunction = 'count' | 'sum' | 'min' | 'max';

/**
 * A rollup: `fn` of `field` over the children listed by the one-to-many field `relation`
 * (count needs no field), kept in a column by a database trigger on the child table.
 */
export interface RollupSpec {
  relation: string;
  fn: RollupFunction;
  /** sum/min/max: a numeric field (number, currency, percent) of the child entity. */
  field?: string;
}

/** What a formula evaluates to. */
export type FormulaResultType = 'number' | 'text' | 'boolean' | 'date';

/**
 * A public pool (公海): records whose owner is null are in the pool, readable by roles with the
 * `claim` action, which may claim them (up to `maxClaimsPerUser` owned records of the entity).
 * Records whose `activityField` (else `updated_at`) is older than `returnAfterDays` go back.
 */
export interface PoolDefinition {
  ownerField: 'owner';
  returnAfterDays: number;
  activityField?: string;
  maxClaimsPerUser: number;
}

/**
 * One `x-indexes` entry: a list of columns in list-sort syntax, or the object form, which can
 * also make the combination unique (`{ "columns": ["customer", "email"], "unique": true }`).
 * A unique index leaves out records with an empty column and, on soft-delete entities,
 * deleted records (a partial index `where deleted_at is null`).
 */
export type IndexEntry = string[] | { columns: string[]; unique?: boolean; name?: string };

/**
 * A cross-field rule: `expr` (jexl over the entity's stored fields) must be true for the
 * record as it will be stored — the new record on create, the stored record merged with the
 * change on update. `message` is shown when it is not; `fields` names the fields it is about.
 */
export interface EntityRule {
  id: string;
  expr: string;
  message: LocalizedText;
  fields?: string[];
}

export interface EntityDefinition {
  $schema?: string;
  type: 'object';
  /**
   * Stable id of the entity: survives a change of `x-name`, so the migration planner renames
   * the table instead of dropping it. Optional; without it the entity is matched by name.
   */
  'x-id'?: string;
  /** snake_case singular; the table name. */
  'x-name': string;
  /** The API path segment: `/api/{x-plural}`. */
  'x-plural': string;
  'x-label': LocalizedText;
  'x-label-plural'?: LocalizedText;
  description?: string;
  /** The field shown when a record is referenced (e.g. in a relation picker). */
  'x-display-field'?: string;
  'x-soft-delete'?: boolean;
  /**
   * Composite indexes, each a list of columns in list-sort syntax (`-annual_revenue` is
   * descending, NULLs last, like `sort=-annual_revenue`), e.g. `["industry", "level",
   * "-annual_revenue", "-id"]` for a filtered list sorted by revenue. Stored fields and
   * system columns only.
   */
  'x-indexes'?: IndexEntry[];
  /** Cross-field validation rules, checked on every create and update (see EntityRule). */
  'x-rules'?: EntityRule[];
  /** The entity's public pool (公海), see PoolDefinition. */
  'x-pool'?: PoolDefinition;
  required?: string[];
  properties: Record<string, FieldDefinition>;
  additionalProperties?: false;
  /** Plugin-owned settings, keyed by plugin name. */
  'x-plugins'?: Record<string, unknown>;
}

/** Columns every record has; names that fields may not take. */
export const SYSTEM_FIELDS = ['id', 'created_at', 'updated_at', 'created_by', 'owner', 'version'] as const;
export type SystemField = (typeof SYSTEM_FIELDS)[number];

/** Names no field may take: the system columns plus the soft-deletion marker. */
export const RESERVED_FIELD_NAMES: readonly string[] = [...SYSTEM_FIELDS, 'deleted_at'];

/** `/api/{name}` segments the runtime's own routes use: no entity may take them as its plural. */
export const RESERVED_PLURALS: readonly string[] = ['admin', 'auth', 'approvals', 'files', 'notifications', 'openapi', 'plugins'];

/** The system columns as they appear on a record returned by the API. */
export interface SystemColumns {
  id: string;
  created_at: string;
  updated_at: string;
  created_by: string | null;
  owner: string | null;
  version: number;
}
