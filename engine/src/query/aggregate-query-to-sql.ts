import type { Knex } from 'knex';
import { applyWhere, BASE_ALIAS, baseQuery, type QueryTarget } from './list-query-to-sql';
import type { AggregateGroup, AggregateQuery } from './query-types';

export const groupColumn = (index: number) => `g${index}`;
export const measureColumn = (index: number) => `m${index}`;

/**
 * A date bucket as the `YYYY-MM-DD` of its first day, in UTC for timestamps so the answer
 * does not depend on the server's time zone. Weeks start on Monday (ISO).
 */
function groupExpression(knex: Knex, group: AggregateGroup, alias: string): Knex.Raw {
  const column = `${BASE_ALIAS}.${group.field.column}`;
  if (!group.bucket) return knex.raw('?? as ??', [column, alias]);
  const source = group.field.kind === 'date' ? '??::timestamp' : "?? at time zone 'UTC'";
  return knex.raw(`date_trunc(?, ${source})::date::text as ??`, [group.bucket, column, alias]);
}

/**
 * `select <groups> as g0.., <measures> as m0.. where <filter> group by 1.. order by 1..`.
 * Groups are ordinals so the bound bucket unit is written once.
 */
export function aggregateQueryToSql(knex: Knex, query: AggregateQuery, target: QueryTarget): Knex.QueryBuilder {
  const { qb, scope } = baseQuery(knex, target);
  query.groups.forEach((group, i) => qb.select(groupExpression(knex, group, groupColumn(i))));
  query.measures.forEach((measure, i) => {
    if (measure.fn === 'count' || !measure.field) qb.select(knex.raw('count(*) as ??', [measureColumn(i)]));
    // fn comes from a fixed list (count|sum|avg|min|max), never from the request text.
    else qb.select(knex.raw(`${measure.fn}(??) as ??`, [`${BASE_ALIAS}.${measure.field.column}`, measureColumn(i)]));
  });
  applyWhere(qb, query, scope);
  if (query.groups.length > 0) {
    const ordinals = query.groups.map((_, i) => i + 1).join(', ');
    qb.groupByRaw(ordinals).orderByRaw(ordinals);
  }
  return qb.limit(query.limit);
}
