import type { LocalizedText } from '../i18n-types';

/**
 * One source of approvers, resolved by the runtime into user ids when the step starts:
 * `role` → active users with one of the roles; `manager` → the submitter's manager chain
 * (`levels` 1 = the direct manager, 2 = also theirs…); `field` → a user (or user ids) stored
 * in a field of the record; `users` → user ids or usernames.
 */
export type ApproverLeafRule =
  | { kind: 'role'; roles: string[] }
  | { kind: 'manager'; levels?: number }
  | { kind: 'field'; field: string }
  | { kind: 'users'; users: string[] };

/**
 * Who may act on a step: one rule, or `any` — everyone at least one of several rules names
 * (e.g. the sales managers or the submitter's manager), each person once, in the rules' order.
 * The step's mode applies to that one set (ADR 0055): `all` is every person of the union.
 */
export type ApproverRule = ApproverLeafRule | { kind: 'any'; of: ApproverLeafRule[] };

/**
 * `any` (或签): the first decision decides. `all` (会签): everyone approves, one rejection
 * rejects. `ratio`: approved once approvals ≥ ceil(ratio × approvers), rejected once that
 * can no longer happen. `sequential`: the approvers one after another, in their order.
 */
export type ApprovalMode = 'any' | 'all' | 'ratio' | 'sequential';

export interface ApprovalStepConfig {
  /** snake_case; unique in the approval. Reject-to-step and history name steps by id. */
  id: string;
  label?: LocalizedText;
  approvers: ApproverRule;
  mode: ApprovalMode;
  /** For `ratio`: a fraction in (0, 1]; 2 of 3 is 0.6 (ceil(0.6 × 3) = 2). */
  ratio?: number;
  /** A jexl expression over the record; the step is part of the chain only when it is true. */
  condition?: string;
  /** After `after` ms without a decision, the step's open tasks move to `escalateTo`. */
  timeout?: { after: number; escalateTo: ApproverRule };
}

/**
 * An approval chain, attached to the workflow state that waits for it. The `startApproval`
 * action on a transition into that state starts it; the outcome fires one of the state's events.
 */
export interface ApprovalConfig {
  steps: ApprovalStepConfig[];
  /** Event fired on the record when the last step approves. */
  onApproved: string;
  /** Event fired on a final rejection (and on return/withdraw when those have no event). */
  onRejected: string;
  /** Event fired when an approver returns the record to its submitter. */
  onReturned?: string;
  /** Event fired when the submitter withdraws. */
  onWithdrawn?: string;
  /** Fields every approver sees (inbox, approval), even one whose role may not open the record. */
  summary?: string[];
}
