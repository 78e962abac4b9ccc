import type { AppDefinition, ApproverRule, EntityDefinition, WorkflowDefinition, WorkflowDelayedTransitionConfig, WorkflowStateConfig, WorkflowTransitionConfig } from '@tessera/metadata';

/**
 * Pure edits of one workflow inside the draft app. Every function returns new objects, so each
 * edit is one undo step and the definition stays a plain XState config (positions live in
 * `machine.meta.layout`, which XState ignores).
 */

export type Position = { x: number; y: number };

/** Events on the canvas are UPPER_SNAKE (the metadata also accepts lower case from imports). */
export const EVENT_PATTERN = /^[A-Z][A-Z0-9_]*$/;
export const STATE_PATTERN = /^[a-z][a-z0-9_]*$/;

export type NameProblem = 'empty' | 'format' | 'taken';

export function eventProblem(name: string, taken: readonly string[]): NameProblem | undefined {
  if (!name) return 'empty';
  if (!EVENT_PATTERN.test(name)) return 'format';
  return taken.includes(name) ? 'taken' : undefined;
}

export function stateProblem(name: string, taken: readonly string[]): NameProblem | undefined {
  if (!name) return 'empty';
  if (!STATE_PATTERN.test(name) || name.length > 63) return 'format';
  return taken.includes(name) ? 'taken' : undefined;
}

/** The select fields of an entity: the fields a workflow can keep its state in. */
export const selectFields = (entity: EntityDefinition) => Object.entries(entity.properties).filter(([, f]) => f['x-type'] === 'select').map(([name]) => name);

/** A new workflow whose states are the select field's options (the first one initial). */
export function newWorkflow(app: AppDefinition, entityName: string, stateField: string): WorkflowDefinition {
  const entity = app.entities.find((e) => e['x-name'] === entityName);
  const options = entity?.properties[stateField]?.['x-options'] ?? [];
  const taken = new Set((app.workflows ?? []).map((w) => w.name));
  let name = `${entityName}_${stateField}`.slice(0, 63);
  for (let i = 2; taken.has(name); i++) name = `${entityName}_${stateField}_${i}`.slice(0, 63);
  const states: Record<string, WorkflowStateConfig> = Object.fromEntries(options.map((o) => [o.value, {}]));
  return {
    name,
    label: { en: entity?.['x-label'].en ? `${entity['x-label'].en} workflow` : name, ...(entity?.['x-label'].zh ? { zh: `${entity['x-label'].zh}流程` } : {}) },
    entity: entityName,
    stateField,
    version: 1,
    machine: { id: name, initial: options[0]?.value ?? '', states },
  };
}

/** Replaces (or appends) the workflow named `name` with `next`. */
export function putWorkflow(app: AppDefinition, name: string, next: WorkflowDefinition): AppDefinition {
  const list = app.workflows ?? [];
  const at = list.findIndex((w) => w.name === name);
  return { ...app, workflows: at < 0 ? [...list, next] : list.map((w, i) => (i === at ? next : w)) };
}

const withStates = (wf: WorkflowDefinition, states: Record<string, WorkflowStateConfig>): WorkflowDefinition => ({ ...wf, machine: { ...wf.machine, states } });

export function patchState(wf: WorkflowDefinition, state: string, patch: Partial<WorkflowStateConfig>): WorkflowDefinition {
  const next: WorkflowStateConfig = { ...wf.machine.states[state], ...patch };
  for (const key of Object.keys(patch) as (keyof WorkflowStateConfig)[]) if (patch[key] === undefined) delete next[key];
  return withStates(wf, { ...wf.machine.states, [state]: next });
}

export function setFinal(wf: WorkflowDefinition, state: string, final: boolean): WorkflowDefinition {
  return patchState(wf, state, { type: final ? 'final' : undefined });
}

export function setInitial(wf: WorkflowDefinition, state: string): WorkflowDefinition {
  return { ...wf, machine: { ...wf.machine, initial: state } };
}

/** Adds a state to the workflow and, so the record can store it, an option to its select field. */
export function addState(app: AppDefinition, wf: WorkflowDefinition, state: string, position?: Position): { app: AppDefinition; workflow: WorkflowDefinition } {
  const withOption = ensureStateOptions(app, wf.entity, wf.stateField, [state]);
  let workflow = withStates(wf, { ...wf.machine.states, [state]: {} });
  if (position) workflow = setPosition(workflow, state, position);
  return { app: putWorkflow(withOption, wf.name, workflow), workflow };
}

