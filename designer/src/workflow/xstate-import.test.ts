import { readFileSync } from 'node:fs';
import path from 'node:path';
import { createWorkflowRegistry, validateWorkflow } from '@tessera/engine';
import { checkWorkflows, type AppDefinition } from '@tessera/metadata';
import { ensureStateOptions } from './workflow-model';
import { importXState, toSnake } from './xstate-import';

const stately = JSON.parse(readFileSync(path.join(__dirname, 'fixtures/stately-purchase-order.json'), 'utf8'));
const target = { entity: 'order', stateField: 'status', fallbackName: 'order_status' };

const app = (): AppDefinition => ({
  name: 'shop',
  label: { en: 'Shop' },
  layouts: [],
  entities: [{
    'x-name': 'order', 'x-plural': 'orders', 'x-label': { en: 'Order' }, type: 'object',
    properties: {
      amount: { 'x-id': 'f_amount', 'x-type': 'number', 'x-label': { en: 'Amount' } },
      status: { 'x-id': 'f_status', 'x-type': 'select', 'x-label': { en: 'Status' }, 'x-options': [{ value: 'draft', label: { en: 'Draft' } }] },
    },
  } as AppDefinition['entities'][number]],
});

describe('importXState with a Stately editor export', () => {
  const result = importXState(stately, target);

  it('converts names to snake_case and string actions/guards to { type, params }', () => {
    expect(result.errors).toEqual([]);
    const wf = result.workflow!;
    expect(wf.name).toBe('purchase_order');
    expect(wf.machine.initial).toBe('draft');
    expect(Object.keys(wf.machine.states)).toEqual(['draft', 'in_review', 'approved', 'delivered', 'cancelled']);
    expect(wf.machine.states.draft.on!.submit).toEqual({
      target: 'in_review',
      actions: [{ type: 'startApproval', params: {} }, { type: 'notify', params: { template: 'Order {{name}} waits for review', to: ['owner'] } }],
    });
    expect(wf.machine.states.draft.on!.cancel).toEqual({ target: 'cancelled' });
    expect(wf.machine.states.approved.on!.deliver).toEqual({ target: 'delivered', guard: { type: 'role', params: {} }, meta: { roles: ['admin'] } });
    expect(wf.machine.states.in_review.after!['172800000'].target).toBe('in_review');
    expect(wf.machine.states.delivered).toEqual({ type: 'final' });
  });

  it('keeps the first of several guarded transitions and lists every dropped key with its path', () => {
    expect(result.workflow!.machine.states.in_review.on!.approve.guard).toEqual({ type: 'field', params: { expression: 'amount < 100000' } });
    const paths = result.warnings.map((w) => w.path);
    expect(paths).toEqual(expect.arrayContaining([
      'description', 'context', 'types',
      'states.Draft', 'states.Draft.entry', 'states.Draft.description',
      'states.In review.tags', 'states.In review.on.approve',
      'states.In review.on.reject.actions[0]', 'states.In review.on.reject.description', 'states.In review.on.xstate.init',
      'states.Approved.exit',
    ]));
    expect(result.warnings.find((w) => w.path === 'states.Draft.entry')!.message).toContain('incoming transitions');
    expect(result.workflow!.machine.states.in_review.on!.reject).toEqual({ target: 'draft' });
  });

  it('gives a definition that the metadata checks and the engine validation accept once the states are options', () => {
    const withOptions = ensureStateOptions({ ...app(), workflows: [result.workflow!] }, 'order', 'status', Object.keys(result.workflow!.machine.states));
    expect(withOptions.entities[0].properties.status['x-options']!.map((o) => o.value)).toEqual(['draft', 'in_review', 'approved', 'delivered', 'cancelled']);
    expect(checkWorkflows(withOptions)).toEqual([]);
    // startApproval needs an approval on its target, `role` needs roles: the same validation as publishing explains it at its pointer.
    const validated = validateWorkflow(result.workflow!, withOptions.entities, createWorkflowRegistry());
    expect(validated.ok).toBe(false);
    expect(!validated.ok && validated.errors.map((e) => e.pointer)).toEqual(['/machine/states/draft/on/submit/actions/0', '/machine/states/approved/on/deliver/guard/params']);
  });
});

describe('importXState errors', () => {
  it('refuses nested states, named delays, targetless transitions and a missing initial, each with its path', () => {
    const result = importXState({
      initial: 'nowhere',
      states: {
        open: { on: { PING: { actions: ['notify'] }, GO: { target: 'closed.inner' } }, after: { slow: 'closed' } },
        closed: { states: { inner: {} } },
      },
    }, target);
    expect(result.workflow).toBeUndefined();
    expect(result.errors.map((e) => e.path)).toEqual(['states.open.on.PING.target', 'states.open.on.GO.target', 'states.open.after.slow', 'states.closed', 'initial']);
  });

  it('explains input that is not a machine', () => {
    expect(importXState('nope', target).errors[0].message).toContain('JSON object');
    expect(importXState({ states: {} }, target).errors.map((e) => e.path)).toEqual(['states', 'initial']);
  });

  it('toSnake turns editor names into snake_case', () => {
    expect(toSnake('In review')).toBe('in_review');
    expect(toSnake('submitForReview')).toBe('submit_for_review');
  });
});
