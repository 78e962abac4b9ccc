import { aggregateQueryToSql } from './aggregate-query-to-sql';
import { parseAggregateQuery } from './parse-aggregate-query';
import { customer, entities, knex, registry, target } from './query-fixtures';

const parse = (query: Record<string, string>) => parseAggregateQuery(query, customer, registry, entities);

describe('aggregateQueryToSql', () => {
  it('groups by fields and date buckets (timestamps in UTC unless a zone is given), with the list filter', () => {
    const result = parse({ group: 'industry,created_at:month,founded:week', measures: 'count,sum:annual_revenue,avg:employees,max:founded', 'filter[active]': 'true' });
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    expect(aggregateQueryToSql(knex, result.value, target(customer)).toSQL().toNative()).toEqual({
      sql:
        'select "t0"."industry" as "g0", date_trunc($1, "t0"."created_at" at time zone $2)::date::text as "g1", ' +
        'date_trunc($3, "t0"."founded"::timestamp)::date::text as "g2", count(*) as "m0", sum("t0"."annual_revenue") as "m1", ' +
        'avg("t0"."employees") as "m2", max("t0"."founded") as "m3" from "app_t"."customer" as "t0" where "t0"."active" = $4 ' +
        'group by 1, 2, 3 order by 1, 2, 3 limit $5',
      bindings: ['month', 'UTC', 'week', true, 1000],
    });
  });

  it('buckets by quarter on the workspace calendar and counts distinct values', () => {
    const result = parse({ group: 'created_at:quarter', measures: 'distinct:industry' });
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    expect(aggregateQueryToSql(knex, result.value, target(customer), 'Asia/Shanghai').toSQL().toNative()).toEqual({
      sql: 'select date_trunc($1, "t0"."created_at" at time zone $2)::date::text as "g0", count(distinct "t0"."industry") as "m0" from "app_t"."customer" as "t0" group by 1 order by 1 limit $3',
      bindings: ['quarter', 'Asia/Shanghai', 1000],
    });
  });

  it('counts everything without groups', () => {
    const result = parse({});
    if (!result.ok) throw new Error('expected ok');
    expect(aggregateQueryToSql(knex, result.value, target(customer)).toSQL().toNative()).toEqual({
      sql: 'select count(*) as "m0" from "app_t"."customer" as "t0" limit $1',
      bindings: [1000],
    });
  });

  it.each([
    [{ group: 'nope' }, 'group', 'unknown field'],
    [{ group: 'name:month' }, 'group', 'not a date'],
    [{ group: 'created_at:hour' }, 'group', 'unknown bucket'],
    [{ group: 'tags' }, 'group', 'cannot group'],
    [{ measures: 'sum:name' }, 'measures', 'does not apply'],
    [{ measures: 'median:employees' }, 'measures', 'not a measure'],
    [{ measures: 'sum' }, 'measures', 'needs a field'],
    [{ measures: 'count,count' }, 'measures', 'twice'],
    [{ measures: 'sum:employees);drop table x;--' }, 'measures', 'unknown field'],
    [{ limit: '1001' }, 'limit', 'from 1 to 1000'],
    [{ sort: 'name' }, 'sort', 'not a query parameter'],
  ])('rejects %j naming %s', (query, parameter, message) => {
    expect(parse(query as Record<string, string>)).toEqual({ ok: false, errors: [{ parameter, message: expect.stringContaining(message) }] });
  });
});
