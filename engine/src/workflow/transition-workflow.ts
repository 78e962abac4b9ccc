import type { WorkflowTransitionConfig } from '@tessera/metadata';
import { transition as xstateTransition, type AnyMachineSnapshot } from 'xstate';
import { transitionFormSchema, validateTransitionData } from './transition-form';
import { dateTimers, isDateTimer } from './date-timers';
import { timerEventType, type CompiledWorkflow } from './workflow-to-machine';
import type { AvailableTransition, TransitionResult, WorkflowContext, WorkflowEffect, WorkflowTimer } from './workflow-types';

/** The state a record is in: its state field, or the initial state when it has none yet. */
export function currentState(compiled: CompiledWorkflow, value: unknown): string {
  return typeof value === 'string' && value in compiled.definition.machine.states ? value : compiled.definition.machine.initial;
}

function snapshotOf(compiled: CompiledWorkflow, state: string, ctx: WorkflowContext): AnyMachineSnapshot {
  return compiled.machine.resolveState({ value: state, context: ctx });
}

const mayTake = (t: WorkflowTransitionConfig, ctx: WorkflowContext) => {
  const roles = t.meta?.roles;
  return !roles || (ctx.user !== null && ctx.user.roles.some((r) => roles.includes(r)));
};

/** xstate decides whether the guard lets the event through (no enabled transition: blocked). */
function enabled(compiled: CompiledWorkflow, snapshot: AnyMachineSnapshot, event: { type: string; data: Record<string, unknown> }): boolean {
  return compiled.machine.getTransitionData(snapshot, event).length > 0;
}

/**
 * A transition whose guard reads its own form (`$form.amount + received_amount < amount`) cannot
 * be judged before the form is filled: it is offered, and the guard decides when it is sent.
 */
const decidedByItsForm = (t: WorkflowTransitionConfig) => Boolean(t.meta?.form && t.guard && JSON.stringify(t.guard.params ?? {}).includes('$form'));

/** The transitions `ctx.user` may take from `state` now: event defined, role held, guard true (or waiting for its form). */
export function availableTransitions(compiled: CompiledWorkflow, state: string, ctx: WorkflowContext): AvailableTransition[] {
  const on = compiled.definition.machine.states[state]?.on ?? {};
  const snapshot = snapshotOf(compiled, state, ctx);
  return Object.entries(on)
    .filter(([event, t]) => mayTake(t, ctx) && (enabled(compiled, snapshot, { type: event, data: ctx.data }) || decidedByItsForm(t)))
    .map(([event, t]) => ({
      event,
      target: t.target,
      ...(t.meta?.label ? { label: t.meta.label } : {}),
      ...(t.meta?.form ? { form: transitionFormSchema(t.meta.form) } : {}),
    }));
}

/** Runs one xstate step purely and turns the action objects it returns into effects and timers. */
function step(compiled: CompiledWorkflow, from: string, event: { type: string; data: Record<string, unknown> }, ctx: WorkflowContext): TransitionResult {
  const snapshot = snapshotOf(compiled, from, ctx);
  if (!enabled(compiled, snapshot, event)) return { ok: false, code: 'guard_failed', message: `The conditions for "${event.type}" are not met in the state "${from}"` };
  const [next, actions] = xstateTransition(compiled.machine, snapshot, event);
  const effects: WorkflowEffect[] = [];
  const timers: WorkflowTimer[] = [];
  // xstate schedules every `after` on entry; a date timer is the runtime's sweep's, not a job.
  const byDate = new Set(dateTimers(compiled).map((t) => t.event));
  for (const action of actions) {
    const params = (action.params ?? {}) as Record<string, unknown>;
    if (action.type === 'xstate.raise' && typeof params.delay === 'number') {
      const raised = params.event as { type: string };
      if (!byDate.has(raised.type)) timers.push({ event: raised.type, delayMs: params.delay });
      continue;
    }
    const def = compiled.registry.actions.get(action.type);
    if (def) effects.push(...def.resolve(params, { ...ctx, data: event.data }));
  }
  const to = String(next.value);
  return { ok: true, from, to, data: event.data, effects, timers, final: next.status === 'done' };
}

/**
 * What happens when `ctx.user` sends `event` with form `data` to a record in `from`: the new
 * state, the effects to carry out and the timers to arm, or why not (unknown event, role,
 * form, guard). Pure: the caller stores the result.
 */
export function transitionWorkflow(compiled: CompiledWorkflow, from: string, event: string, data: unknown, ctx: Omit<WorkflowContext, 'data'>): TransitionResult {
  const on = compiled.definition.machine.states[from]?.on ?? {};
  const t = Object.hasOwn(on, event) ? on[event] : undefined;
  if (!t) {
    const events = Object.keys(on);
    return { ok: false, code: 'unknown_event', message: `"${event}" is not a transition of the state "${from}"${events.length ? `; it has ${events.join(', ')}` : ' (it has none)'}` };
  }
  if (!mayTake(t, { ...ctx, data: {} })) return { ok: false, code: 'forbidden', message: `"${event}" needs one of the roles ${t.meta!.roles!.join(', ')}` };
  const form = validateTransitionData(t.meta?.form, data);
  if (!form.ok) return { ok: false, code: 'invalid_form', message: `The form of "${event}" is not valid: ${form.errors.map((e) => `${e.field || 'body'}: ${e.message}`).join('; ')}`, errors: form.errors };
  return step(compiled, from, { type: event, data: form.value }, { ...ctx, data: form.value });
}

/** The timers of `state` itself, for a record that just entered it (e.g. on creation); date timers are swept instead. */
export function stateTimers(compiled: CompiledWorkflow, state: string): WorkflowTimer[] {
  const after = compiled.definition.machine.states[state]?.after ?? {};
  return Object.entries(after).filter(([, t]) => !isDateTimer(t)).map(([ms]) => ({ event: timerEventType(compiled, state, Number(ms)), delayMs: Number(ms) }));
}

/** A due timer of `state` fires: the delayed transition, taken by the system (no user, no form). */
export function fireTimer(compiled: CompiledWorkflow, state: string, timerEvent: string, ctx: Omit<WorkflowContext, 'data' | 'user'>): TransitionResult {
  return step(compiled, state, { type: timerEvent, data: {} }, { ...ctx, user: null, data: {} });
}

/**
 * An event the system sends on someone's behalf (an approval chain's outcome): no role or form
 * check, since the chain's own rules decided who may cause it; the guard still applies.
 */
export function fireSystemEvent(compiled: CompiledWorkflow, state: string, event: string, ctx: Omit<WorkflowContext, 'data'>): TransitionResult {
  const on = compiled.definition.machine.states[state]?.on ?? {};
  if (!Object.hasOwn(on, event)) return { ok: false, code: 'unknown_event', message: `"${event}" is not a transition of the state "${state}"` };
  return step(compiled, state, { type: event, data: {} }, { ...ctx, data: {} });
}
