import type { DashboardCard } from './dashboard-types';
import { validateApp } from '../validation/validate-app';
import { viewsApp } from '../view/view-fixtures';

const codes = (...cards: Partial<DashboardCard>[]) => {
  const full = cards.map((c, i) => ({ id: `c${i}`, title: { en: 'Card' }, entity: 'customer', chart: 'bar', measure: 'count', group: 'level', ...c }) as DashboardCard);
  const result = validateApp({ ...viewsApp(), dashboards: [{ name: 'sales', label: { en: 'Sales' }, cards: full }] });
  return result.ok ? [] : result.errors.map((e) => `${e.code} ${e.pointer}`);
};

describe('checkDashboards', () => {
  it('accepts counts, sums and averages grouped by fields and date buckets', () => {
    expect(codes(
      {},
      { chart: 'line', measure: 'sum:revenue', group: 'created_at:month' },
      { chart: 'pie', measure: 'avg:revenue', group: 'since:year', filter: { level: { in: ['A', 'B'] } } },
      { chart: 'number', measure: 'sum:revenue', group: undefined },
      { chart: 'bar', group: 'owner' },
      { entity: 'quote', measure: 'sum:amount', group: 'currency_code', filter: { 'customer.level': 'A' } },
    )).toEqual([]);
  });

  it('names missing entities and fields', () => {
    expect(codes({ entity: 'lead' }, { measure: 'sum:revnue' }, { group: 'levl' }, { filter: { or: [{ nme: 'x' }] } })).toEqual([
      'card-entity-missing /dashboards/0/cards/0/entity',
      'card-field-missing /dashboards/0/cards/1/measure',
      'card-field-missing /dashboards/0/cards/2/group',
      'card-field-missing /dashboards/0/cards/3/filter/or/0/nme',
    ]);
  });

  it('only adds up numbers and amounts, and suggests the numeric fields', () => {
    const result = validateApp({ ...viewsApp(), dashboards: [{ name: 'd', label: { en: 'D' }, cards: [{ id: 'x', title: { en: 'X' }, entity: 'customer', chart: 'bar', measure: 'sum:name', group: 'level' }] }] });
    expect(result.ok ? [] : result.errors.map((e) => [e.code, e.pointer, e.hint])).toEqual([['card-measure-invalid', '/dashboards/0/cards/0/measure', 'Numeric fields of entity "customer": revenue; or use "count".']]);
    expect(codes({ measure: 'max:revenue' as never })).toEqual(['invalid-format /dashboards/0/cards/0/measure']);
  });

  it('checks groups: buckets only on dates, no multi-valued fields, none on a number card, one on every chart', () => {
    expect(codes({ group: 'level:month' }, { group: 'tags' }, { chart: 'number' }, { chart: 'funnel', group: undefined })).toEqual([
      'card-group-invalid /dashboards/0/cards/0/group',
      'card-group-invalid /dashboards/0/cards/1/group',
      'card-group-invalid /dashboards/0/cards/2/group',
      'card-group-invalid /dashboards/0/cards/3',
    ]);
  });

  it('refuses to add up a per-record-currency amount across currencies (ADR 0013)', () => {
    expect(codes({ entity: 'quote', measure: 'sum:amount', group: 'name' }, { entity: 'quote', chart: 'number', measure: 'avg:amount', group: undefined })).toEqual([
      'card-currency-mixed /dashboards/0/cards/0/measure',
      'card-currency-mixed /dashboards/0/cards/1/measure',
    ]);
  });

  it('refuses duplicate dashboard names and card ids', () => {
    const card = { id: 'a', title: { en: 'A' }, entity: 'customer', chart: 'number' as const, measure: 'count' as const };
    const result = validateApp({ ...viewsApp(), dashboards: [{ name: 'd', label: { en: 'D' }, cards: [card, card] }, { name: 'd', label: { en: 'D' }, cards: [] }] });
    expect(result.ok ? [] : result.errors.map((e) => `${e.code} ${e.pointer}`)).toEqual(['duplicate-card-id /dashboards/0/cards/1/id', 'duplicate-dashboard-name /dashboards/1/name']);
  });
});
