import type { AppDefinition, WorkflowDefinition } from '@tessera/metadata';
import { dateTimers } from './date-timers';
import { diffWorkflowStates } from './diff-workflow-states';
import { fireTimer, stateTimers, transitionWorkflow } from './transition-workflow';
import { dealEntity, dealWorkflow } from './workflow-fixtures';
import { createWorkflowRegistry } from './workflow-registry';
import { workflowToMachine } from './workflow-to-machine';

const now = '2025-01-31T09:00:00.000Z';

/** The deal flow with a close date: an open deal is lost a day after it, besides the 60 s state timer. */
function withCloseDate(): WorkflowDefinition {
  const wf = dealWorkflow();
  wf.machine.states.open.after = {
    '60000': { target: 'lost' },
    '86400000': { target: 'lost', since: 'close_date', guard: { type: 'field', params: { expression: 'amount < 1000' } }, actions: [{ type: 'setFields', params: { fields: { closed_reason: 'expired' } } }] },
  };
  return wf;
}

const appWith = (wf: WorkflowDefinition): AppDefinition => {
  const entity = dealEntity();
  entity.properties.close_date = { 'x-id': 'f_close', 'x-type': 'date', 'x-label': { en: 'Close date' } };
  return { name: 'a', label: { en: 'A' }, entities: [entity], layouts: [], workflows: [wf] };
};

describe('timers counted from a date field', () => {
  const compiled = workflowToMachine(withCloseDate(), createWorkflowRegistry());

  it('lists them with the field, the delay and the event that fires them', () => {
    expect(dateTimers(compiled)).toEqual([{ state: 'open', delayMs: 86400000, field: 'close_date', target: 'lost', event: 'xstate.after.86400000.deal_flow.open' }]);
  });

  it('are never armed on entry: only the state timer is', () => {
    const opened = transitionWorkflow(compiled, 'new', 'OPEN', {}, { record: {}, user: null, now });
    expect(opened.ok && opened.timers).toEqual([{ event: 'xstate.after.60000.deal_flow.open', delayMs: 60000 }]);
    expect(stateTimers(compiled, 'open')).toEqual([{ event: 'xstate.after.60000.deal_flow.open', delayMs: 60000 }]);
  });

  it('fire through the delayed transition: guard and actions as written', () => {
    const [timer] = dateTimers(compiled);
    expect(fireTimer(compiled, 'open', timer.event, { record: { amount: 10 }, now })).toMatchObject({ ok: true, to: 'lost', effects: [{ kind: 'set-fields', fields: { closed_reason: 'expired' } }] });
    expect(fireTimer(compiled, 'open', timer.event, { record: { amount: 5000 }, now })).toMatchObject({ ok: false, code: 'guard_failed' });
  });

  it('are not armed for records in flight when a publish adds one', () => {
    expect(diffWorkflowStates(appWith(dealWorkflow()), appWith(withCloseDate()))).toEqual([]);
    const changed = withCloseDate();
    changed.machine.states.new.after = { '5000': { target: 'open', since: 'close_date' }, '9000': { target: 'lost' } };
    expect(diffWorkflowStates(appWith(withCloseDate()), appWith(changed))[0].newTimers).toEqual([{ state: 'new', delays: [9000] }]);
  });
});
