import type { AppDefinition, WorkflowDefinition } from '@tessera/metadata';
import { checkStateMappings, diffWorkflowStates } from './diff-workflow-states';
import { fireTimer, stateTimers } from './transition-workflow';
import { dealEntity, dealWorkflow } from './workflow-fixtures';
import { workflowToMachine } from './workflow-to-machine';
import { createWorkflowRegistry } from './workflow-registry';

const appWith = (wf: WorkflowDefinition | undefined, entity = dealEntity()): AppDefinition => ({ name: 'a', label: { en: 'A' }, entities: [entity], layouts: [], ...(wf ? { workflows: [wf] } : {}) });

/** The deal flow with `open` split: records wait in `review` instead, then go on to won/lost. */
function withoutOpen(): WorkflowDefinition {
  const wf = dealWorkflow();
  const { open } = wf.machine.states;
  delete wf.machine.states.open;
  wf.machine.states.new.on!.OPEN.target = 'review';
  wf.machine.states.review = open;
  return wf;
}

describe('diffWorkflowStates', () => {
  it('finds nothing to carry over for the same definition', () => {
    expect(diffWorkflowStates(appWith(dealWorkflow()), appWith(dealWorkflow()))).toEqual([]);
  });

  it('names the states that disappeared and the states of the new definition', () => {
    expect(diffWorkflowStates(appWith(dealWorkflow()), appWith(withoutOpen()))).toEqual([
      { entity: 'deal', workflow: 'deal_flow', stateField: 'stage', removed: ['open'], newTimers: [], states: ['new', 'won', 'lost', 'review'] },
    ]);
  });

  it('lists kept states that gained a delay (a changed delay is a new one), not those that lost one', () => {
    const next = dealWorkflow();
    next.machine.states.open.after = { '30000': { target: 'lost' } };
    next.machine.states.new.after = { '5000': { target: 'open' }, '9000': { target: 'lost' } };
    const [diff] = diffWorkflowStates(appWith(dealWorkflow()), appWith(next));
    expect(diff.removed).toEqual([]);
    expect(diff.newTimers).toEqual([{ state: 'new', delays: [5000, 9000] }, { state: 'open', delays: [30000] }]);
    const dropped = dealWorkflow();
    delete dropped.machine.states.open.after;
    expect(diffWorkflowStates(appWith(dealWorkflow()), appWith(dropped))).toEqual([]);
  });

  it('leaves out first publishes, new and removed workflows, and a workflow moved to another field', () => {
    expect(diffWorkflowStates(null, appWith(withoutOpen()))).toEqual([]);
    expect(diffWorkflowStates(appWith(undefined), appWith(withoutOpen()))).toEqual([]);
    expect(diffWorkflowStates(appWith(dealWorkflow()), appWith(undefined))).toEqual([]);
    const entity = dealEntity();
    entity.properties.stage['x-id'] = 'f_other_stage';
    expect(diffWorkflowStates(appWith(dealWorkflow()), appWith(withoutOpen(), entity))).toEqual([]);
  });
});

describe('checkStateMappings', () => {
  const diffs = diffWorkflowStates(appWith(dealWorkflow()), appWith(withoutOpen()));

  it('accepts a removed state mapped to a state of the new definition', () => {
    expect(checkStateMappings(diffs, { deal: { open: 'review' } }, appWith(withoutOpen()))).toEqual([]);
  });

  it('reports every wrong mapping at once, each naming the field and the rule', () => {
    const problems = checkStateMappings(diffs, { deal: { open: 'opened', won: 'lost', ghost: 'new' }, invoice: { a: 'b' } }, appWith(withoutOpen()));
    expect(problems.map((p) => [p.field, p.rule])).toEqual([
      ['stateMappings.deal.open', 'unknown-state'],
      ['stateMappings.deal.won', 'state-kept'],
      ['stateMappings.deal.ghost', 'state-kept'],
      ['stateMappings.invoice', 'unknown-workflow'],
    ]);
    expect(problems[0].message).toContain('"opened", which is not a state of the new workflow "deal_flow"');
  });
});

describe('a pending timer under a changed definition', () => {
  const registry = createWorkflowRegistry();
  const ctx = { record: { amount: 1 }, now: '2024-01-01T00:00:00.000Z' };

  it('fires when the new definition still has the delay, and is refused (dropped) when it lost it', () => {
    const old = workflowToMachine(dealWorkflow(), registry);
    const [timer] = stateTimers(old, 'open');
    expect(fireTimer(old, 'open', timer.event, ctx)).toMatchObject({ ok: true, to: 'lost' });
    const changed = dealWorkflow();
    changed.machine.states.open.after = { '30000': { target: 'lost' } };
    expect(fireTimer(workflowToMachine(changed, registry), 'open', timer.event, ctx)).toMatchObject({ ok: false, code: 'guard_failed' });
  });
});
