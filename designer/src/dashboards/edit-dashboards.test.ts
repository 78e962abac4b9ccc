import type { AppDefinition } from '@tessera/metadata';
import { addCard, addDashboard, groupOptions, measureOptions, moveCard, patchCard, removeCard, removeDashboard } from './edit-dashboards';

const app = {
  name: 'crm', label: { en: 'CRM' }, layouts: [],
  entities: [
    { type: 'object', 'x-name': 'sales_deal', 'x-plural': 'deals', 'x-label': { en: 'Deal' }, properties: {
      stage: { 'x-id': 'a', 'x-type': 'select', 'x-label': { en: 'Stage' }, 'x-options': [{ value: 'y', label: { en: 'Y' } }] },
      amount: { 'x-id': 'b', 'x-type': 'currency', 'x-label': { en: 'Amount' } },
      closed: { 'x-id': 'c', 'x-type': 'date', 'x-label': { en: 'Closed' } },
      notes: { 'x-id': 'd', 'x-type': 'textarea', 'x-label': { en: 'Notes' } },
    } },
    { type: 'object', 'x-name': 'lead', 'x-plural': 'leads', 'x-label': { en: 'Lead' }, properties: {
      source: { 'x-id': 'e', 'x-type': 'select', 'x-label': { en: 'Source' }, 'x-options': [{ value: 'web', label: { en: 'Web' } }] },
    } },
  ],
} as unknown as AppDefinition;
const [deal, lead] = app.entities;

describe('dashboard editing', () => {
  it('offers numeric measures and groupable fields with date buckets', () => {
    expect(measureOptions(deal)).toEqual(['count', 'sum:amount', 'avg:amount']);
    expect(groupOptions(deal)).toEqual(expect.arrayContaining(['stage', 'closed', 'owner', 'closed:month', 'created_at:year']));
    expect(groupOptions(deal)).not.toContain('notes');
  });

  it('adds a dashboard and bar cards with free ids, and reorders and removes them', () => {
    const { app: one, name } = addDashboard(app, { en: 'Sales' });
    const first = addCard(one, name, deal, { en: 'Deals by stage' });
    expect(first.app.dashboards?.[0].cards).toEqual([{ id: 'sales-deal', title: { en: 'Deals by stage' }, entity: 'sales_deal', chart: 'bar', measure: 'count', group: 'stage' }]);
    const second = addCard(first.app, name, deal, { en: 'Again' });
    expect(second.id).toBe('sales-deal_2');
    const moved = moveCard(second.app, name, 'sales-deal_2', 'sales-deal');
    expect(moved.dashboards?.[0].cards.map((c) => c.id)).toEqual(['sales-deal_2', 'sales-deal']);
    expect(removeCard(moved, name, 'sales-deal').dashboards?.[0].cards.map((c) => c.id)).toEqual(['sales-deal_2']);
    expect('dashboards' in removeDashboard(moved, name)).toBe(false);
  });

  it('keeps a card valid: a number card loses its group, a chart regains one, a new entity resets measure and group', () => {
    const { app: one, name } = addDashboard(app, { en: 'Sales' });
    const { app: two, id } = addCard(one, name, deal, { en: 'Won' });
    const number = patchCard(two, name, id, { chart: 'number', measure: 'sum:amount' }, app.entities);
    expect(number.dashboards?.[0].cards[0]).toEqual({ id, title: { en: 'Won' }, entity: 'sales_deal', chart: 'number', measure: 'sum:amount' });
    expect(patchCard(number, name, id, { chart: 'pie' }, app.entities).dashboards?.[0].cards[0].group).toBe('stage');
    expect(patchCard(number, name, id, { entity: lead['x-name'], chart: 'bar' }, app.entities).dashboards?.[0].cards[0]).toMatchObject({ entity: 'lead', measure: 'count', group: 'source' });
  });
  it('sets a card\'s filter and, cleared, leaves no filter key', () => {
    const { app: one, name } = addDashboard(app, { en: 'D' });
    const made = addCard(one, name, deal, { en: 'Deals' });
    const id = made.id;
    const filtered = patchCard(made.app, name, id, { filter: { and: [{ stage: { eq: 'y' } }] } }, app.entities);
    expect(filtered.dashboards![0].cards[0].filter).toEqual({ and: [{ stage: { eq: 'y' } }] });
    const cleared = patchCard(filtered, name, id, { filter: undefined }, app.entities);
    expect('filter' in cleared.dashboards![0].cards[0]).toBe(false);
  });
});
