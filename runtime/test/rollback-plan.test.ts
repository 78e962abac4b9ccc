import { createTestRuntime, forEachDatabase, type TestRuntime } from '@tessera/runtime';
import type { AppDefinition } from '@tessera/metadata';
import { editItem, migApp } from './migrate-fixtures';

forEachDatabase('POST /api/_meta/rollback/plan: a rollback previewed, changing nothing', (getCtx) => {
  let rt: TestRuntime;
  beforeAll(async () => {
    rt = await createTestRuntime({ app: migApp(), databaseUrl: getCtx().databaseUrl });
  });
  afterAll(() => rt?.close());

  const current = async (): Promise<{ version: number; app: AppDefinition }> => (await rt.admin.call('GET', '/api/_meta/app')).body;
  const plan = (body: Record<string, unknown> = {}) => rt.admin.call('POST', '/api/_meta/rollback/plan', body);
  const historyLength = async () => (await rt.admin.call('GET', '/api/_meta/history')).body.data.length as number;

  it('says the first version cannot be rolled back', async () => {
    const answer = await plan();
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ possible: false, fromVersion: 1, reason: expect.stringContaining('first version') });
  });

  it('lists the steps, archive restores included, and the app, data and history stay as they were', async () => {
    expect((await rt.admin.call('POST', '/api/items', { name: 'a', note: 'keep me' })).status).toBe(201);
    const { app, version } = await current();
    const dropped = await rt.admin.call('POST', '/api/_meta/publish', { app: editItem(app, (p) => { delete p.note; }), baseVersion: version, confirmDestructive: true });
    expect(dropped.status).toBe(200);
    const before = await historyLength();

    const answer = await plan({ baseVersion: version + 1 });
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ possible: true, fromVersion: version + 1, restoredVersion: version, destructive: false, blockers: [] });
    const kinds = answer.body.steps.map((s: { kind: string }) => s.kind);
    expect(kinds).toContain('add-column');
    expect(kinds).toContain('restore-archive');
    expect(answer.body.steps.find((s: { kind: string }) => s.kind === 'restore-archive').description).toMatch(/item.*note/);

    // Nothing happened: same version, no history entry, the column still gone, the archive still there.
    expect((await current()).version).toBe(version + 1);
    expect(await historyLength()).toBe(before);
    const row = (await rt.admin.call('GET', '/api/items')).body.data[0];
    expect(row).not.toHaveProperty('note');
    expect(await rt.runtime.knex('information_schema.tables').where({ table_schema: 'app_mig_archive' }).pluck('table_name')).toEqual([expect.stringMatching(/^item__note__/)]);

    // The real rollback then runs the steps the plan listed.
    const done = await rt.admin.call('POST', '/api/_meta/rollback', { baseVersion: version + 1 });
    expect(done.status).toBe(200);
    expect(done.body.steps.map((s: { kind: string }) => s.kind)).toEqual(kinds);
    expect((await rt.admin.call('GET', '/api/items')).body.data[0].note).toBe('keep me');
  });

  it('after a purge, says which archive is gone instead of failing', async () => {
    const { app, version } = await current();
    expect((await rt.admin.call('POST', '/api/_meta/publish', { app: editItem(app, (p) => { delete p.code; }), baseVersion: version, confirmDestructive: true })).status).toBe(200);
    expect((await rt.admin.call('POST', '/api/_meta/purge', { confirm: true })).status).toBe(200);
    const answer = await plan();
    expect(answer.status).toBe(200);
    expect(answer.body.possible).toBe(false);
    expect(answer.body.reason).toMatch(/item\.code .*purged .* by admin/);
    expect(answer.body.details).toEqual([expect.objectContaining({ field: 'item.code', rule: 'archive-missing' })]);
  });

  it('refuses a stale baseVersion, bad input and non-admins', async () => {
    const { version } = await current();
    const stale = await plan({ baseVersion: version - 1 });
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe('version_conflict');
    const bad = await plan({ baseVersion: 'latest' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details[0].field).toBe('baseVersion');
    await rt.createUser({ username: 'plan_viewer', password: 'viewer-password-1', roles: ['sales'] });
    const viewer = await rt.login('plan_viewer', 'viewer-password-1');
    expect((await viewer.call('POST', '/api/_meta/rollback/plan', {})).status).toBe(403);
  });
});
