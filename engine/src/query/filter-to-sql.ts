import type { Knex } from 'knex';
import type { FilterCondition, FilterNode, FilterValue } from './query-types';

/** Where a filter is applied: the app schema and the alias of the table it starts from. */
export interface SqlScope {
  knex: Knex;
  schema: string;
  alias: string;
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
 * A condition on a related record's field (`customer.industry`): EXISTS over the target
 * table, one level per many-to-one hop. EXISTS keeps the row count of the base query (a join
 * would too for many-to-one, but not for the one-to-many paths that may come later).
 */
function conditionToSql(qb: Knex.QueryBuilder, cond: FilterCondition, scope: SqlScope, hopIndex: number): Knex.QueryBuilder {
  const hop = cond.field.hops[hopIndex];
  if (!hop) return comparisonToSql(qb, `${scope.alias}.${cond.field.column}`, cond);
  const alias = `r${hopIndex + 1}`;
  return qb.whereExists((sub) => {
    sub.from({ [alias]: `${scope.schema}.${hop.table}` }).whereRaw('?? = ??', [`${alias}.id`, `${scope.alias}.${hop.column}`]);
    sub.select(scope.knex.raw('1'));
    conditionToSql(sub, cond, { ...scope, alias }, hopIndex + 1);
  });
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
export function searchToSql(qb: Knex.QueryBuilder, search: { text: string; columns: string[] }, scope: SqlScope): Knex.QueryBuilder {
  const pattern = `%${escapeLike(search.text)}%`;
  return qb.where((b) => void search.columns.forEach((column) => b.orWhereRaw('?? ilike ?', [`${scope.alias}.${column}`, pattern])));
}
