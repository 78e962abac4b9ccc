import type { FilterOperator, ValueKind } from '../field-types/field-type-types';

/**
 * The parsed, validated form of a list/get/aggregate request. Everything here is data taken
 * from metadata (columns, tables) or a value the client sent; the SQL compilers bind values
 * and quote identifiers, so nothing a client types reaches SQL text.
 */

/** How a value of a field is checked and coerced from the query string; owned by the field types. */
export type { ValueKind };

/**
 * One step of a relation path, from the row the step starts at (`base`) to related rows (`r`):
 * - many-to-one: `base.column` holds `r.id` (at most one related row). `directory`: `r` is a
 *   row of Tessera's own users/departments tables (bookkeeping schema), not an entity's.
 * - one-to-many: `r.column` holds `base.id` (any number of related rows).
 * - many-to-many: `joinTable` links `base.id` (left_id) to `r.id` (right_id).
 * `table` is the target entity's `x-name` (its table), or the directory table.
 */
export type RelationHop =
  | { kind: 'many-to-one'; column: string; table: string; softDelete?: true; directory?: true }
  | { kind: 'one-to-many'; column: string; table: string; softDelete?: true }
  | { kind: 'many-to-many'; joinTable: string; table: string; softDelete?: true };

/** A to-many hop: a path through it matches when at least one related row does (EXISTS). */
export const isToMany = (hop: RelationHop) => hop.kind !== 'many-to-one';

/** A field a query names, resolved against metadata. */
export interface FieldRef {
  /** As the client wrote it: `industry`, `customer.industry`. */
  path: string;
  /** Relation steps before the field; empty for a field of the entity itself. */
  hops: RelationHop[];
  /** The column on the last table. */
  column: string;
  kind: ValueKind;
  /** Allowed values (select), when the type has a fixed list. */
  enum?: readonly unknown[];
  operators: readonly FilterOperator[];
  /** Largest magnitude the column holds, when smaller than JavaScript's (int4 `version`). */
  maxAbs?: number;
}

export type FilterValue = string | number | boolean | null;

export interface FilterCondition {
  field: FieldRef;
  op: FilterOperator;
  /** Scalar for comparisons, array for in/nin/between/containsAll/containsAny, boolean for isNull. */
  value: FilterValue | FilterValue[];
}

export type FilterNode = { and: FilterNode[] } | { or: FilterNode[] } | FilterCondition;

export interface SortKey {
  field: FieldRef;
  direction: 'asc' | 'desc';
}

/** A relation to load along with the rows (`expand=customer,customer.owner_user`). */
export interface ExpandNode {
  /** The name the related record(s) appear under: the relation field, or the child plural. */
  name: string;
  /**
   * many-to-one: `column` is on the parent and holds the target's id.
   * one-to-many: `column` is on the target (child) table and holds the parent's id.
   * many-to-many: `joinTable` (in the target's schema) links parent ids (left_id) to target ids (right_id).
   */
  kind: 'many-to-one' | 'one-to-many' | 'many-to-many';
  joinTable?: string;
  column: string;
  /** Target entity's `x-name` (= its table). */
  entity: string;
  children: ExpandNode[];
}

export interface ListQuery {
  filter?: FilterNode;
  /** Full-text search: the text, and the columns it is matched against. */
  search?: SearchQuery;
  /** Always ends with `id` so the order is total (keyset pagination needs that). */
  sort: SortKey[];
  /** Field names to return (`id` is always returned); undefined: all. */
  fields?: string[];
  /** Columns to select when `fields` narrows the record: id, the stored fields, expand keys. */
  columns?: string[];
  limit: number;
  offset: number;
  /** Decoded keyset cursor: one value per sort key, as text (or null). */
  cursor?: (string | null)[];
  count: boolean;
  expand: ExpandNode[];
}

export type BucketUnit = 'day' | 'week' | 'month' | 'quarter' | 'year';

export interface AggregateGroup {
  /** As the client wrote it: `industry`, `created_at:month`. */
  name: string;
  field: FieldRef;
  bucket?: BucketUnit;
}

/** `distinct`: how many different values of a field (e.g. customers with a won deal). */
export type MeasureFn = 'count' | 'sum' | 'avg' | 'min' | 'max' | 'distinct';

export interface AggregateMeasure {
  /** As the client wrote it: `count`, `sum:annual_revenue`. */
  name: string;
  fn: MeasureFn;
  /** Absent for `count`. */
  field?: FieldRef;
}

export interface AggregateQuery {
  filter?: FilterNode;
  search?: SearchQuery;
  groups: AggregateGroup[];
  measures: AggregateMeasure[];
  limit: number;
}

export interface QueryError {
  /** The query parameter at fault: `filter[industry][eq]`, `sort`, `cursor`. */
  parameter: string;
  message: string;
}

export type QueryResult<T> = { ok: true; value: T } | { ok: false; errors: QueryError[] };

/** The raw query string as Koa parses it. */
export type RawQuery = Record<string, string | string[] | undefined>;

export const QUERY_LIMITS = {
  maxConditions: 20,
  maxDepth: 4,
  maxInValues: 100,
  maxLimit: 500,
  defaultLimit: 50,
  maxSortKeys: 5,
  maxExpandDepth: 2,
  maxSearchLength: 200,
  maxValueLength: 1000,
  maxGroups: 4,
  maxMeasures: 10,
  maxAggregateRows: 1000,
} as const;

/**
 * `q`: the text and the text columns it is a substring of; with `phones`, the phone columns
 * whose digits contain `digits` (the search's own digits, when it looks like a number).
 */
export interface SearchQuery {
  text: string;
  columns: string[];
  phones?: string[];
  digits?: string;
}
