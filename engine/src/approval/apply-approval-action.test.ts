import type { ApprovalConfig, ApprovalStepConfig } from '@tessera/metadata';
import { resumeApproval, startApproval } from './approval-chain';
import { applyApprovalAction } from './apply-approval-action';
import type { ApprovalAction, ApprovalResult, ApprovalState } from './approval-types';

const ctx = { now: '2025-03-01T09:00:00.000Z' };
const chain = (...steps: Array<Partial<ApprovalStepConfig> & { id: string }>): ApprovalConfig => ({
  onApproved: 'APPROVED',
  onRejected: 'REJECTED',
  steps: steps.map((s) => ({ approvers: { kind: 'users', users: ['x'] }, mode: 'any', ...s }) as ApprovalStepConfig),
});
const ok = (r: ApprovalResult) => {
  if (!r.ok) throw new Error(`${r.code}: ${r.message}`);
  return r;
};
const start = (def: ApprovalConfig, approvers: Record<string, string[]>, record: Record<string, unknown> = {}, delegations?: Record<string, string>) =>
  ok(startApproval(def, { record, submitter: 'sub', approvers }, { ...ctx, ...(delegations ? { delegations } : {}) }));
/** Applies actions in turn; returns the last result. */
const run = (state: ApprovalState, ...actions: ApprovalAction[]) => {
  let r: ApprovalResult = { ok: true, state, created: [], changed: [] };
  for (const a of actions) r = ok(applyApprovalAction(r.ok ? r.state : state, a, ctx));
  return r;
};
const open = (s: ApprovalState) => s.tasks.filter((t) => t.status === 'pending').map((t) => `${t.step}:${t.assignee}`);
const approve = (actor: string, comment?: string): ApprovalAction => ({ type: 'approve', actor, ...(comment ? { comment } : {}) });
const reject = (actor: string, to?: string): ApprovalAction => ({ type: 'reject', actor, ...(to ? { to } : {}) });

