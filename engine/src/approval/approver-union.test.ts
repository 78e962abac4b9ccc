import { approverUnion } from './approver-union';
import { startApproval } from './approval-chain';
import { applyApprovalAction } from './apply-approval-action';
import type { ApprovalConfig } from '@tessera/metadata';

describe('approverUnion', () => {
  it('keeps each person once, where they first appear, when the rules overlap', () => {
    // The role yields ann and bob (by username); the submitter's manager is bob, then cy above him.
    expect(approverUnion([['ann', 'bob'], ['bob', 'cy']])).toEqual(['ann', 'bob', 'cy']);
    expect(approverUnion([['bob', 'cy'], ['ann', 'bob']])).toEqual(['bob', 'cy', 'ann']);
    expect(approverUnion([[], ['bob']])).toEqual(['bob']);
    expect(approverUnion([[], []])).toEqual([]);
  });

  it('gives a person named by two rules one task, so "all" waits for each person once', () => {
    const def: ApprovalConfig = { onApproved: 'OK', onRejected: 'NO', steps: [{ id: 'review', mode: 'all', approvers: { kind: 'any', of: [{ kind: 'role', roles: ['sales_manager'] }, { kind: 'manager' }] } }] };
    const now = '2025-01-01T00:00:00.000Z';
    const started = startApproval(def, { record: {}, submitter: 'rep', approvers: { review: approverUnion([['ann', 'bob'], ['bob']]) } }, { now });
    if (!started.ok) throw new Error(started.message);
    expect(started.state.tasks.map((t) => t.assignee)).toEqual(['ann', 'bob']);
    const bob = applyApprovalAction(started.state, { type: 'approve', actor: 'bob' }, { now });
    if (!bob.ok) throw new Error(bob.message);
    expect(bob.outcome).toBeUndefined();
    const ann = applyApprovalAction(bob.state, { type: 'approve', actor: 'ann' }, { now });
    expect(ann.ok && ann.outcome).toBe('approved');
  });
});
