import type { AppDefinition } from '@tessera/metadata';
import { diffVersions, showValue } from './diff-versions';

const v1 = (): AppDefinition => ({
  name: 'crm',
  label: { en: 'CRM' },
  layouts: [],
  entities: [
    {
      'x-id': 'e_lead', 'x-name': 'lead', 'x-plural': 'leads', 'x-label': { en: 'Lead' }, type: 'object', required: ['name'],
      properties: {
        name: { 'x-id': 'f_name', 'x-type': 'text', 'x-label': { en: 'Name' }, maxLength: 100 },
        amount: { 'x-id': 'f_amount', 'x-type': 'number', 'x-label': { en: 'Amount' } },
        stage: { 'x-id': 'f_stage', 'x-type': 'select', 'x-label': { en: 'Stage' }, 'x-options': [{ value: 'new', label: { en: 'New' } }, { value: 'won', label: { en: 'Won' } }] },
        note: { 'x-id': 'f_note', 'x-type': 'text', 'x-label': { en: 'Note' } },
      },
    },
    { 'x-id': 'e_old', 'x-name': 'old', 'x-plural': 'olds', 'x-label': { en: 'Old' }, type: 'object', properties: {} },
  ] as AppDefinition['entities'],
  workflows: [{
    name: 'lead_flow', entity: 'lead', stateField: 'stage',
    machine: { initial: 'new', states: { new: { on: { WIN: { target: 'won' } }, after: { '3600000': { target: 'new' } } }, won: { type: 'final' } } },
  }],
});

describe('diffVersions', () => {
  it('reports nothing between equal versions, and ignores canvas positions', () => {
    const moved = v1();
    moved.workflows![0].machine.meta = { layout: { new: { x: 1, y: 2 } } };
    expect(diffVersions(v1(), moved)).toEqual({ entities: [], workflows: [] });
  });

  it('lists entities and fields added, removed, renamed and changed, with attribute values', () => {
    const v2 = v1();
    const lead = v2.entities[0];
    lead.properties = {
      title: { ...lead.properties.name, maxLength: 200 }, // renamed (same x-id) and changed
      amount: { ...lead.properties.amount, 'x-label': { en: 'Amount', zh: '金额' } },
      stage: lead.properties.stage,
      source: { 'x-id': 'f_source', 'x-type': 'text', 'x-label': { en: 'Source' } },
    };
    lead.required = ['title', 'amount'];
    v2.entities = [lead, { 'x-id': 'e_deal', 'x-name': 'deal', 'x-plural': 'deals', 'x-label': { en: 'Deal' }, type: 'object', properties: { size: { 'x-id': 'f_size', 'x-type': 'number', 'x-label': { en: 'Size' } } } } as AppDefinition['entities'][number]];
    const { entities } = diffVersions(v1(), v2);
    expect(entities).toEqual([
      {
        change: 'changed', entity: 'lead', fields: [
          { change: 'renamed', field: 'title', from: 'name', attributes: [{ key: 'maxLength', before: 100, after: 200 }] },
          { change: 'changed', field: 'amount', attributes: [{ key: 'x-label', before: { en: 'Amount' }, after: { en: 'Amount', zh: '金额' } }, { key: 'required', before: false, after: true }] },
          { change: 'added', field: 'source', attributes: [{ key: 'x-type', before: undefined, after: 'text' }] },
          { change: 'removed', field: 'note', attributes: [] },
        ],
      },
      { change: 'added', entity: 'deal', fields: [{ change: 'added', field: 'size', attributes: [] }] },
      { change: 'removed', entity: 'old', fields: [] },
    ]);
  });

  it('an entity rename shows as one rename, entity attributes as a pseudo-field', () => {
    const v2 = v1();
    v2.entities[0] = { ...v2.entities[0], 'x-name': 'prospect', 'x-plural': 'prospects' };
    expect(diffVersions(v1(), v2).entities).toEqual([{ change: 'renamed', entity: 'prospect', from: 'lead', fields: [{ change: 'changed', field: '', attributes: [{ key: 'x-plural', before: 'leads', after: 'prospects' }] }] }]);
  });

  it('lists workflows added, removed and changed down to states, transitions, timers and approvals', () => {
    const v2 = v1();
    const wf = v2.workflows![0];
    wf.machine.states.lost = { type: 'final' };
    wf.machine.states.new = {
      on: { WIN: { target: 'won', actions: [{ type: 'notify', params: { template: 'Won', to: ['owner'] } }] }, LOSE: { target: 'lost' } },
      approval: { steps: [{ id: 'boss', approvers: { kind: 'manager' }, mode: 'any' }], onApproved: 'WIN', onRejected: 'LOSE' },
    };
    v2.workflows!.push({ name: 'other', entity: 'lead', stateField: 'stage', machine: { initial: 'new', states: { new: {} } } });
    const before = v1();
    before.workflows!.push({ name: 'gone', entity: 'old', stateField: 's', machine: { initial: 'a', states: { a: {} } } });
    expect(diffVersions(before, v2).workflows).toEqual([
      {
        change: 'changed', workflow: 'lead_flow', items: [
          { change: 'added', what: 'state', name: 'lost' },
          { change: 'added', what: 'approval', name: 'new' },
          { change: 'changed', what: 'transition', name: 'new.WIN' },
          { change: 'added', what: 'transition', name: 'new.LOSE' },
          { change: 'removed', what: 'timer', name: 'new.3600000' },
        ],
      },
      { change: 'added', workflow: 'other', items: [] },
      { change: 'removed', workflow: 'gone', items: [] },
    ]);
  });

  it('shows values briefly', () => {
    expect(showValue(undefined)).toBe('—');
    expect(showValue('text')).toBe('text');
    expect(showValue({ en: 'x'.repeat(80) })).toHaveLength(58);
  });
});
