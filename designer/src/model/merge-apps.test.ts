import type { AppDefinition } from '@tessera/metadata';
import { addField } from './add-field';
import { patchField, renameField } from './edit-field';
import { toggleAction } from './edit-permissions';
import { mergeApps, resolveMerge } from './merge-apps';

const base = (): AppDefinition => ({
  name: 'crm',
  label: { en: 'CRM' },
  entities: [{ type: 'object', 'x-id': 'e_bid', 'x-name': 'bid', 'x-plural': 'bids', 'x-label': { en: 'Bid' }, required: ['title'],
    properties: {
      title: { 'x-id': 'f_title', 'x-type': 'text', 'x-label': { en: 'Title' } },
      amount: { 'x-id': 'f_amount', 'x-type': 'currency', 'x-label': { en: 'Amount' } },
      status: { 'x-id': 'f_status', 'x-type': 'select', 'x-label': { en: 'Status' }, 'x-options': [{ value: 'draft', label: { en: 'Draft' } }, { value: 'won', label: { en: 'Won' } }] },
    } }],
  layouts: [{ name: 'bid_form', kind: 'form', entity: 'bid', sections: [{ id: 'main', label: { en: 'Main' }, fields: ['title', 'amount', 'status'] }] }],
  workflows: [{ name: 'bid_status', entity: 'bid', stateField: 'status', version: 1, machine: { id: 'bid_status', initial: 'draft', states: { draft: { on: { WIN: { target: 'won' } } }, won: {} } } }],
  permissions: { roles: { sales_rep: { label: { en: 'Sales' }, entities: { bid: { actions: ['read', 'create'], scope: 'own' } } } } },
});
const bid = (app: AppDefinition) => app.entities.find((e) => e['x-name'] === 'bid')!;
const field = { 'x-type': 'text', 'x-label': { en: 'x' } };

