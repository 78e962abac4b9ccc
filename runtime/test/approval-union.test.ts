import { createTestRuntime, forEachDatabase, type TestRuntime } from '@tessera/runtime';
import { approvalApp } from './approval-fixtures';

type Client = Awaited<ReturnType<TestRuntime['login']>>;

/** Approvers from several rules (ADR 0055): "a sales manager or the submitter's manager". */
forEachDatabase('approval steps whose approvers are any of several rules', (getCtx) => {
  let rt: TestRuntime;
  const users: Record<string, Client> = {};
  const ids: Record<string, string> = {};
  const roleOrManager = { kind: 'any' as const, of: [{ kind: 'role' as const, roles: ['sales_manager'] }, { kind: 'manager' as const }] };
  beforeAll(async () => {
    rt = await createTestRuntime({
      app: approvalApp({ steps: [
        { id: 'first', approvers: roleOrManager, mode: 'any' },
        // Large discounts: everyone the same union names must approve, each person once.
        { id: 'everyone', approvers: roleOrManager, mode: 'all', condition: 'discount > 20' },
      ] }),
      databaseUrl: getCtx().databaseUrl,
      dataDir: getCtx().dataDir,
    });
    const make = async (username: string, roles: string[], manager?: string) => {
      ids[username] = (await rt.createUser({ username, password: 'password-123', roles, ...(manager ? { managerId: ids[manager] } : {}) })).id;
      users[username] = await rt.login(username, 'password-123');
    };
    await make('boss', ['manager']); // a manager who is not a sales manager
    await make('sm1', ['sales_manager']);
    await make('sm2', ['sales_manager']);
    await make('rep', ['sales'], 'boss');
    await make('rep2', ['sales'], 'sm1'); // whose manager is also in the role
  });
  afterAll(() => rt?.close());

  const submit = async (who: string, discount: number) => {
    const created = await users[who].call('POST', '/api/quotes', { name: `Q ${who} ${discount}`, discount });
    expect(created.status).toBe(201);
    const id = created.body.data.id as string;
    expect((await users[who].call('POST', `/api/quotes/${id}/transitions/SUBMIT`, {})).status).toBe(200);
    const list = await users[who].call('GET', `/api/approvals?entity=quote&recordId=${id}`);
    return { id, approval: list.body.data[0].id as string };
  };
  const inboxOf = async (who: string) => ((await users[who].call('GET', '/api/approvals/inbox')).body.data as Array<{ approvalId: string; step: string }>).map((t) => t.approvalId);
  const statusOf = async (id: string) => (await rt.admin.call('GET', `/api/quotes/${id}`)).body.data.status;
  const stepsOf = async (approval: string) => (await rt.admin.call('GET', `/api/approvals/${approval}`)).body.data.steps as Array<{ id: string; approvers: string[] }>;

  it('a submitter whose manager is not in the role: the manager and the role members all get the task; one approval passes a mode-any step', async () => {
    const { id, approval } = await submit('rep', 5);
    expect((await stepsOf(approval))[0].approvers).toEqual([ids.sm1, ids.sm2, ids.boss]);
    for (const who of ['boss', 'sm1', 'sm2']) expect({ who, sees: (await inboxOf(who)).includes(approval) }).toEqual({ who, sees: true });
    expect(await inboxOf('rep')).not.toContain(approval);
    const res = await users.sm2.call('POST', `/api/approvals/${approval}/approve`, { comment: 'fine' });
    expect(res.status).toBe(200);
    expect(res.body.data.status).toBe('approved');
    expect(await statusOf(id)).toBe('approved');
    // The others' tasks closed with the step.
    for (const who of ['boss', 'sm1']) expect(await inboxOf(who)).not.toContain(approval);
    const tasks = await rt.runtime.knex('tessera.approval_tasks').where({ instance_id: approval }).orderBy('assignee').select('assignee', 'status');
    expect(tasks.map((t) => t.status).sort()).toEqual(['approved', 'cancelled', 'cancelled']);
  });

  it('the manager alone may decide too', async () => {
    const { id, approval } = await submit('rep', 5);
    expect((await users.boss.call('POST', `/api/approvals/${approval}/approve`, {})).body.data.status).toBe('approved');
    expect(await statusOf(id)).toBe('approved');
  });

  it('a manager who is also in the role is one approver: one task, and "all" waits for each person once', async () => {
    const { id, approval } = await submit('rep2', 30);
    const steps = await stepsOf(approval);
    expect(steps.map((s) => [s.id, s.approvers])).toEqual([['first', [ids.sm1, ids.sm2]], ['everyone', [ids.sm1, ids.sm2]]]);
    expect((await users.sm1.call('POST', `/api/approvals/${approval}/approve`, {})).body.data.status).toBe('pending'); // first step passed
    expect((await users.sm1.call('POST', `/api/approvals/${approval}/approve`, {})).body.data.status).toBe('pending'); // sm1's vote in "everyone"
    expect(await inboxOf('sm1')).not.toContain(approval);
    expect(await inboxOf('boss')).not.toContain(approval); // rep2's manager is sm1: boss is in neither rule
    expect((await users.sm2.call('POST', `/api/approvals/${approval}/approve`, {})).body.data.status).toBe('approved');
    expect(await statusOf(id)).toBe('approved');
  });

  it('someone neither rule names may not decide', async () => {
    const { approval } = await submit('rep2', 5);
    const res = await users.boss.call('POST', `/api/approvals/${approval}/approve`, {});
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('approval_forbidden');
  });
});
