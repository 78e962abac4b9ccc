import type { ApprovalInstanceRow } from './approval-store';

/**
 * Who may see an approval (and its attachments): admins, the submitter, and everyone who has or
 * had a task in it (delegators too). Anyone else gets the 404 of a missing approval.
 */
export function mayReadApproval(row: Pick<ApprovalInstanceRow, 'submitter' | 'state'>, user: { id: string; roles: string[] }): boolean {
  return user.roles.includes('admin') || row.submitter === user.id || row.state.tasks.some((t) => t.assignee === user.id || t.delegatedFrom === user.id);
}
