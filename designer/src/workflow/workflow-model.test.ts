import { validateApp, type AppDefinition, type WorkflowDefinition } from '@tessera/metadata';
import { autoLayout } from './auto-layout';
import { delayMs, splitDelay } from './delay';
import { addState, addTransition, eventProblem, newWorkflow, putTimer, putTransition, putWorkflow, removeTimer, removeTransition, renameState, setFinal, setPositions } from './workflow-model';

const app = (): AppDefinition => ({
  name: 'crm',
  label: { en: 'CRM' },
  layouts: [],
  entities: [{
    'x-name': 'lead', 'x-plural': 'leads', 'x-label': { en: 'Lead', zh: '线索' }, type: 'object',
    properties: {
      name: { 'x-id': 'f_name', 'x-type': 'text', 'x-label': { en: 'Name' } },
      stage: { 'x-id': 'f_stage', 'x-type': 'select', 'x-label': { en: 'Stage' }, 'x-options': [{ value: 'new', label: { en: 'New' } }, { value: 'working', label: { en: 'Working' } }, { value: 'done', label: { en: 'Done' } }] },
    },
  } as AppDefinition['entities'][number]],
});

/** new → working (START) → done (FINISH, final), with a reminder timer and positions. */
function built(): { app: AppDefinition; wf: WorkflowDefinition } {
  const base = app();
  let wf = newWorkflow(base, 'lead', 'stage');
  wf = addTransition(wf, 'new', 'START', 'working');
  wf = addTransition(wf, 'working', 'FINISH', 'done');
  wf = setFinal(wf, 'done', true);
  wf = putTimer(wf, 'working', undefined, 86_400_000, { target: 'working', actions: [{ type: 'notify', params: { template: 'Still working on {{name}}', to: ['owner'] } }] });
  wf = setPositions(wf, { new: { x: 0.4, y: 0 }, working: { x: 230, y: 0 }, done: { x: 460, y: 10.6 } });
  return { app: putWorkflow(base, wf.name, wf), wf };
}

describe('workflow model', () => {
  it('a new workflow has the select options as states, the first initial', () => {
    const wf = newWorkflow(app(), 'lead', 'stage');
    expect(wf).toMatchObject({ name: 'lead_stage', entity: 'lead', stateField: 'stage', label: { en: 'Lead workflow', zh: '线索流程' }, machine: { initial: 'new' } });
    expect(Object.keys(wf.machine.states)).toEqual(['new', 'working', 'done']);
  });

  it('a built workflow with its layout is valid metadata (the meta-schema allows machine.meta.layout)', () => {
    const { app: withWf, wf } = built();
    expect(wf.machine.meta!.layout!.new).toEqual({ x: 0, y: 0 });
    expect(wf.machine.meta!.layout!.done).toEqual({ x: 460, y: 11 });
    const result = validateApp(withWf);
    expect(result.ok ? [] : result.errors).toEqual([]);
  });

  it('a layout entry that is not a position is refused by the meta-schema', () => {
    const { app: withWf } = built();
    (withWf.workflows![0].machine.meta!.layout as Record<string, unknown>).new = { x: 'left' };
    expect(validateApp(withWf).ok).toBe(false);
  });

  it('renames a state in targets, initial, layout and the select option', () => {
    const { app: withWf, wf } = built();
    const renamed = renameState(withWf, wf, 'working', 'in_progress');
    expect(Object.keys(renamed.workflow.machine.states)).toEqual(['new', 'in_progress', 'done']);
    expect(renamed.workflow.machine.states.new.on!.START.target).toBe('in_progress');
    expect(renamed.workflow.machine.states.in_progress.after!['86400000'].target).toBe('in_progress');
    expect(renamed.workflow.machine.meta!.layout!.in_progress).toEqual({ x: 230, y: 0 });
    expect(renamed.app.entities[0].properties.stage['x-options']!.map((o) => o.value)).toEqual(['new', 'in_progress', 'done']);
    expect(renamed.app.workflows![0]).toBe(renamed.workflow);
    const check = validateApp(renamed.app);
    expect(check.ok ? [] : check.errors).toEqual([]);
  });

  it('adds a state and its option; edits, renames and removes transitions and timers', () => {
    const { app: withWf, wf } = built();
    const added = addState(withWf, wf, 'lost', { x: 10, y: 300 });
    expect(added.app.entities[0].properties.stage['x-options']!.at(-1)).toEqual({ value: 'lost', label: { en: 'lost' } });
    expect(added.workflow.machine.meta!.layout!.lost).toEqual({ x: 10, y: 300 });
    let next = putTransition(added.workflow, 'new', 'START', { target: 'lost', meta: { roles: ['admin'] } }, 'DROP');
    expect(next.machine.states.new.on).toEqual({ DROP: { target: 'lost', meta: { roles: ['admin'] } } });
    next = removeTransition(next, 'new', 'DROP');
    expect(next.machine.states.new.on).toBeUndefined();
    next = putTimer(next, 'working', 86_400_000, 3_600_000, { target: 'done' });
    expect(Object.keys(next.machine.states.working.after!)).toEqual(['3600000']);
    next = removeTimer(next, 'working', 3_600_000);
    expect(next.machine.states.working.after).toBeUndefined();
    expect(setFinal(next, 'done', false).machine.states.done.type).toBeUndefined();
  });

  it('validates event names: upper case, unique in the state', () => {
    expect(eventProblem('', [])).toBe('empty');
    expect(eventProblem('start', [])).toBe('format');
    expect(eventProblem('START-1', [])).toBe('format');
    expect(eventProblem('START', ['START'])).toBe('taken');
    expect(eventProblem('SEND_QUOTE', ['START'])).toBeUndefined();
  });
});

describe('autoLayout', () => {
  it('places states in columns by BFS depth from the initial state, unreachable ones last', () => {
    const { wf } = built();
    const bare = { ...wf.machine, meta: undefined, states: { ...wf.machine.states, orphan: {} } };
    expect(autoLayout(bare)).toEqual({ new: { x: 0, y: 0 }, working: { x: 230, y: 0 }, done: { x: 460, y: 0 }, orphan: { x: 690, y: 0 } });
  });

  it('keeps stored positions and stacks siblings in rows', () => {
    const machine = { initial: 'a', states: { a: { on: { X: { target: 'b' }, Y: { target: 'c' } } }, b: {}, c: {} }, meta: { layout: { a: { x: 5, y: 5 } } } };
    expect(autoLayout(machine)).toEqual({ a: { x: 5, y: 5 }, b: { x: 230, y: 0 }, c: { x: 230, y: 120 } });
  });
});

describe('delays', () => {
  it('shows milliseconds in the largest exact unit and converts back', () => {
    expect(splitDelay(259_200_000)).toEqual({ amount: 3, unit: 'days' });
    expect(splitDelay(5_400_000)).toEqual({ amount: 90, unit: 'minutes' });
    expect(splitDelay(7_200_000)).toEqual({ amount: 2, unit: 'hours' });
    expect(delayMs(2, 'hours')).toBe(7_200_000);
    expect(delayMs(0, 'days')).toBeUndefined();
    expect(delayMs(1.5, 'days')).toBeUndefined();
  });
});
