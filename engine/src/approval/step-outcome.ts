import type { ApprovalChainStep, ApprovalTask } from './approval-types';

const REPLACED = new Set(['delegated', 'expired', 'cancelled']);
export const OPEN = new Set(['pending', 'queued', 'waiting']);

/** The tasks of the step's current round that carry a vote (not replaced, not consulted signers). */
export function votingTasks(tasks: ApprovalTask[], step: string, round: number): ApprovalTask[] {
  return tasks.filter((t) => t.step === step && t.round === round && !t.before && !REPLACED.has(t.status));
}

/**
 * Whether the step is decided by the votes so far. Signers added after someone must all
 * approve on top of the mode's rule; signers consulted before someone never vote.
 */
export function stepOutcome(step: ApprovalChainStep, tasks: ApprovalTask[], round: number): 'approved' | 'rejected' | 'open' {
  const voting = votingTasks(tasks, step.id, round);
  const base = voting.filter((t) => !t.after);
  const added = voting.filter((t) => t.after);
  const yes = base.filter((t) => t.status === 'approved').length;
  const no = base.filter((t) => t.status === 'rejected').length;
  if (added.some((t) => t.status === 'rejected')) return 'rejected';
  const addedDone = added.every((t) => t.status === 'approved');
  let passed: boolean;
  let failed: boolean;
  switch (step.mode) {
    case 'any':
      passed = yes >= 1;
      failed = no >= 1 && yes === 0;
      break;
    case 'ratio': {
      const needed = Math.max(1, Math.ceil((step.ratio ?? 1) * base.length - 1e-9));
      passed = yes >= needed;
      failed = no > base.length - needed;
      break;
    }
    default: // all, sequential: everyone, and one rejection decides
      passed = base.length > 0 && yes === base.length;
      failed = no >= 1;
  }
  if (failed) return 'rejected';
  return passed && addedDone ? 'approved' : 'open';
}
