import { createFieldTypeRegistry, validateAppWithRegistry } from '@tessera/engine';
import type { AppDefinition } from '@tessera/metadata';
import { deleteField, renameField } from './edit-field';

const options = (...values: string[]) => values.map((value) => ({ value, label: { en: value } }));
const app = {
  name: 'crm', label: { en: 'CRM' },
  entities: [
    { type: 'object', 'x-id': 'e1', 'x-name': 'customer', 'x-plural': 'customers', 'x-label': { en: 'Customer' },
      'x-pool': { ownerField: 'owner', returnAfterDays: 30, maxClaimsPerUser: 5, activity: { entity: 'follow_up', via: 'customer', date: 'occurred_at' } },
      properties: { name: { 'x-id': 'c1', 'x-type': 'text', 'x-label': { en: 'Name' } } } },
    { type: 'object', 'x-id': 'e2', 'x-name': 'follow_up', 'x-plural': 'follow_ups', 'x-label': { en: 'Follow-up' }, properties: {
      customer: { 'x-id': 'f1', 'x-type': 'relation', 'x-label': { en: 'Customer' }, 'x-relation': { entity: 'customer', kind: 'many-to-one', onTransfer: { open: { field: 'next_at', fromNow: true } } } },
      occurred_at: { 'x-id': 'f2', 'x-type': 'datetime', 'x-label': { en: 'When' } },
      next_at: { 'x-id': 'f3', 'x-type': 'datetime', 'x-label': { en: 'Next' } },
      source: { 'x-id': 'f4', 'x-type': 'select', 'x-label': { en: 'Source' }, 'x-options': options('web', 'call') },
      topic: { 'x-id': 'f6', 'x-type': 'text', 'x-label': { en: 'Topic' } },
      status: { 'x-id': 'f5', 'x-type': 'select', 'x-label': { en: 'Status' }, 'x-options': options('open', 'done') },
    } },
  ],
  layouts: [{ name: 'web', kind: 'form', entity: 'follow_up', sections: [{ id: 'main', label: { en: 'You' }, fields: ['topic'] }], public: { slug: 'talk', title: { en: 'Talk' }, submitAs: 'webform', defaults: { source: 'web' } } }],
  views: [{ name: 'calendar', entity: 'follow_up', label: { en: 'Calendar' }, kind: 'calendar', startField: 'occurred_at', endField: 'next_at', titleField: 'source' }],
  workflows: [{ name: 'fu', entity: 'follow_up', stateField: 'status', version: 1, machine: { id: 'fu', initial: 'open', states: { open: { on: { DONE: { target: 'done' } }, lock: { fields: ['source', 'next_at'] } }, done: { type: 'final', lock: { fields: ['source'] } } } } }],
} as unknown as AppDefinition;
const publish = (a: AppDefinition) => { const r = validateAppWithRegistry(a, createFieldTypeRegistry()); return r.ok ? [] : r.errors.map((e) => `${e.code} ${e.pointer}`); };

describe('settings follow a field rename or delete', () => {
  it('starts publishable', () => expect(publish(app)).toEqual([]));

  it('renames the pool activity, transfer rule, locks, public defaults and calendar fields', () => {
    let next = renameField(app, 'follow_up', 'next_at', 'next_contact_at');
    next = renameField(renameField(renameField(next, 'follow_up', 'source', 'channel'), 'follow_up', 'occurred_at', 'happened_at'), 'follow_up', 'customer', 'account');
    expect(publish(next)).toEqual([]);
    expect(next.entities[0]['x-pool']?.activity).toEqual({ entity: 'follow_up', via: 'account', date: 'happened_at' });
    expect(next.entities[1].properties.account['x-relation']?.onTransfer).toEqual({ open: { field: 'next_contact_at', fromNow: true } });
    expect(next.workflows![0].machine.states.open.lock).toEqual({ fields: ['channel', 'next_contact_at'] });
    expect(next.layouts[0].public?.defaults).toEqual({ channel: 'web' });
    expect(next.views![0]).toMatchObject({ startField: 'happened_at', endField: 'next_contact_at', titleField: 'channel' });
  });

  it('drops what named a deleted field, never leaving a lock of no fields or an activity without its date', () => {
    const next = deleteField(deleteField(app, 'follow_up', 'source'), 'follow_up', 'next_at');
    expect(next.workflows![0].machine.states.open).toEqual({ on: { DONE: { target: 'done' } } });
    expect(next.workflows![0].machine.states.done).toEqual({ type: 'final' });
    expect(next.entities[1].properties.customer['x-relation']).toEqual({ entity: 'customer', kind: 'many-to-one' });
    expect(next.layouts[0].public).not.toHaveProperty('defaults');
    expect(next.views![0]).not.toHaveProperty('endField');
    expect(next.views![0]).not.toHaveProperty('titleField');
    expect(publish(next)).toEqual([]);
    const noDate = deleteField(app, 'follow_up', 'occurred_at');
    expect(noDate.entities[0]['x-pool']).toEqual({ ownerField: 'owner', returnAfterDays: 30, maxClaimsPerUser: 5 });
  });
});
