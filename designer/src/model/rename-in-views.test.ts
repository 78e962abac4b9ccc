import type { AppDefinition } from '@tessera/metadata';
import { deleteField, renameField } from './edit-field';

const app = (): AppDefinition => ({
  name: 'crm', label: { en: 'CRM' }, layouts: [],
  entities: [{ type: 'object', 'x-id': 'e_bid', 'x-name': 'bid', 'x-plural': 'bids', 'x-label': { en: 'Bid' }, properties: {
    title: { 'x-id': 'f_title', 'x-type': 'text', 'x-label': { en: 'Title' } },
    amount: { 'x-id': 'f_amount', 'x-type': 'currency', 'x-label': { en: 'Amount' } },
    deadline: { 'x-id': 'f_deadline', 'x-type': 'date', 'x-label': { en: 'Deadline' } },
  } }],
  views: [
    { name: 'bid_list', entity: 'bid', label: { en: 'Bids' }, kind: 'list', columns: ['title', 'amount'], sort: ['-amount'], filter: { amount: { gt: 5 }, $or: [{ amount: { lt: 1 } }] } },
    { name: 'other', entity: 'lot', label: { en: 'Lots' }, kind: 'list', columns: ['amount'] },
  ],
  dashboards: [{ name: 'd', label: { en: 'D' }, cards: [{ id: 'c', title: { en: 'C' }, entity: 'bid', chart: 'bar', measure: 'sum:amount', group: 'deadline:month' }] }],
});

describe('renaming and deleting fields keeps views and dashboards valid', () => {
  it('renames columns, sort keys, filter keys (nested too) and card measures of that entity only', () => {
    const next = renameField(app(), 'bid', 'amount', 'bid_amount');
    expect(next.views![0]).toMatchObject({ columns: ['title', 'bid_amount'], sort: ['-bid_amount'], filter: { bid_amount: { gt: 5 }, $or: [{ bid_amount: { lt: 1 } }] } });
    expect(next.views![1].columns).toEqual(['amount']);
    expect(next.dashboards![0].cards[0]).toMatchObject({ measure: 'sum:bid_amount', group: 'deadline:month' });
    expect(renameField(app(), 'bid', 'deadline', 'due').dashboards![0].cards[0].group).toBe('due:month');
  });

  it('drops a deleted field from columns, sort and filters', () => {
    const next = deleteField(app(), 'bid', 'amount');
    expect(next.views![0].columns).toEqual(['title']);
    expect(next.views![0].sort).toEqual([]);
    expect(next.views![0].filter).toEqual({ $or: [{}] });
  });
});
