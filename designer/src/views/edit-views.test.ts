import type { AppDefinition } from '@tessera/metadata';
import { freeName, groupByFields, newView, putView, removeView, switchKind } from './edit-views';

const app = {
  name: 'crm', label: { en: 'CRM' }, layouts: [],
  entities: [{ type: 'object', 'x-name': 'deal', 'x-plural': 'deals', 'x-label': { en: 'Deal' }, properties: {
    name: { 'x-id': 'a', 'x-type': 'text', 'x-label': { en: 'Name' } },
    kind: { 'x-id': 'b', 'x-type': 'select', 'x-label': { en: 'Kind' }, 'x-options': [{ value: 'x', label: { en: 'X' } }] },
    stage: { 'x-id': 'c', 'x-type': 'select', 'x-label': { en: 'Stage' }, 'x-options': [{ value: 'y', label: { en: 'Y' } }] },
    amount: { 'x-id': 'd', 'x-type': 'currency', 'x-label': { en: 'Amount' } },
  } }],
  workflows: [{ name: 'pipe', entity: 'deal', stateField: 'stage', machine: { initial: 'y', states: { y: {} } } }],
} as unknown as AppDefinition;
const deal = app.entities[0];

describe('view editing', () => {
  it('makes a list of the first fields and a kanban by the workflow field, with free names', () => {
    const list = newView(app, deal, 'list', { en: 'All' });
    expect(list).toEqual({ name: 'deal_list', entity: 'deal', label: { en: 'All' }, kind: 'list', columns: ['name', 'kind', 'stage', 'amount'] });
    const withList = putView(app, list.name, list);
    expect(newView(withList, deal, 'list', { en: 'Again' }).name).toBe('deal_list_2');
    expect(groupByFields(app, deal)).toEqual(['stage', 'kind']);
    expect(newView(app, deal, 'kanban', { en: 'Board' })).toMatchObject({ kind: 'kanban', groupBy: 'stage', cardFields: ['kind', 'amount'] });
    expect(freeName(['a', 'a_2'], 'a')).toBe('a_3');
  });

  it('replaces a view in place, removes it (and the empty list), and switches kinds keeping the fields', () => {
    const list = newView(app, deal, 'list', { en: 'All' });
    const one = putView(app, list.name, list);
    const renamed = putView(one, list.name, { ...list, label: { en: 'Every deal' } });
    expect(renamed.views).toEqual([{ ...list, label: { en: 'Every deal' } }]);
    expect('views' in removeView(renamed, list.name)).toBe(false);
    const board = switchKind(app, deal, list, 'kanban');
    expect(board).toEqual({ name: 'deal_list', entity: 'deal', label: { en: 'All' }, kind: 'kanban', groupBy: 'stage', cardFields: ['name', 'kind', 'amount'] });
    expect(switchKind(app, deal, board, 'list')).toEqual({ name: 'deal_list', entity: 'deal', label: { en: 'All' }, kind: 'list', columns: ['name', 'kind', 'amount'] });
  });
});
