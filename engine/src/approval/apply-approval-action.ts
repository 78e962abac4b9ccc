import { activateStep, addTask, diffResult } from './approval-chain';
import type { ApprovalAction, ApprovalContext, ApprovalOutcome, ApprovalResult, ApprovalState, ApprovalTask } from './approval-types';
import { OPEN, stepOutcome } from './step-outcome';

const fail = (code: Extract<ApprovalResult, { ok: false }>['code'], message: string): ApprovalResult => ({ ok: false, code, message });

/**
 * One action on a running chain, pure: the state after it, the tasks it created or changed,
 * and the outcome when the chain ended. Nothing changes on a failure.
 */
export function applyApprovalAction(prev: ApprovalState, action: ApprovalAction, ctx: ApprovalContext): ApprovalResult {
  if (prev.status !== 'pending') return fail('not_pending', `The approval is already ${prev.status}`);
  const state = structuredClone(prev);
  const step = state.steps[state.current];
  const said = action.type === 'escalate' ? {} : { ...(action.comment ? { comment: action.comment } : {}), ...(action.attachments?.length ? { attachments: action.attachments } : {}) };
  const log = (actor: string | null, extra: object = {}) => state.log.push({ at: ctx.now, actor, action: action.type, step: step.id, ...said, ...extra });

  if (action.type === 'withdraw') {
    if (action.actor !== state.submitter) return fail('not_submitter', 'Only the submitter may withdraw an approval');
    log(action.actor);
    return finish(prev, state, 'withdrawn');
  }
  if (action.type === 'escalate') {
    if (action.step !== step.id || action.round !== state.round) return fail('stale', 'The step this timeout belongs to is over');
    if (action.to.length === 0) return fail('no_approvers', `The escalation of step "${step.id}" has no approvers`);
    const open = state.tasks.filter((t) => t.step === step.id && t.round === state.round && OPEN.has(t.status));
    if (open.length === 0) return fail('stale', 'The step has no open task to escalate');
    open.forEach((t) => close(t, 'expired', ctx));
    const order = Math.max(...state.tasks.filter((t) => t.step === step.id).map((t) => t.order)) + 1;
    [...new Set(action.to)].forEach((assignee, i) => addTask(state, ctx, { step: step.id, assignee, order: order + i, status: step.mode === 'sequential' && i > 0 ? 'queued' : 'pending', escalated: true }));
    log(null, { users: action.to });
    return diffResult(prev, state);
  }

  const task = state.tasks.find((t) => t.step === step.id && t.round === state.round && t.assignee === action.actor && t.status === 'pending');
  if (!task) return fail('not_assignee', `You have no pending task in the step "${step.id}"`);

  switch (action.type) {
    case 'delegate': {
      if (action.to === action.actor) return fail('invalid', 'Delegate to someone else');
      close(task, 'delegated', ctx, action.comment);
      const { step: s, order, before, after } = task;
      addTask(state, ctx, { step: s, order, assignee: action.to, status: 'pending', delegatedFrom: action.actor, ...(before ? { before } : {}), ...(after ? { after } : {}) });
      log(action.actor, { to: action.to });
      return diffResult(prev, state);
    }
    case 'add-signer': {
      const users = [...new Set(action.users)];
      if (users.length === 0 || users.includes(action.actor)) return fail('invalid', 'Add at least one signer other than yourself');
      if (action.position === 'before') task.status = 'waiting';
      else close(task, 'approved', ctx, action.comment);
      users.forEach((assignee) => addTask(state, ctx, { step: step.id, assignee, order: task.order, status: 'pending', ...(action.position === 'before' ? { before: task.id } : { after: task.id }) }));
      log(action.actor, { users, to: action.position });
      return action.position === 'after' ? decide(prev, state, ctx) : diffResult(prev, state);
    }
    case 'approve':
      close(task, 'approved', ctx, action.comment);
      log(action.actor);
      if (task.before) return reopenParent(prev, state, task.before);
      return decide(prev, state, ctx);
    case 'reject': {
      const target = action.to;
      const targetIndex = target && target !== 'submitter' ? state.steps.findIndex((s) => s.id === target) : -1;
      if (target && target !== 'submitter' && (targetIndex < 0 || targetIndex >= state.current)) {
        return fail('invalid', `"${target}" is not an earlier step of this chain; earlier steps: ${state.steps.slice(0, state.current).map((s) => s.id).join(', ') || '(none)'}`);
      }
      close(task, 'rejected', ctx, action.comment);
      log(action.actor, target ? { to: target } : {});
      if (task.before) return reopenParent(prev, state, task.before); // a consulted signer advises; the asker decides
      if (stepOutcome(step, state.tasks, state.round) !== 'rejected') return diffResult(prev, state); // a ratio vote still open
      if (!target) return finish(prev, state, 'rejected');
      if (target === 'submitter') {
        state.returnedFrom = step.id;
        return finish(prev, state, 'returned');
      }
      closeOpen(state, ctx);
      state.resumeAt = step.id;
      activateStep(state, targetIndex, ctx);
      return diffResult(prev, state);
    }
  }
}

function close(task: ApprovalTask, status: ApprovalTask['status'], ctx: ApprovalContext, comment?: string): void {
  task.status = status;
  task.actedAt = ctx.now;
  if (comment) task.comment = comment;
}

function closeOpen(state: ApprovalState, ctx: ApprovalContext): void {
  for (const t of state.tasks) if (OPEN.has(t.status)) close(t, 'cancelled', ctx);
}

function finish(prev: ApprovalState, state: ApprovalState, outcome: ApprovalOutcome): ApprovalResult {
  closeOpen(state, { now: state.log[state.log.length - 1]?.at ?? '' });
  state.status = outcome;
  return diffResult(prev, state, outcome);
}

/** The asker gets their task back once every signer they consulted has answered. */
function reopenParent(prev: ApprovalState, state: ApprovalState, parentId: string): ApprovalResult {
  const stillAsked = state.tasks.some((t) => t.before === parentId && OPEN.has(t.status));
  const parent = state.tasks.find((t) => t.id === parentId)!;
  if (!stillAsked && parent.status === 'waiting') parent.status = 'pending';
  return diffResult(prev, state);
}

/** After a vote: next in line (sequential), the next step, or the end of the chain. */
function decide(prev: ApprovalState, state: ApprovalState, ctx: ApprovalContext): ApprovalResult {
  const step = state.steps[state.current];
  const outcome = stepOutcome(step, state.tasks, state.round);
  if (outcome === 'rejected') return finish(prev, state, 'rejected');
  if (outcome === 'open') {
    const mine = state.tasks.filter((t) => t.step === step.id && t.round === state.round);
    if (step.mode === 'sequential' && !mine.some((t) => t.status === 'pending' || t.status === 'waiting')) {
      const next = mine.filter((t) => t.status === 'queued').sort((a, b) => a.order - b.order)[0];
      if (next) next.status = 'pending';
    }
    return diffResult(prev, state);
  }
  closeOpen(state, ctx);
  const resume = state.resumeAt ? state.steps.findIndex((s) => s.id === state.resumeAt) : -1;
  delete state.resumeAt;
  const nextIndex = resume > state.current ? resume : state.current + 1;
  if (nextIndex >= state.steps.length) {
    state.status = 'approved';
    return diffResult(prev, state, 'approved');
  }
  activateStep(state, nextIndex, ctx);
  return diffResult(prev, state);
}
