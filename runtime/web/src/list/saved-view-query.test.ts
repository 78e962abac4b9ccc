import type { EntityDefinition } from '@tessera/metadata';
import { filterToConditions, queryToView, viewToQuery } from './saved-view-query';

const entity = {
  type: 'object', 'x-name': 'customer', 'x-plural': 'customers', 'x-label': { en: 'Customer' },
  properties: {
    name: { 'x-id': 'n', 'x-type': 'text', 'x-label': { en: 'Name' } },
    employees: { 'x-id': 'e', 'x-type': 'number', 'x-label': { en: 'Employees' } },
    industry: { 'x-id': 'i', 'x-type': 'select', 'x-label': { en: 'Industry' }, 'x-options': [{ value: 'it', label: { en: 'IT' } }] },
  },
} as unknown as EntityDefinition;

describe('saved view queries', () => {
  it('round-trips the builder\'s rows, sort and search', () => {
    const view = { sort: '-name', q: ' acme ', offset: 40, conditions: [{ field: 'industry', op: 'in' as const, value: 'it, finance' }, { field: 'employees', op: 'gt' as const, value: '10' }] };
    const query = viewToQuery(entity, view);
    expect(query).toEqual({ filter: { and: [{ industry: { in: ['it', 'finance'] } }, { employees: { gt: '10' } }] }, sort: '-name', q: 'acme' });
    expect(queryToView(query)).toEqual({ sort: '-name', q: 'acme', offset: 0, conditions: [{ field: 'industry', op: 'in', value: 'it, finance' }, { field: 'employees', op: 'gt', value: '10' }] });
  });

  it('stores nothing for an empty view and drops parts the builder cannot show', () => {
    expect(viewToQuery(entity, { q: '  ', conditions: [{ field: 'name', op: 'eq', value: '' }], offset: 0 })).toEqual({});
    expect(filterToConditions({ or: [{ name: { eq: 'x' } }] })).toEqual([]);
    expect(filterToConditions({ name: { eq: 'x', bogus: 1 } })).toEqual([{ field: 'name', op: 'eq', value: 'x' }]);
    expect(filterToConditions(undefined)).toEqual([]);
  });
});
