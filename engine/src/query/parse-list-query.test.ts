import { encodeCursor } from './list-cursor';
import { parseGetQuery, parseListQuery } from './parse-list-query';
import { contact, customer, deal, entities, registry } from './query-fixtures';
import type { FilterCondition, ListQuery, QueryError } from './query-types';

const parse = (query: Record<string, string | string[]>, entity = customer) => parseListQuery(query, entity, registry, entities);
const ok = (query: Record<string, string | string[]>, entity = customer): ListQuery => {
  const result = parse(query, entity);
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.value;
};
const errors = (query: Record<string, string | string[]>, entity = customer): QueryError[] => {
  const result = parse(query, entity);
  if (result.ok) throw new Error('expected errors');
  return result.errors;
};
const brief = (c: unknown) => {
  const cond = c as FilterCondition;
  return { path: cond.field.path, op: cond.op, value: cond.value };
};

describe('parseListQuery', () => {
  it('defaults: newest first, id as tie-breaker, 50 rows, total counted', () => {
    const q = ok({});
    expect(q.sort.map((k) => [k.field.path, k.direction])).toEqual([['created_at', 'desc'], ['id', 'desc']]);
    expect(q).toMatchObject({ limit: 50, offset: 0, count: true, expand: [] });
    expect(q.filter).toBeUndefined();
  });

  it('reads the bracket form with coercion per field kind', () => {
    const q = ok({ 'filter[industry][in]': 'it,finance', 'filter[annual_revenue][gte]': '1000', 'filter[active]': 'true', 'filter[founded][between]': '2000-01-01,2010-12-31' });
    expect('and' in q.filter! && q.filter.and.map(brief)).toEqual([
      { path: 'industry', op: 'in', value: ['it', 'finance'] },
      { path: 'annual_revenue', op: 'gte', value: 1000 },
      { path: 'active', op: 'eq', value: true },
      { path: 'founded', op: 'between', value: ['2000-01-01', '2010-12-31'] },
    ]);
  });

  it('accepts repeated parameters for lists, so values may contain commas', () => {
    const q = ok({ 'filter[name][in]': ['A, Inc.', 'B'] });
    expect(brief(q.filter)).toEqual({ path: 'name', op: 'in', value: ['A', ' Inc.', 'B'] });
    const json = ok({ filter: JSON.stringify({ name: { in: ['A, Inc.', 'B'] } }) });
    expect(brief(json.filter)).toEqual({ path: 'name', op: 'in', value: ['A, Inc.', 'B'] });
  });

  it('reads the JSON form with nested and/or and the eq shorthand', () => {
    const filter = { and: [{ industry: { in: ['it'] } }, { or: [{ name: 'Acme' }, { annual_revenue: { gt: 5 }, active: { isNull: true } }] }] };
    const q = ok({ filter: JSON.stringify(filter) });
    const root = q.filter as { and: unknown[] };
    expect(brief(root.and[0])).toEqual({ path: 'industry', op: 'in', value: ['it'] });
    const or = (root.and[1] as { or: unknown[] }).or;
    expect(brief(or[0])).toEqual({ path: 'name', op: 'eq', value: 'Acme' });
    expect((or[1] as { and: unknown[] }).and.map(brief)).toEqual([
      { path: 'annual_revenue', op: 'gt', value: 5 },
      { path: 'active', op: 'isNull', value: true },
    ]);
  });

  it('resolves relation paths through many-to-one fields', () => {
    const q = ok({ 'filter[contact.customer.industry]': 'it' }, deal);
    const cond = q.filter as FilterCondition;
    expect(cond.field.hops).toEqual([{ kind: 'many-to-one', column: 'contact', table: 'contact' }, { kind: 'many-to-one', column: 'customer', table: 'customer' }]);
    expect(cond.field.column).toBe('industry');
  });

  it.each([
    [{ 'filter[nope]': 'x' }, 'filter[nope]', 'unknown field "nope"'],
    [{ 'filter[name][like]': 'x' }, 'filter[name][like]', 'unknown operator "like"'],
    [{ 'filter[industry][gt]': 'it' }, 'filter[industry][gt]', 'does not support "gt"'],
    [{ 'filter[industry]': 'steel' }, 'filter[industry]', 'must be one of'],
    [{ 'filter[annual_revenue][gte]': '1 or 1=1' }, 'filter[annual_revenue][gte]', 'must be a number'],
    [{ 'filter[founded]': '2024-02-30' }, 'filter[founded]', 'must be a date'],
    [{ 'filter[id]': "1'; drop table x; --" }, 'filter[id]', 'must be a UUID'],
    [{ 'filter[version][gt]': '99999999999' }, 'filter[version][gt]', 'in range'],
    [{ 'filter[active]': 'yes' }, 'filter[active]', 'true or false'],
    [{ 'filter[name][between]': 'a' }, 'filter[name][between]', 'does not support'],
    [{ 'filter[founded][between]': '2000-01-01' }, 'filter[founded][between]', 'exactly two'],
    [{ 'filter[name][isNull]': 'maybe' }, 'filter[name][isNull]', 'true or false'],
    [{ 'filter[score]': '1' }, 'filter[score]', 'unknown field "score"'],
    [{ 'filter[name.x]': '1' }, 'filter[name.x]', 'not a relation'],
    [{ 'filter[customer.name]': '1' }, 'filter[customer.name]', '"customer" is not a relation of customer'],
    [{ 'filter]': 'x' }, 'filter]', 'must look like'],
    [{ filter: '{"name":' }, 'filter', 'not valid JSON'],
    [{ filter: '[1]' }, 'filter', 'must be an object'],
    [{ filter: '{"or":[]}' }, 'filter', 'non-empty array'],
    [{ filter: '{"name":{"eq":{"$gt":""}}}' }, 'filter', 'single value'],
    [{ filter: '{"name":{"eq":null}}' }, 'filter', 'use isNull'],
    [{ sort: 'nope' }, 'sort', 'unknown field "nope"'],
    [{ sort: 'name;drop table x' }, 'sort', 'unknown field'],
    [{ sort: 'tags' }, 'sort', 'cannot be sorted'],
    [{ sort: 'name,-name' }, 'sort', 'twice'],
    [{ fields: 'name,password' }, 'fields', 'unknown field "password"'],
    [{ limit: '501' }, 'limit', 'from 1 to 500'],
    [{ limit: '0' }, 'limit', 'from 1 to 500'],
    [{ offset: '-1' }, 'offset', 'whole number'],
    [{ count: 'yes' }, 'count', 'true or false'],
    [{ cursor: 'not a cursor!' }, 'cursor', 'not a cursor'],
    [{ expand: 'nope' }, 'expand', 'not a relation'],
    [{ q: 'x'.repeat(201) }, 'q', 'longer than'],
    [{ select: '*' }, 'select', 'not a query parameter'],
  ])('rejects %j naming %s', (query, parameter, message) => {
    expect(errors(query as Record<string, string>)).toEqual([expect.objectContaining({ parameter, message: expect.stringContaining(message) })]);
  });

  it('limits conditions, nesting and list sizes', () => {
    const twentyOne = { filter: JSON.stringify({ and: Array.from({ length: 21 }, (_, i) => ({ name: `n${i}` })) }) };
    expect(errors(twentyOne)).toEqual([{ parameter: 'filter', message: expect.stringContaining('more than 20 conditions') }]);
    const deep = { filter: JSON.stringify({ and: [{ or: [{ and: [{ or: [{ name: 'x' }] }] }] }] }) };
    expect(errors(deep)[0].message).toContain('deeper than 4');
    const wide = { 'filter[name][in]': Array.from({ length: 101 }, (_, i) => `v${i}`).join(',') };
    expect(errors(wide)[0].message).toContain('1 to 100 values');
  });

  it('reports every problem at once', () => {
    expect(errors({ sort: 'x', limit: '0', 'filter[y]': '1' }).map((e) => e.parameter).sort()).toEqual(['filter[y]', 'limit', 'sort']);
  });

  it('searches the short-text fields only', () => {
    expect(ok({ q: ' 华为 ' }).search).toEqual({ text: '华为', columns: ['name', 'email'] });
  });

  it('round-trips a cursor and rejects one made for another sort or forged', () => {
    const first = ok({ sort: '-annual_revenue,name' });
    const cursor = encodeCursor(first.sort, ['1000.00', '深圳', 'a1b2c3d4-0000-4000-8000-000000000000']);
    expect(ok({ sort: '-annual_revenue,name', cursor }).cursor).toEqual(['1000.00', '深圳', 'a1b2c3d4-0000-4000-8000-000000000000']);
    expect(ok({ sort: '-annual_revenue,name', cursor }).count).toBe(false);
    expect(errors({ sort: 'name', cursor })[0]).toMatchObject({ parameter: 'cursor', message: expect.stringContaining('different sort') });
    const forged = encodeCursor(first.sort, ["1 or 1=1", 'x', 'y']);
    expect(errors({ sort: '-annual_revenue,name', cursor: forged })[0].parameter).toBe('cursor');
    expect(errors({ sort: '-annual_revenue,name', cursor, offset: '5' })[0].parameter).toBe('offset');
  });

  it('narrows the selected columns for fields=, keeping id and expand keys', () => {
    const q = ok({ fields: 'full_name', expand: 'customer' }, contact);
    expect(q.columns).toEqual(['id', 'full_name', 'customer']);
  });

  it('builds an expand tree: many-to-one, its own relation, and one-to-many', () => {
    expect(ok({ expand: 'contact,contact.customer' }, deal).expand).toEqual([
      { name: 'contact', kind: 'many-to-one', column: 'contact', entity: 'contact', children: [{ name: 'customer', kind: 'many-to-one', column: 'customer', entity: 'customer', children: [] }] },
    ]);
    expect(ok({ expand: 'contacts.deals' }).expand).toEqual([
      { name: 'contacts', kind: 'one-to-many', column: 'customer', entity: 'contact', children: [{ name: 'deals', kind: 'one-to-many', column: 'contact', entity: 'deal', children: [] }] },
    ]);
    expect(errors({ expand: 'contacts.deals.contact' })[0].message).toContain('deeper than 2');
  });
});

describe('parseGetQuery', () => {
  it('takes expand and fields only', () => {
    expect(parseGetQuery({ expand: 'customer' }, contact, registry, entities).ok).toBe(true);
    expect(parseGetQuery({ sort: 'name' }, contact, registry, entities)).toEqual({ ok: false, errors: [expect.objectContaining({ parameter: 'sort' })] });
  });
});
