import type { ApprovalConfig, ApprovalStepConfig } from '@tessera/metadata';
import jexl from 'jexl';
import type { ApprovalContext, ApprovalOutcome, ApprovalResult, ApprovalState, ApprovalTask } from './approval-types';

// A private instance with no transforms, like the field guard: conditions are data-only.
const language = new jexl.Jexl();

/** The steps whose condition holds for the record, in order; a condition that fails to evaluate drops its step. */
export function chainSteps(def: ApprovalConfig, record: Record<string, unknown>): ApprovalStepConfig[] {
  return def.steps.filter((s) => {
    if (!s.condition) return true;
    try {
      return Boolean(language.evalSync(s.condition, record));
    } catch {
      return false;
    }
  });
}

/** The error message when a condition does not parse (publish-time check). */
export function conditionProblem(expression: string): string | undefined {
  try {
    language.compile(expression);
    return undefined;
  } catch (err) {
    return (err as Error).message;
  }
}

/** Adds a task, applying a standing delegation of its assignee. Mutates `state`. */
export function addTask(state: ApprovalState, ctx: ApprovalContext, fields: Omit<ApprovalTask, 'id' | 'createdAt' | 'round'> & { round?: number }): ApprovalTask {
  const delegate = ctx.delegations?.[fields.assignee];
  const task: ApprovalTask = { ...fields, round: fields.round ?? state.round, id: `t${state.nextTask++}`, createdAt: ctx.now };
  if (delegate && delegate !== fields.assignee && !fields.delegatedFrom) Object.assign(task, { assignee: delegate, delegatedFrom: fields.assignee });
  state.tasks.push(task);
  return task;
}

/** Starts step `index` in a new round: its approvers get tasks (one at a time when sequential). Mutates `state`. */
export function activateStep(state: ApprovalState, index: number, ctx: ApprovalContext): void {
  state.current = index;
  state.round += 1;
  const step = state.steps[index];
  const seen = new Set<string>();
  step.approvers.forEach((assignee, order) => {
    if (seen.has(assignee)) return;
    seen.add(assignee);
    addTask(state, ctx, { step: step.id, assignee, order, status: step.mode === 'sequential' && seen.size > 1 ? 'queued' : 'pending' });
  });
}

/** What changed between two states: new tasks and tasks whose status moved, plus the step started, if any. */
export function diffResult(before: ApprovalState, after: ApprovalState, outcome?: ApprovalOutcome): ApprovalResult {
  const old = new Map(before.tasks.map((t) => [t.id, t]));
  const created = after.tasks.filter((t) => !old.has(t.id));
  const changed = after.tasks.filter((t) => old.has(t.id) && (old.get(t.id)!.status !== t.status || old.get(t.id)!.assignee !== t.assignee));
  const step = after.steps[after.current];
  const activated = after.status === 'pending' && after.round !== before.round ? { step: step.id, round: after.round, ...(step.timeout ? { timeoutMs: step.timeout.after } : {}) } : undefined;
  return { ok: true, state: after, created, changed, ...(outcome ? { outcome } : {}), ...(activated ? { activated } : {}) };
}

/**
 * A new chain for a record: conditions evaluated on the record as submitted, approvers given
 * per step id (the runtime resolves roles, managers, fields). A step left without approvers
 * fails loudly rather than approving by default.
 */
export function startApproval(def: ApprovalConfig, input: { record: Record<string, unknown>; submitter: string; approvers: Record<string, string[]> }, ctx: ApprovalContext): ApprovalResult {
  const steps = chainSteps(def, input.record).map((s) => ({ id: s.id, mode: s.mode, approvers: input.approvers[s.id] ?? [], ...(s.ratio !== undefined ? { ratio: s.ratio } : {}), ...(s.timeout ? { timeout: s.timeout } : {}) }));
  const empty = steps.find((s) => s.approvers.length === 0);
  if (empty) return { ok: false, code: 'no_approvers', message: `The approval step "${empty.id}" has no approvers for this record` };
  const before: ApprovalState = { status: 'pending', submitter: input.submitter, steps, current: 0, round: 0, tasks: [], nextTask: 1, log: [] };
  const state = structuredClone(before);
  state.log.push({ at: ctx.now, actor: input.submitter, action: 'submit' });
  if (steps.length === 0) {
    state.status = 'approved'; // no step applies (e.g. a small discount): approved at once
    return diffResult(before, state, 'approved');
  }
  activateStep(state, 0, ctx);
  return diffResult(before, state);
}

/** A returned chain submitted again: straight back to the step that returned it, in a new round. */
export function resumeApproval(prev: ApprovalState, submitter: string, ctx: ApprovalContext): ApprovalResult {
  if (prev.status !== 'returned') return { ok: false, code: 'not_pending', message: `The approval is ${prev.status}, not returned` };
  const state = structuredClone(prev);
  const index = Math.max(0, state.steps.findIndex((s) => s.id === prev.returnedFrom));
  state.status = 'pending';
  delete state.returnedFrom;
  state.log.push({ at: ctx.now, actor: submitter, action: 'resubmit', step: state.steps[index].id });
  activateStep(state, index, ctx);
  return diffResult(prev, state);
}
