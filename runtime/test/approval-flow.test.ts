import { createTestRuntime, forEachDatabase, type TestRuntime } from '@tessera/runtime';
import { approvalApp } from './approval-fixtures';

type Client = Awaited<ReturnType<TestRuntime['login']>>;

forEachDatabase('approval chains over HTTP', (getCtx) => {
  let rt: TestRuntime;
  let rep: Client;
  let boss: Client;
  let dir1: Client;
  let dir2: Client;
  let away: Client;
  const ids: Record<string, string> = {};
  beforeAll(async () => {
    rt = await createTestRuntime({ app: approvalApp(), databaseUrl: getCtx().databaseUrl, dataDir: getCtx().dataDir });
    const make = async (username: string, roles: string[], managerId?: string) => {
      ids[username] = (await rt.createUser({ username, password: 'password-123', roles, ...(managerId ? { managerId } : {}) })).id;
      return rt.login(username, 'password-123');
    };
    boss = await make('boss', ['manager']);
    rep = await make('rep', ['sales'], ids.boss);
    dir1 = await make('dir1', ['director']);
    dir2 = await make('dir2', ['director']);
    away = await make('stand_in', ['manager']);
  });
  afterAll(() => rt?.close());

  const submit = async (discount: number) => {
    const created = await rep.call('POST', '/api/quotes', { name: `Q ${discount}`, discount });
    expect(created.status).toBe(201);
    const id = created.body.data.id as string;
    const res = await rep.call('POST', `/api/quotes/${id}/transitions/SUBMIT`, {});
    expect(res.status).toBe(200);
    expect(res.body.data.status).toBe('pending_approval');
    const list = await rep.call('GET', `/api/approvals?entity=quote&recordId=${id}`);
    expect(list.status).toBe(200);
    return { id, approval: list.body.data[list.body.data.length - 1].id as string };
  };
  const statusOf = async (id: string) => (await rt.admin.call('GET', `/api/quotes/${id}`)).body.data.status;
  const inbox = async (c: Client) => (await c.call('GET', '/api/approvals/inbox')).body.data as Array<{ approvalId: string; step: string }>;

  it('submit → the manager approves → approved, with history and audit in the same transaction', async () => {
    const { id, approval } = await submit(5);
    expect((await inbox(boss)).map((t) => t.approvalId)).toContain(approval);
    // The approver sees what the approval names of the record, not a bare id.
    expect((await inbox(boss)).find((t) => t.approvalId === approval)).toMatchObject({ record: { title: 'Q 5', summary: [{ field: 'discount', value: 5 }] } });
    expect(await inbox(rep)).toEqual([]);
    const res = await boss.call('POST', `/api/approvals/${approval}/approve`, { comment: 'ok' });
    expect(res.status).toBe(200);
    expect(res.body.data).toMatchObject({ status: 'approved', step: null });
    expect(await statusOf(id)).toBe('approved');
    expect((await inbox(boss)).map((t) => t.approvalId)).not.toContain(approval);
    const detail = await rep.call('GET', `/api/approvals/${approval}`);
    expect(detail.body.data.history.map((h: { action: string }) => h.action)).toEqual(['submit', 'approve']);
    expect(detail.body.data.history[1]).toMatchObject({ comment: 'ok', actor: ids.boss });
    const wf = await rt.runtime.knex('tessera.workflow_history').where({ record_id: id }).orderBy('at');
    expect(wf.map((h) => [h.event, h.to_state, h.actor])).toEqual([['SUBMIT', 'pending_approval', ids.rep], ['APPROVED', 'approved', ids.boss]]);
    const audit = await rt.runtime.knex('tessera.audit_log').where({ record_id: id }).whereLike('action', 'approval.%').orderBy('id');
    expect(audit.map((a) => a.action)).toEqual(['approval.submit', 'approval.approve']);
  });

  it('refuses outsiders and bad bodies with the error envelope, changing nothing', async () => {
    const { id, approval } = await submit(5);
    const stranger = await dir1.call('POST', `/api/approvals/${approval}/approve`, {});
    expect(stranger.status).toBe(403);
    expect(stranger.body.error.code).toBe('approval_forbidden');
    expect((await dir1.call('GET', `/api/approvals/${approval}`)).status).toBe(404);
    const bad = await boss.call('POST', `/api/approvals/${approval}/add-signer`, { users: ['nope'], extra: 1 });
    expect(bad.status).toBe(422);
    expect(bad.body.error.details.map((d: { field: string }) => d.field).sort()).toEqual(['extra', 'position', 'users']);
    expect((await boss.call('POST', `/api/approvals/${approval}/frobnicate`, {})).status).toBe(404);
    expect((await boss.call('POST', `/api/approvals/${approval}/reject`, { to: 'nowhere' })).status).toBe(422);
    expect((await boss.call('GET', '/api/approvals/inbox?limit=0')).status).toBe(422);
    // A plain transition into the outcome is not the user's to take.
    expect((await rep.call('POST', `/api/quotes/${id}/transitions/APPROVED`, {})).status).toBe(403);
    expect(await statusOf(id)).toBe('pending_approval');
  });

  it('reject back to the submitter → draft; the resubmission returns to the step that returned it', async () => {
    const { id, approval } = await submit(25); // manager, then both directors
    expect((await boss.call('POST', `/api/approvals/${approval}/approve`, {})).status).toBe(200);
    const back = await dir1.call('POST', `/api/approvals/${approval}/reject`, { to: 'submitter', comment: 'lower the discount' });
    expect(back.status).toBe(200);
    expect(back.body.data.status).toBe('returned');
    expect(await statusOf(id)).toBe('draft');
    expect((await rep.call('POST', `/api/quotes/${id}/transitions/SUBMIT`, {})).status).toBe(200);
    const again = await rep.call('GET', `/api/approvals/${approval}`);
    expect(again.body.data).toMatchObject({ status: 'pending', step: 'directors' }); // not the manager again
    expect((await inbox(boss)).map((t) => t.approvalId)).not.toContain(approval);
    expect((await inbox(dir1)).map((t) => t.approvalId)).toContain(approval);
  });

  it('all-mode with two approvers: one approval keeps it pending, the second approves; a final reject rejects', async () => {
    const { id, approval } = await submit(30);
    await boss.call('POST', `/api/approvals/${approval}/approve`, {});
    expect((await dir1.call('POST', `/api/approvals/${approval}/approve`, {})).body.data.status).toBe('pending');
    expect(await statusOf(id)).toBe('pending_approval');
    expect((await dir2.call('POST', `/api/approvals/${approval}/approve`, {})).body.data.status).toBe('approved');
    expect(await statusOf(id)).toBe('approved');
    const second = await submit(30);
    await boss.call('POST', `/api/approvals/${second.approval}/approve`, {});
    expect((await dir2.call('POST', `/api/approvals/${second.approval}/reject`, { comment: 'no' })).body.data.status).toBe('rejected');
    expect(await statusOf(second.id)).toBe('rejected');
    const closed = await dir1.call('POST', `/api/approvals/${second.approval}/approve`, {});
    expect(closed.status).toBe(409);
    expect(closed.body.error.code).toBe('approval_closed');
  });

  it('delegation: explicit hand-over, and a standing delegation while away', async () => {
    const { approval } = await submit(5);
    expect((await boss.call('POST', `/api/approvals/${approval}/delegate`, { to: ids.stand_in })).status).toBe(200);
    expect((await inbox(away)).map((t) => t.approvalId)).toContain(approval);
    expect((await away.call('POST', `/api/approvals/${approval}/approve`, {})).body.data.status).toBe('approved');

    const now = Date.now();
    const d = await boss.call('POST', '/api/approvals/delegations', { delegateId: ids.stand_in, startsAt: new Date(now - 60_000).toISOString(), endsAt: new Date(now + 3_600_000).toISOString() });
    expect(d.status).toBe(201);
    expect((await boss.call('POST', '/api/approvals/delegations', { delegateId: ids.boss, startsAt: 'x' })).status).toBe(422);
    const next = await submit(5);
    const task = (await inbox(away)).find((t) => t.approvalId === next.approval) as unknown as { delegatedFrom: string };
    expect(task.delegatedFrom).toBe(ids.boss);
    expect((await inbox(boss)).map((t) => t.approvalId)).not.toContain(next.approval);
    await rt.runtime.knex('tessera.approval_delegations').where({ user_id: ids.boss }).delete();
  });

  it('add signer before oneself, then withdraw by the submitter', async () => {
    const { id, approval } = await submit(5);
    expect((await boss.call('POST', `/api/approvals/${approval}/add-signer`, { users: [ids.dir1], position: 'before' })).status).toBe(200);
    expect((await boss.call('POST', `/api/approvals/${approval}/approve`, {})).status).toBe(403); // waiting for dir1
    expect((await dir1.call('POST', `/api/approvals/${approval}/approve`, { comment: 'fine' })).body.data.status).toBe('pending');
    expect((await boss.call('POST', `/api/approvals/${approval}/withdraw`, {})).status).toBe(403);
    const w = await rep.call('POST', `/api/approvals/${approval}/withdraw`, { comment: 'changed terms' });
    expect(w.body.data.status).toBe('withdrawn');
    expect(await statusOf(id)).toBe('draft');
  });

  it('pages the inbox by keyset cursor', async () => {
    for (let i = 0; i < 3; i++) await submit(5);
    const first = await boss.call('GET', '/api/approvals/inbox?limit=2');
    expect(first.body.data).toHaveLength(2);
    expect(first.body.next).toEqual(expect.any(String));
    const second = await boss.call('GET', `/api/approvals/inbox?limit=2&after=${first.body.next}`);
    const seen = [...first.body.data, ...second.body.data].map((t: { taskId: string }) => t.taskId);
    expect(new Set(seen).size).toBe(seen.length);
    expect((await boss.call('GET', '/api/approvals/inbox?after=garbage')).status).toBe(422);
  });
});