describe('approval chains (pure)', () => {
  it('any (或签): the first approval decides and cancels the others', () => {
    const s = start(chain({ id: 'mgr', mode: 'any' }), { mgr: ['a', 'b'] });
    expect(open(s.state)).toEqual(['mgr:a', 'mgr:b']);
    expect(s.activated).toEqual({ step: 'mgr', round: 1 });
    const r = run(s.state, approve('a', 'fine'));
    expect(r.outcome).toBe('approved');
    expect(r.state.tasks.map((t) => [t.assignee, t.status, t.comment])).toEqual([['a', 'approved', 'fine'], ['b', 'cancelled', undefined]]);
  });

  it('all (会签): everyone must approve; one rejection rejects', () => {
    const def = chain({ id: 'board', mode: 'all' });
    const s = start(def, { board: ['a', 'b'] });
    const half = run(s.state, approve('a'));
    expect(half.outcome).toBeUndefined();
    expect(open(half.state)).toEqual(['board:b']);
    expect(run(half.state, approve('b')).outcome).toBe('approved');
    expect(run(half.state, reject('b')).outcome).toBe('rejected');
  });

  it('ratio 2 of 3: two approvals pass; two rejections fail; one rejection keeps voting', () => {
    const def = chain({ id: 'vote', mode: 'ratio', ratio: 0.6 });
    const s = start(def, { vote: ['a', 'b', 'c'] });
    const one = run(s.state, reject('a'));
    expect(one.outcome).toBeUndefined();
    expect(run(one.state, approve('b'), approve('c')).outcome).toBe('approved');
    expect(run(one.state, reject('b')).outcome).toBe('rejected');
    expect(run(s.state, approve('a'), approve('c')).state.tasks.find((t) => t.assignee === 'b')!.status).toBe('cancelled');
  });

  it('sequential: one approver at a time, in order', () => {
    const s = start(chain({ id: 'line', mode: 'sequential' }), { line: ['a', 'b', 'c'] });
    expect(open(s.state)).toEqual(['line:a']);
    expect(applyApprovalAction(s.state, approve('b'), ctx)).toMatchObject({ ok: false, code: 'not_assignee' });
    const two = run(s.state, approve('a'));
    expect(open(two.state)).toEqual(['line:b']);
    expect(two.changed.map((t) => [t.assignee, t.status])).toEqual([['a', 'approved'], ['b', 'pending']]);
    expect(run(two.state, approve('b'), approve('c')).outcome).toBe('approved');
  });

  it('moves through steps in order; a false condition leaves its step out; no step approves at once', () => {
    const def = chain({ id: 'mgr' }, { id: 'director', condition: 'amount > 10000' }, { id: 'finance' });
    const small = start(def, { mgr: ['m'], finance: ['f'] }, { amount: 500 });
    expect(small.state.steps.map((s) => s.id)).toEqual(['mgr', 'finance']);
    const next = run(small.state, approve('m'));
    expect(next.activated).toEqual({ step: 'finance', round: 2 });
    expect(open(next.state)).toEqual(['finance:f']);
    const big = start(def, { mgr: ['m'], director: ['d'], finance: ['f'] }, { amount: 20000 });
    expect(open(run(big.state, approve('m')).state)).toEqual(['director:d']);
    const none = start(chain({ id: 'mgr', condition: 'amount > 10' }), {}, { amount: 1 });
    expect(none.outcome).toBe('approved');
    expect(startApproval(chain({ id: 'mgr' }), { record: {}, submitter: 's', approvers: { mgr: [] } }, ctx)).toMatchObject({ ok: false, code: 'no_approvers' });
  });

  it('reject back to the submitter; the resubmission goes straight to the returning step', () => {
    const def = chain({ id: 'mgr' }, { id: 'director' });
    const s = start(def, { mgr: ['m'], director: ['d'] });
    const returned = run(s.state, approve('m'), reject('d', 'submitter'));
    expect(returned.outcome).toBe('returned');
    expect(returned.state.returnedFrom).toBe('director');
    const again = ok(resumeApproval(returned.state, 'sub', ctx));
    expect(again.activated).toEqual({ step: 'director', round: 3 });
    expect(open(again.state)).toEqual(['director:d']);
    expect(run(again.state, approve('d')).outcome).toBe('approved');
    expect(resumeApproval(s.state, 'sub', ctx)).toMatchObject({ ok: false, code: 'not_pending' });
  });

  it('reject to an earlier step; once that step approves again, straight back to the step that returned it', () => {
    const def = chain({ id: 'mgr' }, { id: 'finance' }, { id: 'director' });
    const s = start(def, { mgr: ['m'], finance: ['f'], director: ['d'] });
    const back = run(s.state, approve('m'), approve('f'), reject('d', 'mgr'));
    expect(back.outcome).toBeUndefined();
    expect(open(back.state)).toEqual(['mgr:m']);
    const forward = run(back.state, approve('m'));
    expect(open(forward.state)).toEqual(['director:d']); // finance is not asked again
    expect(applyApprovalAction(run(s.state, approve('m')).state, reject('f', 'director'), ctx)).toMatchObject({ ok: false, code: 'invalid' });
  });

  it('a plain reject ends the chain as rejected, cancelling open tasks', () => {
    const s = start(chain({ id: 'mgr', mode: 'all' }), { mgr: ['a', 'b'] });
    const r = run(s.state, reject('a'));
    expect(r.outcome).toBe('rejected');
    expect(r.state.tasks.map((t) => t.status)).toEqual(['rejected', 'cancelled']);
    expect(applyApprovalAction(r.state, approve('b'), ctx)).toMatchObject({ ok: false, code: 'not_pending' });
  });

  it('add a signer before oneself: they are consulted, then the task comes back', () => {
    const s = start(chain({ id: 'mgr' }), { mgr: ['a'] });
    const asked = run(s.state, { type: 'add-signer', actor: 'a', users: ['e'], position: 'before' });
    expect(asked.state.tasks.map((t) => [t.assignee, t.status])).toEqual([['a', 'waiting'], ['e', 'pending']]);
    expect(applyApprovalAction(asked.state, approve('a'), ctx)).toMatchObject({ ok: false, code: 'not_assignee' });
    const answered = run(asked.state, reject('e')); // advice, not a decision
    expect(answered.outcome).toBeUndefined();
    expect(open(answered.state)).toEqual(['mgr:a']);
    expect(run(answered.state, approve('a')).outcome).toBe('approved');
  });

  it('add a signer after oneself: one approves now, and the added signer must approve too', () => {
    const s = start(chain({ id: 'mgr' }), { mgr: ['a'] });
    const added = run(s.state, { type: 'add-signer', actor: 'a', users: ['e'], position: 'after', comment: 'ok by me' });
    expect(added.outcome).toBeUndefined();
    expect(open(added.state)).toEqual(['mgr:e']);
    expect(run(added.state, approve('e')).outcome).toBe('approved');
    expect(run(added.state, reject('e')).outcome).toBe('rejected');
    expect(applyApprovalAction(s.state, { type: 'add-signer', actor: 'a', users: ['a'], position: 'after' }, ctx)).toMatchObject({ ok: false, code: 'invalid' });
  });

  it('delegate: the task moves to the delegate, who decides in its place', () => {
    const s = start(chain({ id: 'line', mode: 'sequential' }), { line: ['a', 'b'] });
    const moved = run(s.state, { type: 'delegate', actor: 'a', to: 'z' });
    expect(moved.state.tasks.map((t) => [t.assignee, t.status, t.delegatedFrom])).toEqual([['a', 'delegated', undefined], ['b', 'queued', undefined], ['z', 'pending', 'a']]);
    expect(open(run(moved.state, approve('z')).state)).toEqual(['line:b']);
  });

  it('standing delegation: tasks for an absent approver are created for the delegate', () => {
    const s = start(chain({ id: 'mgr' }), { mgr: ['a'] }, {}, { a: 'z' });
    expect(s.state.tasks.map((t) => [t.assignee, t.delegatedFrom])).toEqual([['z', 'a']]);
  });

  it('withdraw: only the submitter, only while pending', () => {
    const s = start(chain({ id: 'mgr', mode: 'all' }), { mgr: ['a', 'b'] });
    expect(applyApprovalAction(s.state, { type: 'withdraw', actor: 'a' }, ctx)).toMatchObject({ ok: false, code: 'not_submitter' });
    const w = run(s.state, { type: 'withdraw', actor: 'sub', comment: 'wrong price' });
    expect(w.outcome).toBe('withdrawn');
    expect(w.state.tasks.every((t) => t.status === 'cancelled')).toBe(true);
    expect(w.state.log.map((l) => l.action)).toEqual(['submit', 'withdraw']);
  });

  it('escalate on timeout: open tasks expire and the escalation approvers take over; a stale timeout is refused', () => {
    const def = chain({ id: 'mgr', mode: 'all', timeout: { after: 1000, escalateTo: { kind: 'users', users: ['boss'] } } });
    const s = start(def, { mgr: ['a', 'b'] });
    expect(s.activated).toEqual({ step: 'mgr', round: 1, timeoutMs: 1000 });
    const half = run(s.state, approve('a'));
    const up = run(half.state, { type: 'escalate', step: 'mgr', round: 1, to: ['boss'] });
    expect(up.state.tasks.map((t) => [t.assignee, t.status, t.escalated])).toEqual([['a', 'approved', undefined], ['b', 'expired', undefined], ['boss', 'pending', true]]);
    expect(run(up.state, approve('boss')).outcome).toBe('approved');
    expect(applyApprovalAction(half.state, { type: 'escalate', step: 'mgr', round: 2, to: ['boss'] }, ctx)).toMatchObject({ ok: false, code: 'stale' });
  });

  it('keeps a log of every action with comments and attachments', () => {
    const s = start(chain({ id: 'mgr' }), { mgr: ['a'] });
    const r = run(s.state, { type: 'approve', actor: 'a', comment: 'see file', attachments: ['file-1'] });
    expect(r.state.log).toEqual([
      { at: ctx.now, actor: 'sub', action: 'submit' },
      { at: ctx.now, actor: 'a', action: 'approve', step: 'mgr', comment: 'see file', attachments: ['file-1'] },
    ]);
  });
});
