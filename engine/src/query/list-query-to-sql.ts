import type { EntityDefinition } from '@tessera/metadata';
import type { Knex } from 'knex';
import { filterToSql, searchToSql, type SqlScope } from './filter-to-sql';
import { cursorColumn } from './list-cursor';
import type { AggregateQuery, ListQuery, SortKey } from './query-types';

/** Where the records live. `entity` is for callers' convenience; identifiers come from the query. */
export interface QueryTarget {
  schema: string;
  table: string;
  entity?: EntityDefinition;
  /**
   * Conditions the caller always adds (soft deletion, later the permission scope), on every
   * list, count and aggregate; `alias` is the base table's. Values must be bound.
   */
  restrict?: (qb: Knex.QueryBuilder, alias: string) => void;
  /** The reader's scope on related entities inside relation-path filters (see `SqlScope`). */
  restrictRelated?: SqlScope['restrictRelated'];
  /** Where Tessera's users and departments live; default `tessera`. */
  bookkeepingSchema?: string;
}

/** The alias of the base table in every list, count and aggregate query. */
export const BASE_ALIAS = 't0';

export function baseQuery(knex: Knex, target: QueryTarget): { qb: Knex.QueryBuilder; scope: SqlScope } {
  const qb = knex.from({ [BASE_ALIAS]: `${target.schema}.${target.table}` });
  if (target.restrict) target.restrict(qb, BASE_ALIAS);
  const related = { ...(target.restrictRelated ? { restrictRelated: target.restrictRelated } : {}), ...(target.bookkeepingSchema ? { bookkeepingSchema: target.bookkeepingSchema } : {}) };
  return { qb, scope: { knex, schema: target.schema, alias: BASE_ALIAS, ...related } };
}

/** The WHERE shared by list, count and aggregate: filter and search, never pagination. */
export function applyWhere(qb: Knex.QueryBuilder, query: Pick<ListQuery | AggregateQuery, 'filter' | 'search'>, scope: SqlScope): Knex.QueryBuilder {
  if (query.filter) filterToSql(qb, query.filter, scope);
  if (query.search) searchToSql(qb, query.search, scope);
  return qb;
}

/**
 * Rows strictly after the cursor in the sort order. NULLs sort last in both directions
 * (`nulls last`), so "after v" is `> v or is null` (asc) and nothing comes after a NULL
 * except rows tied on it: OR over keys i of (keys before i equal AND key i after).
 */
/**
 * System columns that are NOT NULL: no `nulls last` in their ORDER BY (PostgreSQL will only
 * walk a plain btree index for the default NULLS placement) and no `or is null` in keysets.
 */
const NOT_NULL = new Set(['id', 'created_at', 'updated_at', 'version']);
const notNull = (key: SortKey) => key.field.hops.length === 0 && NOT_NULL.has(key.field.path);

function keysetToSql(qb: Knex.QueryBuilder, sort: SortKey[], values: (string | null)[], scope: SqlScope): Knex.QueryBuilder {
  const col = (key: SortKey) => `${scope.alias}.${key.field.column}`;
  return qb.where((outer) => {
    sort.forEach((key, i) => {
      const value = values[i];
      if (value === null) return; // nothing sorts after NULL within this key
      outer.orWhere((branch) => {
        for (let j = 0; j < i; j++) {
          const prior = values[j];
          if (prior === null) branch.whereNull(col(sort[j]));
          else branch.where(col(sort[j]), '=', prior);
        }
        const op = key.direction === 'asc' ? '>' : '<';
        if (notNull(key)) branch.where(col(key), op, value);
        else branch.where((after) => void after.where(col(key), op, value).orWhereNull(col(key)));
      });
    });
    // Every key NULL-tied and none after it: an empty page, not every row.
    if (values.every((v) => v === null)) outer.whereRaw('false');
  });
}

/**
 * The page of a list request: filter, search, keyset or offset, sort (NULLs last, `id` last
 * for a total order). Selects the sort keys as text under `_cursor_i` for `cursorFromRow`,
 * and fetches `limit + 1` rows so the caller knows whether there is a next page.
 */
export function listQueryToSql(knex: Knex, query: ListQuery, target: QueryTarget): Knex.QueryBuilder {
  const { qb, scope } = baseQuery(knex, target);
  if (query.columns) qb.select(query.columns.map((c) => `${BASE_ALIAS}.${c}`));
  else qb.select(`${BASE_ALIAS}.*`);
  query.sort.forEach((key, i) => qb.select(knex.raw('??::text as ??', [`${BASE_ALIAS}.${key.field.column}`, cursorColumn(i)])));
  applyWhere(qb, query, scope);
  if (query.cursor) keysetToSql(qb, query.sort, query.cursor, scope);
  qb.orderBy(query.sort.map((key) => ({ column: `${BASE_ALIAS}.${key.field.column}`, order: key.direction, ...(notNull(key) ? {} : { nulls: 'last' as const }) })));
  qb.limit(query.limit + 1);
  if (query.offset > 0) qb.offset(query.offset);
  return qb;
}

/** `select count(*)` over the same filter and search (the total of `count=true`). */
export function countQueryToSql(knex: Knex, query: Pick<ListQuery, 'filter' | 'search'>, target: QueryTarget): Knex.QueryBuilder {
  const { qb, scope } = baseQuery(knex, target);
  return applyWhere(qb.count({ count: '*' }), query, scope);
}
