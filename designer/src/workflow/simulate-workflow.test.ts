import type { WorkflowDefinition } from '@tessera/metadata';
import { sampleFormData, simulateEvent, simulatedEvents, simulatedTimers, simulateTimer, simulation } from './simulate-workflow';

const DAY = 86_400_000;
const workflow: WorkflowDefinition = {
  name: 'ticket_flow', entity: 'ticket', stateField: 'status',
  machine: { initial: 'open', states: {
    open: { on: {
      SUBMIT: { target: 'pending', guard: { type: 'field', params: { expression: 'amount > 100' } }, actions: [{ type: 'setFields', params: { fields: { priority: 'high' } } }, { type: 'notify', params: { template: 'Submitted', to: ['owner'] } }] },
      DROP: { target: 'closed', meta: { roles: ['manager'] } },
      NOTE: { target: 'open', meta: { form: { required: ['reason'], properties: { reason: { type: 'string' } } } }, guard: { type: 'field', params: { expression: '$form.reason != null' } } },
    } },
    pending: { on: { CLOSE: { target: 'closed', guard: { type: 'acme:approved' } } }, after: { [String(2 * DAY)]: { target: 'closed', actions: [{ type: 'acme:escalate' }] } } },
    closed: { type: 'final' },
  } },
};
const rep = { id: 'u1', roles: ['sales'] };
const now = '2030-01-01T09:00:00.000Z';

describe('the workflow simulator', () => {
  const sim = simulation(workflow);

  it('says which events are enabled and why the others are blocked (guard, role)', () => {
    const events = Object.fromEntries(simulatedEvents(sim, 'open', { amount: 50 }, rep, now).map((e) => [e.event, e]));
    expect(events.SUBMIT).toMatchObject({ enabled: false, blocked: 'guard', guard: { type: 'field', params: { expression: 'amount > 100' } } });
    expect(events.DROP).toMatchObject({ enabled: false, blocked: 'role', roles: ['manager'] });
    expect(events.NOTE).toMatchObject({ enabled: true });
    expect(simulatedEvents(sim, 'open', { amount: 500 }, rep, now).find((e) => e.event === 'SUBMIT')).toMatchObject({ enabled: true });
    expect(simulatedEvents(sim, 'open', { amount: 50 }, { id: 'm', roles: ['manager'] }, now).find((e) => e.event === 'DROP')).toMatchObject({ enabled: true });
  });

  it('steps the record: the new state, the actions listed (not run), set-fields applied to the sample', () => {
    const outcome = simulateEvent(sim, 'open', 'SUBMIT', { amount: 500 }, rep, now);
    expect(outcome).toMatchObject({ ok: true, record: { amount: 500, priority: 'high' }, step: { from: 'open', to: 'pending', actions: [{ type: 'setFields' }, { type: 'notify' }] } });
    expect(outcome.ok && outcome.step.effects.map((e) => e.kind)).toEqual(['set-fields', 'notify']);
    expect(simulateEvent(sim, 'open', 'SUBMIT', { amount: 5 }, rep, now)).toMatchObject({ ok: false });
  });

  it('shows the armed timers with their due time and fires one (plugin guards pass, plugin actions are listed)', () => {
    const [timer] = simulatedTimers(sim, 'pending', now);
    expect(timer).toMatchObject({ delayMs: 2 * DAY, dueAt: '2030-01-03T09:00:00.000Z', target: 'closed' });
    expect(simulateTimer(sim, 'pending', timer, {})).toMatchObject({ ok: true, step: { to: 'closed', at: '2030-01-03T09:00:00.000Z', actions: [{ type: 'acme:escalate' }] } });
    expect(sim.unknownGuards).toEqual(['acme:approved']);
    expect(simulatedEvents(sim, 'pending', {}, rep, now)).toMatchObject([{ event: 'CLOSE', enabled: true }]);
  });

  it('fills a transition form with sample answers', () => {
    expect(sampleFormData({ properties: { reason: { type: 'string' }, days: { type: 'integer', minimum: 3 }, ok: { type: 'boolean' } } })).toEqual({ reason: 'Simulated', days: 3, ok: true });
  });
});
