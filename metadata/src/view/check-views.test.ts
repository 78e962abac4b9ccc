import type { ViewDefinition } from './view-types';
import { validateApp } from '../validation/validate-app';
import { viewsApp } from './view-fixtures';

const codes = (...views: ViewDefinition[]) => {
  const result = validateApp({ ...viewsApp(), views });
  return result.ok ? [] : result.errors.map((e) => `${e.code} ${e.pointer}`);
};
const list = (extra: Partial<ViewDefinition>): ViewDefinition => ({ name: 'all', entity: 'customer', label: { en: 'All' }, kind: 'list', ...extra });
const kanban = (extra: Partial<ViewDefinition>): ViewDefinition => ({ name: 'board', entity: 'quote', label: { en: 'Board' }, kind: 'kanban', groupBy: 'currency_code', ...extra });

describe('checkViews', () => {
  it('accepts list and kanban views over fields, system fields and relation paths', () => {
    expect(codes(
      list({ columns: ['name', 'level', 'owner', 'created_at'], sort: ['-revenue', 'name'], filter: { and: [{ level: { eq: 'A' } }, { 'owner.username': 'li' }] } }),
      kanban({ cardFields: ['customer', 'customer.level', 'amount'], filter: { or: [{ 'customer.level': 'A' }, { amount: { gt: 5 } }] } }),
    )).toEqual([]);
  });

  it('names the entity that does not exist, with the closest one', () => {
    const result = validateApp({ ...viewsApp(), views: [list({ entity: 'custmer' })] });
    expect(result.ok ? [] : result.errors.map((e) => [e.code, e.pointer, e.hint])).toEqual([['view-entity-missing', '/views/0/entity', 'Did you mean "customer"? Entities in this app: customer, quote.']]);
  });

  it('reports unknown columns, card fields, sort and filter fields at their place', () => {
    expect(codes(
      list({ columns: ['name', 'levle'], sort: ['-revenu'], filter: { and: [{ 'owner.password': 'x' }, { lvl: 'A' }] } }),
      kanban({ name: 'b2', cardFields: ['customer.nme', 'name.first'] }),
    )).toEqual([
      'view-field-missing /views/0/columns/1',
      'view-field-missing /views/0/sort/0',
      'view-field-missing /views/0/filter/and/0/owner.password',
      'view-field-missing /views/0/filter/and/1/lvl',
      'view-field-missing /views/1/cardFields/0',
      'view-field-missing /views/1/cardFields/1',
    ]);
  });

  it('refuses to-many columns and sorting by a related field', () => {
    expect(codes(list({ columns: ['quotes.name'], sort: ['quotes.name'] }), kanban({ sort: ['customer.level'] }))).toEqual([
      'view-field-invalid /views/0/columns/0',
      'view-field-invalid /views/0/sort/0',
      'view-field-invalid /views/1/sort/0',
    ]);
  });

  it('needs a kanban to group by a select field, and keeps list and kanban keywords apart', () => {
    expect(codes(kanban({ groupBy: undefined }))).toEqual(['view-group-invalid /views/0']);
    expect(codes(kanban({ groupBy: 'name' }))).toEqual(['view-group-invalid /views/0/groupBy']);
    const missing = validateApp({ ...viewsApp(), views: [kanban({ groupBy: 'curency_code' })] });
    expect(missing.ok ? '' : missing.errors[0].hint).toBe('Did you mean "currency_code"? Select fields of entity "quote": currency_code.');
    expect(codes(list({ groupBy: 'level', cardFields: ['name'] }), kanban({ columns: ['name'] }))).toEqual([
      'view-kind-mismatch /views/0/groupBy',
      'view-kind-mismatch /views/0/cardFields',
      'view-kind-mismatch /views/1/columns',
    ]);
  });

  it('refuses duplicate names and shapes the meta-schema rejects', () => {
    expect(codes(list({}), list({ columns: ['name'] }))).toEqual(['duplicate-view-name /views/1/name']);
    expect(codes(list({ kind: 'table' as never }))).toEqual(['invalid-value /views/0/kind']);
  });

  it('checks a calendar: a date or datetime start, an end of the same type, a title the entity has', () => {
    const calendar = (extra: Partial<ViewDefinition>): ViewDefinition => ({ name: 'cal', entity: 'customer', label: { en: 'Calendar' }, kind: 'calendar', startField: 'since', ...extra });
    expect(codes(calendar({ titleField: 'name', filter: { level: 'A' } }))).toEqual([]);
    expect(codes(
      calendar({ startField: undefined }),
      calendar({ name: 'c2', startField: 'name', endField: 'sinse' }),
      calendar({ name: 'c3', titleField: 'nme', columns: ['name'] }),
      list({ name: 'l', startField: 'since' }),
    )).toEqual([
      'view-field-missing /views/0',
      'view-field-invalid /views/1/startField',
      'view-field-invalid /views/1/endField',
      'view-field-missing /views/2/titleField',
      'view-kind-mismatch /views/2/columns',
      'view-kind-mismatch /views/3/startField',
    ]);
  });
});
