import type { AppDefinition, FieldDefinition, WorkflowDefinition } from '../index';
import { validateApp } from './validate-app';

// Record locks, transfer rules and pool activity: the meta-schema's shape and the semantic checks.
const text = (id: string) => ({ 'x-id': id, 'x-type': 'text', 'x-label': { en: id } }) as FieldDefinition;
const rel = (id: string, relation: Record<string, unknown>) => ({ 'x-id': id, 'x-type': 'relation', 'x-label': { en: id }, 'x-relation': relation }) as unknown as FieldDefinition;

function app(opts: { onTransfer?: unknown; lock?: unknown; pool?: unknown } = {}): AppDefinition {
  const workflow: WorkflowDefinition = {
    name: 'deal_flow', entity: 'deal', stateField: 'stage',
    machine: { initial: 'open', states: { open: { on: { WIN: { target: 'won' } }, ...(opts.lock ? { lock: opts.lock } : {}) } as never, won: { type: 'final' } } },
  };
  return {
    name: 'crm',
    label: { en: 'CRM' },
    layouts: [],
    entities: [
      { type: 'object', 'x-name': 'customer', 'x-plural': 'customers', 'x-label': { en: 'Customer' }, ...(opts.pool ? { 'x-pool': opts.pool } : {}), properties: { name: text('n') } } as never,
      {
        type: 'object', 'x-name': 'deal', 'x-plural': 'deals', 'x-label': { en: 'Deal' },
        properties: {
          name: text('dn'),
          customer: rel('dc', { entity: 'customer', kind: 'many-to-one', ...(opts.onTransfer !== undefined ? { onTransfer: opts.onTransfer } : {}) }),
          stage: { 'x-id': 'ds', 'x-type': 'select', 'x-label': { en: 'Stage' }, 'x-options': [{ value: 'open', label: { en: 'Open' } }, { value: 'won', label: { en: 'Won' } }] } as FieldDefinition,
          happened: { 'x-id': 'dh', 'x-type': 'datetime', 'x-label': { en: 'Happened' } } as FieldDefinition,
        },
      },
    ],
    workflows: [workflow],
  };
}
const codes = (a: AppDefinition) => {
  const result = validateApp(a);
  return result.ok ? [] : result.errors.map((e) => `${e.code} ${e.pointer}`);
};

describe('workflow state locks', () => {
  it('accepts "*" or named fields with excepted roles', () => {
    expect(codes(app({ lock: { fields: '*', except: ['admin'] } }))).toEqual([]);
    expect(codes(app({ lock: { fields: ['name'] } }))).toEqual([]);
  });
  it('refuses a bad shape and a field the entity does not have', () => {
    expect(codes(app({ lock: { fields: 'all' } })).length).toBeGreaterThan(0);
    expect(codes(app({ lock: { fields: ['name'], forever: true } })).length).toBeGreaterThan(0);
    expect(codes(app({ lock: { fields: ['nmae'] } }))).toEqual(['lock-field-missing /workflows/0/machine/states/open/lock/fields/0']);
  });
});

describe('transfer rules', () => {
  it('accepts all, none, open (the child has a workflow) and open by a field', () => {
    for (const rule of ['all', 'none', 'open', { open: { field: 'stage', notIn: ['won'] } }, { open: { field: 'happened', fromNow: true } }]) expect(codes(app({ onTransfer: rule }))).toEqual([]);
  });
  it('refuses unknown words, both or neither of notIn/fromNow, and a missing field', () => {
    expect(codes(app({ onTransfer: 'some' })).length).toBeGreaterThan(0);
    expect(codes(app({ onTransfer: { open: { field: 'stage' } } })).length).toBeGreaterThan(0);
    expect(codes(app({ onTransfer: { open: { field: 'stage', notIn: ['won'], fromNow: true } } })).length).toBeGreaterThan(0);
    expect(codes(app({ onTransfer: { open: { field: 'phase', notIn: ['won'] } } }))).toEqual(['transfer-rule-invalid /entities/1/properties/customer/x-relation/onTransfer/open/field']);
  });
});

describe('pool activity', () => {
  const pool = (activity: Record<string, string>) => ({ ownerField: 'owner', returnAfterDays: 30, maxClaimsPerUser: 5, claimPeriodDays: 30, activity });
  it('accepts a child entity, its link back and its date', () => {
    expect(codes(app({ pool: pool({ entity: 'deal', via: 'customer', date: 'happened' }) }))).toEqual([]);
  });
  it('refuses an unknown entity, a field that is not the link back, and a date that is not one', () => {
    expect(codes(app({ pool: pool({ entity: 'dael', via: 'customer', date: 'happened' }) }))).toEqual(['pool-activity-invalid /entities/0/x-pool/activity/entity']);
    expect(codes(app({ pool: pool({ entity: 'deal', via: 'name', date: 'happened' }) }))).toEqual(['pool-activity-invalid /entities/0/x-pool/activity/via']);
    expect(codes(app({ pool: pool({ entity: 'deal', via: 'customer', date: 'name' }) }))).toEqual(['pool-activity-invalid /entities/0/x-pool/activity/date']);
  });
});
