import {
  createWorkflowRegistry, defineAction, defineGuard, fireTimer, stateTimers, transitionWorkflow, workflowToMachine,
  type CompiledWorkflow, type WorkflowActor, type WorkflowEffect,
} from '@tessera/engine';
import type { WorkflowCallRef, WorkflowDefinition, WorkflowTransitionForm } from '@tessera/metadata';

/** Sample answers for a transition's form, so its guard can be tried (a comment, an amount…). */
export function sampleFormData(form: WorkflowTransitionForm | undefined): Record<string, unknown> {
  const sample = (schema: Record<string, unknown>): unknown => {
    if (Array.isArray(schema.enum) && schema.enum.length) return schema.enum[0];
    if (schema.type === 'number' || schema.type === 'integer') return typeof schema.minimum === 'number' ? schema.minimum : 1;
    if (schema.type === 'boolean') return true;
    if (schema.type === 'string') return schema.format === 'date' ? '2030-01-01' : 'Simulated';
    return null;
  };
  return Object.fromEntries(Object.entries(form?.properties ?? {}).map(([name, schema]) => [name, sample(schema)]));
}

/**
 * The workflow simulator's model: the designer's draft workflow compiled with the engine's own
 * `workflowToMachine` (real xstate, the built-in guards' real evaluation) and stepped with the
 * engine's pure `transitionWorkflow` / `fireTimer` — nothing is stored and no action runs.
 * Guards and actions a plugin registers on the server are not in the browser: a plugin guard
 * counts as passing and says so, a plugin action is listed like the others.
 */
export interface Simulation {
  compiled: CompiledWorkflow;
  /** Guard names the browser cannot evaluate (plugin guards): treated as passing. */
  unknownGuards: string[];
}

export function simulation(workflow: WorkflowDefinition): Simulation {
  const registry = createWorkflowRegistry();
  const unknownGuards: string[] = [];
  for (const state of Object.values(workflow.machine.states)) {
    for (const t of [...Object.values(state.on ?? {}), ...Object.values(state.after ?? {})]) {
      if (t.guard && !registry.guards.get(t.guard.type)) {
        unknownGuards.push(t.guard.type);
        registry.guards.register(defineGuard({ name: t.guard.type, paramsSchema: { type: 'object' }, evaluate: () => true }));
      }
      for (const a of t.actions ?? []) {
        if (!registry.actions.get(a.type)) registry.actions.register(defineAction({ name: a.type, paramsSchema: { type: 'object' }, resolve: () => [] }));
      }
    }
  }
  return { compiled: workflowToMachine(workflow, registry), unknownGuards };
}

export type EventBlock = 'role' | 'guard';

export interface SimulatedEvent {
  event: string;
  target: string;
  enabled: boolean;
  /** Why it is blocked: the acting user lacks the roles, or the guard is false for this record. */
  blocked?: EventBlock;
  roles?: string[];
  guard?: WorkflowCallRef;
  /** The transition's actions: listed, never executed. */
  actions: WorkflowCallRef[];
}

export interface SimulatedTimer {
  event: string;
  delayMs: number;
  /** ISO time it fires, counted from when the record entered the state. */
  dueAt: string;
  target?: string;
}

export interface SimulationStep {
  from: string;
  to: string;
  event: string;
  at: string;
  actions: WorkflowCallRef[];
  effects: WorkflowEffect[];
}

const plus = (iso: string, ms: number) => new Date(new Date(iso).getTime() + ms).toISOString();

/** Every event of `state`, whether `user` may send it now for `record`, and why not. */
export function simulatedEvents(sim: Simulation, state: string, record: Record<string, unknown>, user: WorkflowActor, now: string): SimulatedEvent[] {
  const on = sim.compiled.definition.machine.states[state]?.on ?? {};
  return Object.entries(on).map(([event, t]) => {
    const base = { event, target: t.target, actions: t.actions ?? [], ...(t.meta?.roles ? { roles: t.meta.roles } : {}), ...(t.guard ? { guard: t.guard } : {}) };
    // Role first (the runtime refuses a role before it looks at the guard), then the guard through xstate.
    if (t.meta?.roles && !user.roles.some((r) => t.meta!.roles!.includes(r))) return { ...base, enabled: false, blocked: 'role' as const };
    const result = transitionWorkflow(sim.compiled, state, event, sampleFormData(t.meta?.form), { record, user, now });
    if (!result.ok && result.code === 'guard_failed') return { ...base, enabled: false, blocked: 'guard' as const };
    return { ...base, enabled: true };
  });
}

/** The timers armed while a record sits in `state`, due from `enteredAt`. */
export function simulatedTimers(sim: Simulation, state: string, enteredAt: string): SimulatedTimer[] {
  const after = sim.compiled.definition.machine.states[state]?.after ?? {};
  return stateTimers(sim.compiled, state).map((timer) => ({ ...timer, dueAt: plus(enteredAt, timer.delayMs), target: after[String(timer.delayMs)]?.target }));
}

/** `set-fields` effects change the sample record, as the runtime would inside the transition. */
function applyEffects(record: Record<string, unknown>, effects: WorkflowEffect[]): Record<string, unknown> {
  return effects.reduce((r, e) => (e.kind === 'set-fields' ? { ...r, ...e.fields } : r), record);
}

export type StepOutcome =
  | { ok: true; step: SimulationStep; record: Record<string, unknown> }
  | { ok: false; message: string };

/** Sends `event` as `user` (form data empty unless given): the next state, the actions listed, the record after set-fields. */
export function simulateEvent(sim: Simulation, state: string, event: string, record: Record<string, unknown>, user: WorkflowActor, now: string, data = sampleFormData(sim.compiled.definition.machine.states[state]?.on?.[event]?.meta?.form)): StepOutcome {
  const result = transitionWorkflow(sim.compiled, state, event, data, { record, user, now });
  if (!result.ok) return { ok: false, message: result.message };
  const actions = sim.compiled.definition.machine.states[state]?.on?.[event]?.actions ?? [];
  return { ok: true, step: { from: state, to: result.to, event, at: now, actions, effects: result.effects }, record: applyEffects(record, result.effects) };
}

/** Lets the clock run to a timer's due time and fires it (the system acts: no user, no role). */
export function simulateTimer(sim: Simulation, state: string, timer: SimulatedTimer, record: Record<string, unknown>): StepOutcome {
  const result = fireTimer(sim.compiled, state, timer.event, { record, now: timer.dueAt });
  if (!result.ok) return { ok: false, message: result.message };
  const actions = sim.compiled.definition.machine.states[state]?.after?.[String(timer.delayMs)]?.actions ?? [];
  return { ok: true, step: { from: state, to: result.to, event: timer.event, at: timer.dueAt, actions, effects: result.effects }, record: applyEffects(record, result.effects) };
}
