import type { Knex } from 'knex';
import { applyWhere, BASE_ALIAS, baseQuery, type QueryTarget } from './list-query-to-sql';
import type { AggregateGroup, AggregateQuery } from './query-types';

export const groupColumn = (index: number) => `g${index}`;
export const measureColumn = (index: number) => `m${index}`;

/**
 * A date bucket as the `YYYY-MM-DD` of its first day. A timestamp is bucketed on the calendar of
 * `timeZone` (the workspace's: a deal won at 07:30 in Shanghai on the 1st belongs to that month,
 * not to the previous one as in UTC), never the server's. Weeks start on Monday (ISO).
 */
function groupExpression(knex: Knex, group: AggregateGroup, alias: string, timeZone: string): Knex.Raw {
  const column = `${BASE_ALIAS}.${group.field.column}`;
  if (!group.bucket) return knex.raw('?? as ??', [column, alias]);
  if (group.field.kind === 'date') return knex.raw('date_trunc(?, ??::timestamp)::date::text as ??', [group.bucket, column, alias]);
  return knex.raw('date_trunc(?, ?? at time zone ?)::date::text as ??', [group.bucket, column, timeZone, alias]);
}

/**
 * `select <groups> as g0.., <measures> as m0.. where <filter> group by 1.. order by 1..`.
 * Groups are ordinals so the bound bucket unit is written once.
 */
export function aggregateQueryToSql(knex: Knex, query: AggregateQuery, target: QueryTarget, timeZone = 'UTC'): Knex.QueryBuilder {
  const { qb, scope } = baseQuery(knex, target);
  query.groups.forEach((group, i) => qb.select(groupExpression(knex, group, groupColumn(i), timeZone)));
  query.measures.forEach((measure, i) => {
    if (measure.fn === 'count' || !measure.field) qb.select(knex.raw('count(*) as ??', [measureColumn(i)]));
    else if (measure.fn === 'distinct') qb.select(knex.raw('count(distinct ??) as ??', [`${BASE_ALIAS}.${measure.field.column}`, measureColumn(i)]));
    // fn comes from a fixed list (sum|avg|min|max here), never from the request text.
    else qb.select(knex.raw(`${measure.fn}(??) as ??`, [`${BASE_ALIAS}.${measure.field.column}`, measureColumn(i)]));
  });
  applyWhere(qb, query, scope);
  if (query.groups.length > 0) {
    const ordinals = query.groups.map((_, i) => i + 1).join(', ');
    qb.groupByRaw(ordinals).orderByRaw(ordinals);
  }
  return qb.limit(query.limit);
}