/** Adds the states that are not options of the select field yet (labelled with their name). */
export function ensureStateOptions(app: AppDefinition, entityName: string, field: string, states: readonly string[]): AppDefinition {
  return {
    ...app,
    entities: app.entities.map((e) => {
      const f = e['x-name'] === entityName ? e.properties[field] : undefined;
      if (!f) return e;
      const options = f['x-options'] ?? [];
      const missing = states.filter((s) => !options.some((o) => o.value === s));
      if (!missing.length) return e;
      return { ...e, properties: { ...e.properties, [field]: { ...f, 'x-options': [...options, ...missing.map((s) => ({ value: s, label: { en: s } }))] } } };
    }),
  };
}

/**
 * Renames a state everywhere: the state, the targets and initial pointing at it, its position,
 * and the option value of the select field (the publish plan then asks where stored records go).
 */
export function renameState(app: AppDefinition, wf: WorkflowDefinition, from: string, to: string): { app: AppDefinition; workflow: WorkflowDefinition } {
  const retarget = <T extends { target: string }>(t: T): T => (t.target === from ? { ...t, target: to } : t);
  const mapGroup = <T extends { target: string }>(group?: Record<string, T>) => (group ? Object.fromEntries(Object.entries(group).map(([k, t]) => [k, retarget(t)])) : undefined);
  const states = Object.fromEntries(Object.entries(wf.machine.states).map(([name, s]) => {
    const next: WorkflowStateConfig = { ...s };
    if (s.on) next.on = mapGroup(s.on);
    if (s.after) next.after = mapGroup(s.after);
    return [name === from ? to : name, next];
  }));
  const layout = wf.machine.meta?.layout;
  const meta = layout ? { ...wf.machine.meta, layout: Object.fromEntries(Object.entries(layout).map(([k, p]) => [k === from ? to : k, p])) } : wf.machine.meta;
  const workflow: WorkflowDefinition = { ...wf, machine: { ...wf.machine, initial: wf.machine.initial === from ? to : wf.machine.initial, states, ...(meta ? { meta } : {}) } };
  const entities = app.entities.map((e) => {
    const f = e['x-name'] === wf.entity ? e.properties[wf.stateField] : undefined;
    if (!f) return e;
    return { ...e, properties: { ...e.properties, [wf.stateField]: { ...f, 'x-options': (f['x-options'] ?? []).map((o) => (o.value === from ? { ...o, value: to } : o)) } } };
  });
  return { app: putWorkflow({ ...app, entities }, wf.name, workflow), workflow };
}

export function addTransition(wf: WorkflowDefinition, from: string, event: string, target: string): WorkflowDefinition {
  const state = wf.machine.states[from];
  return patchState(wf, from, { on: { ...state.on, [event]: { target } } });
}

/** Replaces the transition `event` of `from` (renaming it to `rename` when given, keeping its place). */
export function putTransition(wf: WorkflowDefinition, from: string, event: string, next: WorkflowTransitionConfig, rename = event): WorkflowDefinition {
  const on = wf.machine.states[from].on ?? {};
  return patchState(wf, from, { on: Object.fromEntries(Object.entries(on).map(([k, t]) => (k === event ? [rename, next] : [k, t]))) });
}

export function removeTransition(wf: WorkflowDefinition, from: string, event: string): WorkflowDefinition {
  const { [event]: _gone, ...on } = wf.machine.states[from].on ?? {};
  return patchState(wf, from, { on: Object.keys(on).length ? on : undefined });
}

/** Sets the timer of `state` that was at `oldMs` (or a new one) to `ms`, keeping the timers in key order. */
export function putTimer(wf: WorkflowDefinition, state: string, oldMs: number | undefined, ms: number, timer: WorkflowDelayedTransitionConfig): WorkflowDefinition {
  const after = { ...wf.machine.states[state].after };
  if (oldMs !== undefined) delete after[String(oldMs)];
  after[String(ms)] = timer;
  return patchState(wf, state, { after });
}

