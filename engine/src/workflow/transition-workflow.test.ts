import { definePlugin } from '../plugin/define-plugin';
import { loadPlugins } from '../plugin/load-plugins';
import { createFieldTypeRegistry } from '../field-types/field-type-registry';
import { defineAction } from './define-action';
import { availableTransitions, currentState, fireTimer, stateTimers, transitionWorkflow } from './transition-workflow';
import { dealWorkflow } from './workflow-fixtures';
import { createWorkflowRegistry } from './workflow-registry';
import { timerEventType, workflowToMachine } from './workflow-to-machine';
import type { WorkflowContext } from './workflow-types';

const now = '2025-01-31T09:00:00.000Z';
const rep = { id: 'u1', roles: ['sales'] };
const manager = { id: 'u2', roles: ['manager'] };
const ctx = (record: Record<string, unknown>, user = rep): Omit<WorkflowContext, 'data'> => ({ record, user, now });

describe('workflow transitions (xstate, pure)', () => {
  const compiled = workflowToMachine(dealWorkflow(), createWorkflowRegistry());

  it('moves to the target and resolves actions into effects', () => {
    const record = { id: 'r1', name: 'Acme', stage: 'new' };
    const r = transitionWorkflow(compiled, 'new', 'OPEN', {}, ctx(record));
    expect(r).toEqual({ ok: true, from: 'new', to: 'open', data: {}, final: false, timers: [{ event: timerEventType(compiled, 'open', 60000), delayMs: 60000 }], effects: [{ kind: 'notify', template: 'Deal {{name}} opened', to: ['owner'], record }] });
  });

  it('refuses an event the state does not have, naming the ones it has', () => {
    expect(transitionWorkflow(compiled, 'new', 'WIN', {}, ctx({}))).toEqual({ ok: false, code: 'unknown_event', message: '"WIN" is not a transition of the state "new"; it has OPEN' });
  });

  it('checks roles before the guard, and the guard over the record', () => {
    expect(transitionWorkflow(compiled, 'open', 'WIN', {}, ctx({ amount: 5000 })).ok === false && transitionWorkflow(compiled, 'open', 'WIN', {}, ctx({ amount: 5000 }))).toMatchObject({ code: 'forbidden' });
    expect(transitionWorkflow(compiled, 'open', 'WIN', {}, ctx({ amount: 10 }, manager))).toMatchObject({ ok: false, code: 'guard_failed' });
    expect(transitionWorkflow(compiled, 'open', 'WIN', {}, ctx({ amount: 5000 }, manager))).toMatchObject({ ok: true, to: 'won', final: true, timers: [] });
  });

  it('validates the transition form, naming the field', () => {
    const r = transitionWorkflow(compiled, 'open', 'LOSE', {}, ctx({}));
    expect(r).toMatchObject({ ok: false, code: 'invalid_form', errors: [{ field: 'reason', rule: 'required' }] });
    expect(transitionWorkflow(compiled, 'open', 'LOSE', { reason: 'price', extra: 1 }, ctx({}))).toMatchObject({ ok: false, errors: [{ field: 'extra', rule: 'unknown-field' }] });
    const ok = transitionWorkflow(compiled, 'open', 'LOSE', { reason: 'price' }, ctx({}));
    expect(ok).toMatchObject({ ok: true, to: 'lost', data: { reason: 'price' }, effects: [{ kind: 'set-fields', fields: { closed_reason: 'lost' } }] });
  });

  it('lists only what this user may take now, with forms as JSON Schema', () => {
    const open = (user: typeof rep, amount: number) => availableTransitions(compiled, 'open', { record: { amount }, user, data: {}, now }).map((t) => t.event);
    expect(open(rep, 5000)).toEqual(['LOSE']);
    expect(open(manager, 5000)).toEqual(['WIN', 'LOSE']);
    expect(open(manager, 1)).toEqual(['LOSE']);
    const lose = availableTransitions(compiled, 'open', { record: {}, user: rep, data: {}, now })[0];
    expect(lose.form).toEqual({ type: 'object', properties: { reason: { type: 'string', minLength: 1 } }, required: ['reason'], additionalProperties: false });
  });

  it('offers a transition whose guard reads its own form, and lets the guard decide on the sent form', () => {
    const definition = dealWorkflow();
    definition.machine.states.open!.on!.PAY_PART = {
      target: 'open',
      guard: { type: 'field', params: { expression: '$form.amount + received < amount' } },
      meta: { form: { properties: { amount: { type: 'number' } }, required: ['amount'] } },
    } as never;
    const withPart = workflowToMachine(definition, createWorkflowRegistry());
    const record = { amount: 100, received: 30 };
    expect(availableTransitions(withPart, 'open', { record, user: rep, data: {}, now }).map((t) => t.event)).toContain('PAY_PART');
    expect(transitionWorkflow(withPart, 'open', 'PAY_PART', { amount: 20 }, ctx(record))).toMatchObject({ ok: true });
    expect(transitionWorkflow(withPart, 'open', 'PAY_PART', { amount: 70 }, ctx(record))).toMatchObject({ ok: false, code: 'guard_failed' });
  });

  it('fires a timer as the system, and reads unknown states as the initial one', () => {
    expect(stateTimers(compiled, 'open')).toEqual([{ event: 'xstate.after.60000.deal_flow.open', delayMs: 60000 }]);
    expect(fireTimer(compiled, 'open', 'xstate.after.60000.deal_flow.open', { record: {}, now })).toMatchObject({ ok: true, from: 'open', to: 'lost' });
    expect(currentState(compiled, null)).toBe('new');
    expect(currentState(compiled, 'won')).toBe('won');
  });

  it('runs plugin actions registered through the plugin api, by name', () => {
    const registry = createWorkflowRegistry();
    const plugin = definePlugin({
      name: '@acme/sms',
      version: '1.0.0',
      register: (api) => api.actions?.register(defineAction<{ text: string }>({ name: 'sms:send', resolve: ({ text }) => [{ kind: 'outbox', type: 'sms', payload: { text } }] })),
    });
    loadPlugins([plugin], createFieldTypeRegistry(), registry);
    const wf = dealWorkflow();
    wf.machine.states.new.on!.OPEN.actions = [{ type: 'sms:send', params: { text: 'hi' } }];
    const r = transitionWorkflow(workflowToMachine(wf, registry), 'new', 'OPEN', {}, ctx({}));
    expect(r).toMatchObject({ ok: true, effects: [{ kind: 'outbox', type: 'sms', payload: { text: 'hi' } }] });
    expect(() => workflowToMachine(wf, createWorkflowRegistry())).toThrow('uses the action "sms:send", which is not registered');
  });

  it('requires plugin guards and actions to be named <plugin>:<id>', () => {
    const plugin = definePlugin({ name: 'bad', version: '1.0.0', register: (api) => api.guards?.register({ name: 'role2', evaluate: () => true }) });
    expect(() => loadPlugins([plugin], createFieldTypeRegistry())).toThrow('Plugin "bad" registers the guard "role2"');
  });
});
