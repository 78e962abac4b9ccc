import type { AppDefinition, EntityDefinition } from '../index';
import { validateApp } from '../validation/validate-app';
import type { WorkflowDefinition } from './workflow-types';

const customer = (): EntityDefinition => ({
  type: 'object',
  'x-name': 'customer',
  'x-plural': 'customers',
  'x-label': { en: 'Customer' },
  properties: {
    name: { 'x-id': 'f_name', 'x-type': 'text', 'x-label': { en: 'Name' } },
    notes: { 'x-id': 'f_notes', 'x-type': 'text', 'x-label': { en: 'Notes' } },
    stage: {
      'x-id': 'f_stage',
      'x-type': 'select',
      'x-label': { en: 'Stage' },
      'x-options': ['new', 'open', 'won', 'lost'].map((value) => ({ value, label: { en: value } })),
    },
  },
});

const workflow = (): WorkflowDefinition => ({
  name: 'deal',
  entity: 'customer',
  stateField: 'stage',
  machine: {
    initial: 'new',
    states: {
      new: { on: { OPEN: { target: 'open' } } },
      open: { on: { WIN: { target: 'won' }, LOSE: { target: 'lost', meta: { form: { required: ['reason'], properties: { reason: { type: 'string' } } } } } }, after: { '1000': { target: 'lost' } } },
      won: { type: 'final' },
      lost: { type: 'final' },
    },
  },
});

const app = (wf: unknown): AppDefinition => ({ name: 'wf', label: { en: 'WF' }, entities: [customer()], layouts: [], workflows: [wf as WorkflowDefinition] });
const errorsOf = (wf: unknown) => {
  const r = validateApp(app(wf));
  return r.ok ? [] : r.errors.map(({ code, pointer }) => ({ code, pointer }));
};

describe('checkWorkflows (through validateApp)', () => {
  it('accepts a well-formed workflow', () => {
    expect(errorsOf(workflow())).toEqual([]);
  });

  it('reports each structural problem at its pointer, all at once', () => {
    const wf = workflow();
    wf.machine.initial = 'nwe';
    wf.machine.states.open.on!.WIN.target = 'wonn';
    wf.machine.states.orphan = { on: { BACK: { target: 'new' } } };
    wf.machine.states.stuck = {};
    wf.machine.states.new.on!.STUCK = { target: 'stuck' };
    const errors = errorsOf(wf);
    expect(errors).toEqual(expect.arrayContaining([
      { code: 'workflow-initial-missing', pointer: '/workflows/0/machine/initial' },
      { code: 'workflow-target-missing', pointer: '/workflows/0/machine/states/open/on/WIN/target' },
      { code: 'workflow-state-not-option', pointer: '/workflows/0/machine/states/orphan' },
      { code: 'workflow-dead-end', pointer: '/workflows/0/machine/states/stuck' },
    ]));
  });

  it('reports unreachable states from the initial state', () => {
    const wf = workflow();
    delete wf.machine.states.open.on!.WIN;
    expect(errorsOf(wf)).toEqual([{ code: 'workflow-unreachable-state', pointer: '/workflows/0/machine/states/won' }]);
  });

  it('checks the binding: entity, field, select type', () => {
    expect(errorsOf({ ...workflow(), entity: 'custmer' })).toEqual([{ code: 'workflow-entity-missing', pointer: '/workflows/0/entity' }]);
    expect(errorsOf({ ...workflow(), stateField: 'stag' })).toEqual([{ code: 'workflow-state-field-missing', pointer: '/workflows/0/stateField' }]);
    expect(errorsOf({ ...workflow(), stateField: 'notes' })).toEqual([{ code: 'workflow-state-field-not-select', pointer: '/workflows/0/stateField' }]);
  });

  it('lets record types choose between workflows of one entity, sharing its state field; refuses two that no type chooses', () => {
    const typed = (types: Record<string, { workflow?: string }>): AppDefinition => {
      const entity = customer();
      entity.properties.kind = { 'x-id': 'f_kind', 'x-type': 'select', 'x-label': { en: 'Kind' }, 'x-options': Object.keys(types).map((value) => ({ value, label: { en: value } })) };
      entity['x-record-types'] = { field: 'kind', types };
      return { name: 'wf', label: { en: 'WF' }, entities: [entity], layouts: [], workflows: [workflow(), { ...workflow(), name: 'partner_deal' }] };
    };
    const codes = (a: AppDefinition) => { const r = validateApp(a); return r.ok ? [] : r.errors.map(({ code, pointer }) => ({ code, pointer })); };
    expect(codes(typed({ direct: {}, partner: { workflow: 'partner_deal' } }))).toEqual([]);
    expect(codes(typed({ direct: {}, partner: {} }))).toEqual([{ code: 'duplicate-workflow-binding', pointer: '/workflows/1/entity' }]);
    expect(codes(typed({ direct: {}, partner: { workflow: 'partner_dael' } }))).toEqual(expect.arrayContaining([{ code: 'record-type-workflow-invalid', pointer: '/entities/0/x-record-types/types/partner/workflow' }]));
  });

  it('rejects shapes the meta-schema forbids (bad delay key, unknown key)', () => {
    const wf = workflow() as unknown as { machine: { states: Record<string, Record<string, unknown>> } };
    wf.machine.states.open.after = { soon: { target: 'lost' } };
    wf.machine.states.open.onn = {};
    const codes = errorsOf(wf).map((e) => e.code);
    expect(codes).toContain('unknown-property');
    expect(codes.length).toBeGreaterThanOrEqual(2);
  });

  it('keeps a hint on every problem', () => {
    const r = validateApp(app({ ...workflow(), entity: 'custmer' }));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors[0].hint).toContain('Did you mean "customer"?');
  });
});