export function removeTimer(wf: WorkflowDefinition, state: string, ms: number): WorkflowDefinition {
  const { [String(ms)]: _gone, ...after } = wf.machine.states[state].after ?? {};
  return patchState(wf, state, { after: Object.keys(after).length ? after : undefined });
}

export function setPositions(wf: WorkflowDefinition, positions: Record<string, Position>): WorkflowDefinition {
  const rounded = Object.fromEntries(Object.entries(positions).map(([k, p]) => [k, { x: Math.round(p.x), y: Math.round(p.y) }]));
  return { ...wf, machine: { ...wf.machine, meta: { ...wf.machine.meta, layout: { ...wf.machine.meta?.layout, ...rounded } } } };
}

export const setPosition = (wf: WorkflowDefinition, state: string, p: Position) => setPositions(wf, { [state]: p });

/** Every event name of a state (its `on` keys), for approval outcomes and duplicate checks. */
export const eventsOf = (wf: WorkflowDefinition, state: string) => Object.keys(wf.machine.states[state]?.on ?? {});

const OUTCOME_NAMES = {
  approve: /^(APPROVE|APPROVED|ACCEPT|OK|PASS)$/,
  reject: /^(REJECT|REJECTED|DECLINE|DENY|NO)$/,
  return: /^(RETURN|RETURNED|SEND_BACK|REVISE)$/,
};

/**
 * Puts an approval on `state` (one step, mode any, `approvers`) as the usual review pattern:
 * - SUBMIT: every transition into the state starts the approval (`startApproval`); when none
 *   leads there, SUBMIT is drawn from the state before it (option order), or the initial one;
 * - APPROVE goes on to the next state, REJECT to a state named like "rejected" (else back to the
 *   initial state), RETURN back to the state it was submitted from. Each is reused when the
 *   state already has an event of that name (APPROVE/OK, REJECT/NO, RETURN…), never guessed
 *   from unrelated events (a CLOSE stays a CLOSE). New ones are admin-only, so users cannot
 *   skip the approval (the approval host takes them).
 */
export function addApproval(wf: WorkflowDefinition, state: string, approvers: ApproverRule = { kind: 'manager', levels: 1 }): WorkflowDefinition {
  const names = Object.keys(wf.machine.states);
  const at = names.indexOf(state);
  const others = names.filter((n) => n !== state);
  const initial = wf.machine.initial !== state ? wf.machine.initial : undefined;
  const before = names.slice(0, Math.max(0, at)).reverse().find((n) => wf.machine.states[n].type !== 'final') ?? initial ?? others[0] ?? state;
  const forward = names.slice(at + 1).find((n) => !/reject/.test(n)) ?? others.find((n) => n !== before) ?? state;
  const rejected = others.find((n) => /reject/.test(n)) ?? initial ?? before;
  const systemOnly = { meta: { roles: ['admin'] } };
  let next = wf;
  const outcome = (kind: keyof typeof OUTCOME_NAMES, event: string, target: string): string => {
    const existing = eventsOf(next, state).find((e) => OUTCOME_NAMES[kind].test(e));
    if (existing) return existing;
    next = patchState(next, state, { on: { ...next.machine.states[state].on, [event]: { target, ...systemOnly } } });
    return event;
  };
  const onApproved = outcome('approve', 'APPROVE', forward);
  const onRejected = outcome('reject', 'REJECT', rejected);
  const onReturned = outcome('return', 'RETURN', before);
  const incoming = names.flatMap((from) => Object.entries(next.machine.states[from].on ?? {}).filter(([, t]) => from !== state && t.target === state).map(([event]) => ({ from, event })));
  if (incoming.length === 0 && before !== state && !eventsOf(next, before).includes('SUBMIT')) {
    next = addTransition(next, before, 'SUBMIT', state);
    incoming.push({ from: before, event: 'SUBMIT' });
  }
  for (const { from, event } of incoming) {
    const t = next.machine.states[from].on![event];
    if (!(t.actions ?? []).some((a) => a.type === 'startApproval')) next = putTransition(next, from, event, { ...t, actions: [...(t.actions ?? []), { type: 'startApproval' }] });
  }
  const kept = wf.machine.states[state].approval;
  return patchState(next, state, { approval: { ...kept, steps: kept?.steps ?? [{ id: 'step_1', approvers, mode: 'any' }], onApproved, onRejected, onReturned } });
}