describe('mergeApps', () => {
  it('returns the same app when nothing changed, and either side when only one changed', () => {
    expect(mergeApps(base(), base(), base())).toEqual({ app: base(), conflicts: [] });
    const ours = renameField(base(), 'bid', 'amount', 'bid_amount');
    expect(mergeApps(base(), ours, base()).app).toEqual(ours);
    expect(mergeApps(base(), base(), ours).app).toEqual(ours);
  });

  it('takes a rename from ours and a type change of the same field from theirs (matched by x-id)', () => {
    const ours = renameField(base(), 'bid', 'amount', 'bid_amount');
    const theirs = patchField(base(), 'bid', 'amount', { field: { ...bid(base()).properties.amount, 'x-type': 'number' }, required: true });
    const { app, conflicts } = mergeApps(base(), ours, theirs);
    expect(conflicts).toEqual([]);
    expect(Object.keys(bid(app).properties)).toEqual(['title', 'bid_amount', 'status']);
    expect(bid(app).properties.bid_amount).toMatchObject({ 'x-id': 'f_amount', 'x-type': 'number' });
    expect(bid(app).required).toEqual(['title', 'bid_amount']);
    expect(app.layouts[0].sections[0].fields).toEqual(['title', 'bid_amount', 'status']);
  });

  it('keeps fields added on both sides, ours first, and a new entity from theirs', () => {
    const ours = addField(base(), 'bid', { type: 'date', name: 'deadline', label: { en: 'Deadline' }, required: false }, 'aaa');
    let theirs = addField(base(), 'bid', { type: 'text', name: 'client', label: { en: 'Client' }, required: false }, 'bbb');
    theirs = { ...theirs, entities: [...theirs.entities, { type: 'object', 'x-id': 'e_lot', 'x-name': 'lot', 'x-plural': 'lots', 'x-label': { en: 'Lot' }, properties: { name: { 'x-id': 'f_lot_name', ...field } } }] };
    const { app, conflicts } = mergeApps(base(), ours, theirs);
    expect(Object.keys(bid(app).properties)).toEqual(['title', 'amount', 'status', 'deadline', 'client']);
    expect(app.entities.map((e) => e['x-name'])).toEqual(['bid', 'lot']);
    // Both appended to the same section: lists of names merge as sets.
    expect(conflicts).toEqual([]);
    expect(app.layouts[0].sections[0].fields).toEqual(['title', 'amount', 'status', 'deadline', 'client']);
  });

  it('a section reordered by theirs while ours changed it is a conflict, reported with both sides', () => {
    const ours = addField(base(), 'bid', { type: 'date', name: 'deadline', label: { en: 'Deadline' }, required: false }, 'aaa');
    const theirs: AppDefinition = JSON.parse(JSON.stringify(base()));
    theirs.layouts[0].sections[0].fields = ['status', 'title', 'amount'];
    const { conflicts } = mergeApps(base(), ours, theirs);
    expect(conflicts).toEqual([expect.objectContaining({ path: 'layouts › bid_form › sections › main › fields', ours: ['title', 'amount', 'status', 'deadline'], theirs: ['status', 'title', 'amount'] })]);
  });

  it('reports a field changed differently on both sides with a readable path, and resolves it as picked', () => {
    const ours = patchField(base(), 'bid', 'amount', { field: { ...bid(base()).properties.amount, 'x-label': { en: 'Bid amount' } }, required: false });
    const theirs = patchField(base(), 'bid', 'amount', { field: { ...bid(base()).properties.amount, 'x-label': { en: 'Price' } }, required: false });
    const { app, conflicts } = mergeApps(base(), ours, theirs);
    expect(conflicts).toHaveLength(1);
    expect(conflicts[0]).toMatchObject({ path: 'entities › entity bid › fields › field amount › def › x-label › en', base: 'Amount', ours: 'Bid amount', theirs: 'Price' });
    expect(bid(app).properties.amount['x-label'].en).toBe('Bid amount');
    const picked = resolveMerge(base(), ours, theirs, { [conflicts[0].key]: 'theirs' });
    expect(bid(picked).properties.amount['x-label'].en).toBe('Price');
  });

  it('a field deleted on one side and changed on the other is a conflict; deleted and untouched is deleted', () => {
    const deleted: AppDefinition = JSON.parse(JSON.stringify(base()));
    delete bid(deleted).properties.status;
    const changed = patchField(base(), 'bid', 'status', { field: { ...bid(base()).properties.status, 'x-unique': true }, required: false });
    const { conflicts } = mergeApps(base(), deleted, changed);
    expect(conflicts.map((c) => c.path)).toContain('entities › entity bid › fields › field status');
    expect(conflicts.find((c) => c.path.endsWith('field status'))!.ours).toBeUndefined();
    const untouched = mergeApps(base(), deleted, base());
    expect(bid(untouched.app).properties).not.toHaveProperty('status');
  });

  it('merges workflows per state and transition, and permissions per role and entity', () => {
    const ours: AppDefinition = JSON.parse(JSON.stringify(base()));
    ours.workflows![0].machine.states.draft.on!.SUBMIT = { target: 'won' };
    const theirs = toggleAction(base(), 'sales_rep', 'bid', 'update');
    theirs.workflows = [{ ...theirs.workflows![0], machine: { ...theirs.workflows![0].machine, states: { ...theirs.workflows![0].machine.states, won: { type: 'final' } } } }];
    const { app, conflicts } = mergeApps(base(), ours, theirs);
    expect(conflicts).toEqual([]);
    expect(app.workflows![0].machine.states).toEqual({ draft: { on: { WIN: { target: 'won' }, SUBMIT: { target: 'won' } } }, won: { type: 'final' } });
    expect(app.permissions!.roles.sales_rep.entities.bid.actions).toEqual(['read', 'create', 'update']);

    const ours2 = toggleAction(toggleAction(base(), 'sales_rep', 'bid', 'delete'), 'sales_rep', 'bid', 'create');
    const both = mergeApps(base(), ours2, theirs);
    expect(both.conflicts).toEqual([]);
    expect(both.app.permissions!.roles.sales_rep.entities.bid.actions).toEqual(['read', 'delete', 'update']);
    const scoped = mergeApps(base(), { ...ours2, permissions: { roles: { sales_rep: { ...ours2.permissions!.roles.sales_rep, entities: { bid: { actions: ['read'], scope: 'team' } } } } } }, { ...theirs, permissions: { roles: { sales_rep: { ...theirs.permissions!.roles.sales_rep, entities: { bid: { actions: ['read'], scope: 'all' } } } } } });
    expect(scoped.conflicts.map((c) => c.path)).toEqual(['permissions › roles › sales_rep › entities › bid › scope']);
  });

  it('keeps optional lists absent when no side has them', () => {
    const { views: _, ...noViews } = { ...base(), views: undefined };
    const { app } = mergeApps(noViews, noViews, { ...noViews, label: { en: 'CRM 2' } });
    expect(app).not.toHaveProperty('views');
    expect(app.label).toEqual({ en: 'CRM 2' });
  });
});
