import type { Knex } from 'knex';
import type { FilterCondition, FilterNode, FilterValue, RelationHop, SearchQuery } from './query-types';
import { digitsSql } from './search-fields';

/** Where a filter is applied: the app schema and the alias of the table it starts from. */
export interface SqlScope {
  knex: Knex;
  schema: string;
  alias: string;
  /** Where Tessera's users and departments live (relation paths through user fields); default `tessera`. */
  bookkeepingSchema?: string;
  /**
   * Conditions on a related entity's rows inside a relation path's EXISTS (the reader's data
   * scope on `entity`), so rows the reader may not see never decide a match. `alias` is the
   * related table's. Values must be bound.
   */
  restrictRelated?: (qb: Knex.QueryBuilder, entity: string, alias: string) => void;
}

/** `%`, `_` and `\` are LIKE wildcards / escape in PostgreSQL (backslash is the default escape). */
export const escapeLike = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

/**
 * Applies a filter tree to a query builder. Every value is a bound parameter; every
 * identifier (alias, column, table) comes from metadata via the parsed query.
 */
export function filterToSql(qb: Knex.QueryBuilder, node: FilterNode, scope: SqlScope): Knex.QueryBuilder {
  if ('and' in node) return qb.where((b) => void node.and.forEach((child) => b.where((inner) => void filterToSql(inner, child, scope))));
  if ('or' in node) return qb.where((b) => void node.or.forEach((child) => b.orWhere((inner) => void filterToSql(inner, child, scope))));
  return conditionToSql(qb, node, scope, 0);
}

/**
 * A condition on a related record's field (`customer.industry`, `contacts.full_name`): one
 * EXISTS per hop, nested. EXISTS keeps the base query's row count whatever the hop's kind, so
 * a to-many path means "at least one related row matches" and never duplicates a row.
 * Soft-deleted related rows and (through `restrictRelated`) rows outside the reader's scope
 * are excluded inside the EXISTS, so they cannot be probed through a filter.
 */
function conditionToSql(qb: Knex.QueryBuilder, cond: FilterCondition, scope: SqlScope, hopIndex: number): Knex.QueryBuilder {
  const hop = cond.field.hops[hopIndex];
  if (!hop) return comparisonToSql(qb, `${scope.alias}.${cond.field.column}`, cond);
  const alias = `r${hopIndex + 1}`;
  return qb.whereExists((sub) => {
    sub.select(scope.knex.raw('1'));
    hopToSql(sub, hop, scope, alias, hopIndex);
    if (!(hop.kind === 'many-to-one' && hop.directory)) {
      if (hop.softDelete) sub.whereNull(`${alias}.deleted_at`);
      scope.restrictRelated?.(sub, hop.table, alias);
    }
    conditionToSql(sub, cond, { ...scope, alias }, hopIndex + 1);
  });
}

/** FROM and the link condition of one hop; `alias` names the related table. */
function hopToSql(sub: Knex.QueryBuilder, hop: RelationHop, scope: SqlScope, alias: string, hopIndex: number): void {
  const base = scope.alias;
  switch (hop.kind) {
    case 'many-to-one': {
      const schema = hop.directory ? (scope.bookkeepingSchema ?? 'tessera') : scope.schema;
      return void sub.from({ [alias]: `${schema}.${hop.table}` }).whereRaw('?? = ??', [`${alias}.id`, `${base}.${hop.column}`]);
    }
    case 'one-to-many':
      return void sub.from({ [alias]: `${scope.schema}.${hop.table}` }).whereRaw('?? = ??', [`${alias}.${hop.column}`, `${base}.id`]);
    case 'many-to-many': {
      // The join table's primary key (left_id, right_id) serves the lookup from the base row.
      const link = `j${hopIndex + 1}`;
      sub.from({ [link]: `${scope.schema}.${hop.joinTable}` }).join({ [alias]: `${scope.schema}.${hop.table}` }, `${alias}.id`, `${link}.right_id`);
      return void sub.whereRaw('?? = ??', [`${link}.left_id`, `${base}.id`]);
    }
  }
}

function comparisonToSql(qb: Knex.QueryBuilder, column: string, cond: FilterCondition): Knex.QueryBuilder {
  const one = cond.value as FilterValue;
  const many = cond.value as FilterValue[];
  switch (cond.op) {
    case 'eq':
      return qb.where(column, '=', one as string);
    case 'ne':
      // `<>` would also drop rows where the field is empty, which is never what "not X" means.
      return qb.whereRaw('?? is distinct from ?', [column, one]);
    case 'gt':
      return qb.where(column, '>', one as string);
    case 'gte':
      return qb.where(column, '>=', one as string);
    case 'lt':
      return qb.where(column, '<', one as string);
    case 'lte':
      return qb.where(column, '<=', one as string);
    case 'in':
      return qb.whereIn(column, many as string[]);
    case 'nin':
      return qb.where((b) => void b.whereNotIn(column, many as string[]).orWhereNull(column));
    case 'between':
      return qb.whereBetween(column, [many[0] as string, many[1] as string]);
    case 'contains':
      return qb.whereRaw('?? ilike ?', [column, `%${escapeLike(String(one))}%`]);
    case 'startsWith':
      return qb.whereRaw('?? ilike ?', [column, `${escapeLike(String(one))}%`]);
    case 'isNull':
      return one === true ? qb.whereNull(column) : qb.whereNotNull(column);
    case 'containsAll':
      return qb.whereRaw('?? @> ?::text[]', [column, many as string[]]);
    case 'containsAny':
      return qb.whereRaw('?? && ?::text[]', [column, many as string[]]);
  }
}

/** `q`: the text as a substring of any searchable column, case-insensitive. */
export function searchToSql(qb: Knex.QueryBuilder, search: SearchQuery, scope: SqlScope): Knex.QueryBuilder {
  return qb.where((b) => void searchConditions(b, search, scope.alias));
}

/**
 * The OR of a search's conditions on `alias`'s columns: a case-insensitive substring of a text
 * column, the digits of a phone column (the expression its trigram index is built on). No
 * column to match is no match.
 */
export function searchConditions(b: Knex.QueryBuilder, search: SearchQuery, alias: string): void {
  const pattern = `%${escapeLike(search.text)}%`;
  for (const column of search.columns) b.orWhereRaw('?? ilike ?', [`${alias}.${column}`, pattern]);
  for (const column of search.phones ?? []) b.orWhereRaw(`${digitsSql('??')} like ?`, [`${alias}.${column}`, `%${search.digits}%`]);
  if (search.columns.length === 0 && !search.phones?.length) b.whereRaw('false');
}
