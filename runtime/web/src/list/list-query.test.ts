import type { EntityDefinition } from '@tessera/metadata';
import { conditionsToFilter, nextSort, pageQuery } from './list-query';

const entity = {
  type: 'object', 'x-name': 'customer', 'x-plural': 'customers', 'x-label': { en: 'Customer' },
  properties: {
    name: { 'x-id': 'a', 'x-type': 'text', 'x-label': { en: 'Name' } },
    industry: { 'x-id': 'b', 'x-type': 'select', 'x-label': { en: 'Industry' }, 'x-options': [{ value: 'it', label: { en: 'IT' } }] },
    annual_revenue: { 'x-id': 'c', 'x-type': 'currency', 'x-label': { en: 'Revenue' } },
    next_contact_at: { 'x-id': 'd', 'x-type': 'datetime', 'x-label': { en: 'Next contact' } },
  },
} as unknown as EntityDefinition;

describe('list query', () => {
  it('turns builder rows into the API JSON filter, values as typed (the API coerces them by kind)', () => {
    expect(JSON.parse(conditionsToFilter(entity, [
      { field: 'industry', op: 'in', value: 'it, finance' },
      { field: 'annual_revenue', op: 'gte', value: '1000' },
      { field: 'name', op: 'contains', value: '' },
      { field: 'name', op: 'isNull', value: 'false' },
    ])!)).toEqual({ and: [{ industry: { in: ['it', 'finance'] } }, { annual_revenue: { gte: '1000' } }, { name: { isNull: false } }] });
    expect(conditionsToFilter(entity, [])).toBeUndefined();
  });

  it('builds a page query with sort, search and total', () => {
    const q = new URLSearchParams(pageQuery(entity, { sort: '-name', q: ' 华为 ', conditions: [], offset: 20 }, 20));
    expect(Object.fromEntries(q)).toEqual({ sort: '-name', q: '华为', limit: '20', offset: '20', count: 'true' });
  });

  it('cycles a header through ascending, descending, default', () => {
    expect(nextSort(undefined, 'name')).toBe('name');
    expect(nextSort('name', 'name')).toBe('-name');
    expect(nextSort('-name', 'name')).toBeUndefined();
    expect(nextSort('-industry', 'name')).toBe('name');
  });

  it('filters by the owner and by "updated in the last N days" (system columns)', () => {
    const before = Date.now();
    const filter = JSON.parse(conditionsToFilter(entity, [
      { field: 'owner', op: 'eq', value: 'u1' }, { field: 'updated_at', op: 'lastDays', value: '7' }, { field: 'created_at', op: 'lastDays', value: 'x' }, { field: 'bogus', op: 'eq', value: 'v' },
    ])!) as { and: Record<string, Record<string, string>>[] };
    expect(filter.and[0]).toEqual({ owner: { eq: 'u1' } });
    const after = Date.now();
    // "now − 7 days" as of the moment the filter was built, which lies between before and after.
    const since = Date.parse(filter.and[1].updated_at.gte);
    expect(since).toBeGreaterThanOrEqual(before - 7 * 86_400_000);
    expect(since).toBeLessThanOrEqual(after - 7 * 86_400_000);
    expect(filter.and).toHaveLength(2); // a days value that is not a number yet, and an unknown field, are left out
  });

  it('sends a datetime condition as an instant: a day from the date picker covers the whole day, a local time gets its zone', () => {
    const filter = JSON.parse(conditionsToFilter(entity, [
      { field: 'created_at', op: 'gte', value: '2026-03-01' },
      { field: 'created_at', op: 'lte', value: '2026-03-31' },
      { field: 'updated_at', op: 'lt', value: '2026-04-01' },
      { field: 'next_contact_at', op: 'gte', value: '2026-03-05T09:30' },
    ])!) as { and: Record<string, Record<string, string>>[] };
    expect(filter.and).toEqual([
      { created_at: { gte: new Date(2026, 2, 1).toISOString() } },
      { created_at: { lt: new Date(2026, 3, 1).toISOString() } },
      { updated_at: { lt: new Date(2026, 3, 1).toISOString() } },
      { next_contact_at: { gte: new Date(2026, 2, 5, 9, 30).toISOString() } },
    ]);
    // Each is an ISO instant with its zone, which the API's date-time check accepts.
    for (const part of filter.and) for (const bound of Object.values(Object.values(part)[0])) expect(bound).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
  });
});
