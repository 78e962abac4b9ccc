import { encodeCursor } from './list-cursor';
import { countQueryToSql, listQueryToSql } from './list-query-to-sql';
import { parseListQuery } from './parse-list-query';
import { customer, deal, entities, knex, registry, target } from './query-fixtures';

const parsed = (query: Record<string, string | string[]>, entity = customer) => {
  const result = parseListQuery(query, entity, registry, entities);
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.value;
};
const sqlOf = (query: Record<string, string | string[]>, entity = customer) => listQueryToSql(knex, parsed(query, entity), target(entity)).toSQL().toNative();
/** Only the WHERE clause, so each operator test reads as one line. */
const whereOf = (query: Record<string, string | string[]>, entity = customer) => {
  const { sql, bindings } = sqlOf(query, entity);
  return { where: sql.slice(sql.indexOf(' where ') + 7, sql.indexOf(' order by ')), bindings: bindings.slice(0, -1) };
};

const SELECT = 'select "t0".*, "t0"."created_at"::text as "_cursor_0", "t0"."id"::text as "_cursor_1" from "app_t"."customer" as "t0"';
const ORDER = 'order by "t0"."created_at" desc, "t0"."id" desc';

describe('listQueryToSql', () => {
  it('without parameters: newest first, one row past the limit', () => {
    expect(sqlOf({})).toEqual({ sql: `${SELECT} ${ORDER} limit $1`, bindings: [51] });
  });

  it.each([
    ['filter[name]', 'Acme', '"t0"."name" = $1', ['Acme']],
    ['filter[name][ne]', 'Acme', '"t0"."name" is distinct from $1', ['Acme']],
    ['filter[employees][gt]', '10', '"t0"."employees" > $1', [10]],
    ['filter[employees][gte]', '10', '"t0"."employees" >= $1', [10]],
    ['filter[employees][lt]', '-15', '"t0"."employees" < $1', [-15]],
    ['filter[annual_revenue][lt]', '-1.5', '"t0"."annual_revenue" < $1', [-1.5]],
    ['filter[founded][lte]', '2020-02-29', '"t0"."founded" <= $1', ['2020-02-29']],
    ['filter[industry][in]', 'it,finance', '"t0"."industry" in ($1, $2)', ['it', 'finance']],
    ['filter[industry][nin]', 'it', '("t0"."industry" not in ($1) or "t0"."industry" is null)', ['it']],
    ['filter[created_at][between]', '2024-01-01T00:00:00Z,2024-12-31T23:59:59.999Z', '"t0"."created_at" between $1 and $2', ['2024-01-01T00:00:00Z', '2024-12-31T23:59:59.999Z']],
    ['filter[name][contains]', '华为', '"t0"."name" ilike $1', ['%华为%']],
    ['filter[name][startsWith]', '深圳', '"t0"."name" ilike $1', ['深圳%']],
    ['filter[email][isNull]', 'true', '"t0"."email" is null', []],
    ['filter[email][isNull]', 'false', '"t0"."email" is not null', []],
    ['filter[tags][containsAll]', 'vip,new', '"t0"."tags" @> $1::text[]', [['vip', 'new']]],
    ['filter[tags][containsAny]', 'vip', '"t0"."tags" && $1::text[]', [['vip']]],
    ['filter[active]', 'false', '"t0"."active" = $1', [false]],
    ['filter[version][gte]', '2', '"t0"."version" >= $1', [2]],
  ])('%s=%s → %s', (key, value, where, bindings) => {
    expect(whereOf({ [key]: value })).toEqual({ where, bindings });
  });

  it('escapes LIKE wildcards and the escape character in contains and search', () => {
    expect(whereOf({ 'filter[name][contains]': '50%_off\\' }).bindings).toEqual(['%50\\%\\_off\\\\%']);
    expect(whereOf({ q: '100%' })).toEqual({ where: '("t0"."name" ilike $1 or "t0"."email" ilike $2)', bindings: ['%100\\%%', '%100\\%%'] });
  });

  it('nests and/or as parenthesised groups', () => {
    const filter = { or: [{ name: { contains: 'a' } }, { and: [{ industry: { nin: ['it'] } }, { annual_revenue: { ne: 5 } }] }] };
    expect(whereOf({ filter: JSON.stringify(filter) })).toEqual({
      where: '(("t0"."name" ilike $1) or (((("t0"."industry" not in ($2) or "t0"."industry" is null)) and ("t0"."annual_revenue" is distinct from $3))))',
      bindings: ['%a%', 'it', 5],
    });
  });

  it('compiles relation paths to nested EXISTS over many-to-one hops', () => {
    expect(whereOf({ 'filter[contact.customer.industry]': 'it' }, deal)).toEqual({
      where:
        'exists (select 1 from "app_t"."contact" as "r1" where "r1"."id" = "t0"."contact" and ' +
        'exists (select 1 from "app_t"."customer" as "r2" where "r2"."id" = "r1"."customer" and "r2"."industry" = $1))',
      bindings: ['it'],
    });
  });

  it('sorts by several fields, NULLs last, id last; offset pages', () => {
    const { sql, bindings } = sqlOf({ sort: '-annual_revenue,name', limit: '10', offset: '20' });
    expect(sql).toContain('order by "t0"."annual_revenue" desc nulls last, "t0"."name" asc nulls last, "t0"."id" asc limit $1 offset $2');
    expect(bindings).toEqual([11, 20]);
  });

  it('pages by keyset: rows strictly after the cursor, NULL-aware', () => {
    const sort = parsed({ sort: '-annual_revenue,name' }).sort;
    const id = 'a1b2c3d4-0000-4000-8000-000000000000';
    expect(whereOf({ sort: '-annual_revenue,name', cursor: encodeCursor(sort, ['10', 'Acme', id]) })).toEqual({
      where:
        '((("t0"."annual_revenue" < $1 or "t0"."annual_revenue" is null)) or ' +
        '("t0"."annual_revenue" = $2 and ("t0"."name" > $3 or "t0"."name" is null)) or ' +
        '("t0"."annual_revenue" = $4 and "t0"."name" = $5 and "t0"."id" > $6))',
      bindings: ['10', '10', 'Acme', '10', 'Acme', id],
    });
    // After a NULL revenue only rows tied on NULL remain, ordered by the next keys.
    expect(whereOf({ sort: '-annual_revenue,name', cursor: encodeCursor(sort, [null, null, id]) })).toEqual({
      where: '(("t0"."annual_revenue" is null and "t0"."name" is null and "t0"."id" > $1))',
      bindings: [id],
    });
  });

  it('selects only the named fields (plus id) for fields=', () => {
    expect(sqlOf({ fields: 'name,score' }).sql).toMatch(/^select "t0"."id", "t0"."name", "t0"."created_at"::text/);
  });
});

describe('countQueryToSql', () => {
  it('counts with the same where and no pagination', () => {
    const query = parsed({ 'filter[industry]': 'it', q: 'x', limit: '5' });
    expect(countQueryToSql(knex, query, target(customer)).toSQL().toNative()).toEqual({
      sql: 'select count(*) as "count" from "app_t"."customer" as "t0" where "t0"."industry" = $1 and ("t0"."name" ilike $2 or "t0"."email" ilike $3)',
      bindings: ['it', '%x%', '%x%'],
    });
  });
});
