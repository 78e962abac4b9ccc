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

/**
 * Which children follow their parent's new owner: all, none, `open` (not in a final state of
 * the child's workflow), or open by a field (a value not in `notIn`, or a date from now on).
 */
export type TransferRule = 'all' | 'open' | 'none' | { open: { field: string; notIn?: string[]; fromNow?: true } };

export interface RelationSpec {
  /** `x-name` of the target entity. */
  entity: string;
  kind: RelationKind;
  /** many-to-one only: what deleting the target does to this record (default restrict). */
  onDelete?: OnDeletePolicy;
  /** many-to-one only: which of the parent's records of this entity follow a transfer of the parent (default none). */
  onTransfer?: TransferRule;
  /** many-to-one only: create one record of this entity per selected parent, from the parent's list. */
  bulkCreate?: BulkCreateSpec;
  /** one-to-many only: the many-to-one field of `entity` that points back here. */
  field?: string;
}

/** The parent list's "create one for each" action: its label and the fields asked once for all. */
export interface BulkCreateSpec {
  label: LocalizedText;
  fields: string[];
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
  /** Help shown under the field in forms: one text for every language, or one per language. */
  description?: string | LocalizedText;
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
  /** Part of the entity's search (list `q`, pickers, global search), with a trigram index. */
  'x-searchable'?: boolean;
  /** Holds a person's data: exported and erased on a data-care request (default: email and phone fields). */
  'x-personal'?: boolean;
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
export type RollupFunction = 'count' | 'sum' | 'avg' | 'min' | 'max';

/**
 * A rollup: `fn` of `field` (count needs none) over some records of another entity, kept in a
 * column by database triggers. Which records: the children listed by the one-to-many field
 * `relation`, or the records of `entity` that `match` this one (and fall in its `period`),
 * e.g. a sales target's payments: those credited to its assignee, received in its year/month.
 */
export interface RollupSpec {
  /** A one-to-many field of this entity. Excludes `entity`. */
  relation?: string;
  /** The entity whose matching records are rolled up (needs `match`). */
  entity?: string;
  match?: RollupMatch;
  /** Only with `entity`: the records whose date falls in this record's year (and month, when set). */
  period?: RollupPeriod;
  fn: RollupFunction;
  /** sum/avg/min/max: a numeric field (number, currency, percent, or a plugin's numeric type) of the rolled-up entity. */
  field?: string;
}

/** A rolled-up record counts when its `field` equals this record's `equals` (users, a relation to the same entity, or a select). */
export interface RollupMatch {
  field: string;
  equals: string;
}

/** The rolled-up records' date field `date` lies in the year in `year` (and the month in `month`; empty = the whole year) of this record. */
export interface RollupPeriod {
  date: string;
  year: string;
  month?: string;
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
  /** Child records whose date resets staleness (e.g. follow-ups, via their `customer` field). */
  activity?: PoolActivity;
  maxClaimsPerUser: number;
  /** When set, `maxClaimsPerUser` counts the user's claims in this many days, not the records they own. */
  claimPeriodDays?: number;
}

export interface PoolActivity {
  /** x-name of the child entity. */
  entity: string;
  /** The child's many-to-one field pointing at the pooled entity. */
  via: string;
  /** The child's date or datetime field. */
  date: string;
}

/**
 * One `x-indexes` entry: a list of columns in list-sort syntax, or the object form, which can
 * also make the combination unique (`{ "columns": ["customer", "email"], "unique": true }`).
 * A unique index leaves out records with an empty column and, on soft-delete entities,
 * deleted records (a partial index `where deleted_at is null`).
 */
/** The records an index covers: those whose `field` has (`in`) or has not (`notIn`) one of the values. */
export interface IndexCondition {
  field: string;
  in?: string[];
  notIn?: string[];
}

export type IndexEntry = string[] | {
  columns: string[];
  unique?: boolean;
  name?: string;
  /** A partial index: with `unique`, a conflict check over open records across owners (报备). */
  where?: IndexCondition;
  /** What a writer reads when the unique index refuses a record. */
  message?: LocalizedText;
};

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

/**
 * One record type (kind): `fields` apply only to the types listing them, `required` must be
 * filled on records of this type, `layout` is the form layout they use.
 */
export interface RecordTypeSpec {
  fields?: string[];
  required?: string[];
  layout?: string;
  /** The workflow records of this type run (one bound to this entity); else the entity's default workflow. */
  workflow?: string;
}

/**
 * Record types: the select field `field` picks a record's type; its option values are the
 * keys of `types`. A field no type lists is common to every type.
 */
export interface RecordTypesDefinition {
  field: string;
  types: Record<string, RecordTypeSpec>;
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
  /** Record types (kinds) selecting fields, required fields and layout per record, see RecordTypesDefinition. */
  'x-record-types'?: RecordTypesDefinition;
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
