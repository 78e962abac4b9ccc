import type { ApprovalMode, ApproverRule } from '@tessera/metadata';

/**
 * `queued`: waits its turn (sequential). `waiting`: its assignee asked others first (add
 * signer before). `delegated`/`expired`/`cancelled`: closed without a vote, replaced or moot.
 */
export type ApprovalTaskStatus = 'pending' | 'queued' | 'waiting' | 'approved' | 'rejected' | 'delegated' | 'expired' | 'cancelled';

export interface ApprovalTask {
  /** `t1`, `t2`… unique within the instance. */
  id: string;
  step: string;
  /** Which activation of the step: a step revisited after a return gets a new round. */
  round: number;
  assignee: string;
  status: ApprovalTaskStatus;
  /** Place in a sequential step. */
  order: number;
  /** The user this task came from (a delegation, standing or explicit). */
  delegatedFrom?: string;
  /** A signer added before the task `before`: consulted, does not vote. */
  before?: string;
  /** A signer added after the task `after`: must approve too. */
  after?: string;
  escalated?: boolean;
  createdAt: string;
  actedAt?: string;
  comment?: string;
}

/** A step of the chain as started: the condition held and its approvers are user ids. */
export interface ApprovalChainStep {
  id: string;
  mode: ApprovalMode;
  ratio?: number;
  approvers: string[];
  timeout?: { after: number; escalateTo: ApproverRule };
}

export type ApprovalStatus = 'pending' | 'approved' | 'rejected' | 'returned' | 'withdrawn';

export interface ApprovalLogEntry {
  at: string;
  actor: string | null;
  action: string;
  step?: string;
  comment?: string;
  attachments?: string[];
  users?: string[];
  to?: string;
}

/** The whole state of one running chain, stored as jsonb: the runtime never interprets it. */
export interface ApprovalState {
  status: ApprovalStatus;
  submitter: string;
  steps: ApprovalChainStep[];
  current: number;
  round: number;
  /** After a return to an earlier step, the step to jump back to once that step approves. */
  resumeAt?: string;
  /** After a return to the submitter, the step a resubmission goes straight back to. */
  returnedFrom?: string;
  tasks: ApprovalTask[];
  nextTask: number;
  log: ApprovalLogEntry[];
}

interface Said {
  comment?: string;
  attachments?: string[];
}

export type ApprovalAction =
  | ({ type: 'approve'; actor: string } & Said)
  | ({ type: 'reject'; actor: string; to?: string } & Said)
  | ({ type: 'add-signer'; actor: string; users: string[]; position: 'before' | 'after' } & Said)
  | ({ type: 'delegate'; actor: string; to: string } & Said)
  | ({ type: 'withdraw'; actor: string } & Said)
  /** The system, when a step's timeout passes; `to` = the escalation approvers, resolved. */
  | { type: 'escalate'; step: string; round: number; to: string[] };

export interface ApprovalContext {
  now: string;
  /** Standing delegations in force now: user → delegate, applied to tasks as they are created. */
  delegations?: Record<string, string>;
}

export type ApprovalOutcome = 'approved' | 'rejected' | 'returned' | 'withdrawn';

export type ApprovalFailureCode = 'not_pending' | 'not_assignee' | 'not_submitter' | 'invalid' | 'stale' | 'no_approvers';

export type ApprovalResult =
  | {
      ok: true;
      state: ApprovalState;
      /** Tasks new in this step of the chain, and tasks whose status changed. */
      created: ApprovalTask[];
      changed: ApprovalTask[];
      /** Set when the chain ended: the runtime fires the matching workflow event. */
      outcome?: ApprovalOutcome;
      /** Set when a step (re)started: the runtime arms its timeout. */
      activated?: { step: string; round: number; timeoutMs?: number };
    }
  | { ok: false; code: ApprovalFailureCode; message: string };
