/**
 * A notify action's recipients beyond `owner` and `creator`: the owner's (or creator's) manager,
 * everyone holding a role, and a user by username — each resolved to the active users at
 * delivery. Inactive users, unknown names and an owner without a manager simply drop out.
 */
import type { AppDefinition } from '@tessera/metadata';
import { createTestRuntime, forEachDatabase, waitFor, type TestRuntime } from '@tessera/runtime';
import { workflowApp } from './workflow-fixtures';

function app(): AppDefinition {
  const base = workflowApp({ timerMs: 3_600_000 });
  const activate = base.workflows![0].machine.states.prospect.on!.ACTIVATE as { actions: Array<{ type: string; params: Record<string, unknown> }> };
  activate.actions[1].params.to = ['owner.manager', 'creator.manager', 'role:auditor', 'Watcher', 'nobody-by-that-name'];
  return { ...base, permissions: { roles: { rep: { label: { en: 'Rep' }, entities: { customer: { actions: ['read', 'create', 'update', 'transition'], scope: 'own' } } }, auditor: { label: { en: 'Auditor' }, entities: { customer: { actions: ['read'], scope: 'all' } } } } } } as AppDefinition;
}

forEachDatabase('notify recipients: managers, roles, usernames', (getCtx) => {
  let rt: TestRuntime;
  const ids: Record<string, string> = {};
  beforeAll(async () => {
    rt = await createTestRuntime({ app: app(), databaseUrl: getCtx().databaseUrl, dataDir: getCtx().dataDir });
    ids.boss = (await rt.createUser({ username: 'boss', password: 'boss-password-1', roles: [] })).id;
    ids.rep = (await rt.createUser({ username: 'rep', password: 'rep-password-1', roles: ['rep'], managerId: ids.boss })).id;
    ids.auditor1 = (await rt.createUser({ username: 'auditor1', password: 'auditor1-password-1', roles: ['auditor'] })).id;
    ids.auditor2 = (await rt.createUser({ username: 'auditor2', password: 'auditor2-password-1', roles: ['auditor'], isActive: false })).id;
    ids.watcher = (await rt.createUser({ username: 'watcher', password: 'watcher-password-1', roles: [] })).id;
  });
  afterAll(() => rt?.close());

  it('notifies the owner\'s manager, the active holders of a role and a user named by username, once each', async () => {
    const rep = await rt.login('rep', 'rep-password-1');
    const customer = (await rep.call('POST', '/api/customers', { name: 'Escalation Ltd' })).body.data.id as string;
    expect((await rep.call('POST', `/api/customers/${customer}/transitions/ACTIVATE`, {})).status).toBe(200);
    const notes = await waitFor('the notifications', async () => {
      const rows = (await rt.runtime.knex('tessera.notifications').where({ record_id: customer }).select('user_id')) as Array<{ user_id: string }>;
      return rows.length >= 3 ? rows : undefined;
    });
    // owner.manager and creator.manager are both boss: one note; auditor2 is inactive.
    expect(notes.map((n) => n.user_id).sort()).toEqual([ids.boss, ids.auditor1, ids.watcher].sort());
  });
});
