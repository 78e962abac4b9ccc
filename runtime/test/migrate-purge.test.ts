import { createTestRuntime, forEachDatabase, type TestRuntime } from '@tessera/runtime';
import type { AppDefinition } from '@tessera/metadata';
import { editItem, migApp } from './migrate-fixtures';

forEachDatabase('migrate: listing and purging archived data', (getCtx) => {
  let rt: TestRuntime;
  beforeAll(async () => {
    rt = await createTestRuntime({ app: migApp(), databaseUrl: getCtx().databaseUrl });
  });
  afterAll(() => rt?.close());

  const knex = () => rt.runtime.knex;
  const current = async (): Promise<{ version: number; app: AppDefinition }> => (await rt.admin.call('GET', '/api/_meta/app')).body;
  const archiveTables = async () => (await knex()('information_schema.tables').where({ table_schema: 'app_mig_archive' }).orderBy('table_name').pluck('table_name')) as string[];
  const publish = async (app: AppDefinition, extra: Record<string, unknown> = {}) => rt.admin.call('POST', '/api/_meta/publish', { app, baseVersion: (await current()).version, ...extra });

  it('lists archives, purges only with confirm, records it, and a rollback that needs them says they were purged', async () => {
    for (const name of ['a', 'b', 'c']) expect((await rt.admin.call('POST', '/api/items', { name, note: name === 'b' ? null : `note ${name}` })).status).toBe(201);
    const { app, version } = await current();
    expect((await publish(editItem(app, (p) => { delete p.note; }), { confirmDestructive: true })).status).toBe(200);

    const listed = await rt.admin.call('GET', '/api/_meta/archives');
    expect(listed.status).toBe(200);
    expect(listed.body.data).toEqual([expect.objectContaining({ kind: 'column', source: 'item.note', version: version + 1, rows: 2, table: expect.stringMatching(new RegExp(`^item__note__v${version + 1}_\\d{8}t\\d{6}$`)) })]);
    expect(Date.parse(listed.body.data[0].archivedAt)).toBeGreaterThan(Date.now() - 60_000);

    // Without confirm: 409 with the list, nothing dropped.
    const unconfirmed = await rt.admin.call('POST', '/api/_meta/purge', {});
    expect(unconfirmed.status).toBe(409);
    expect(unconfirmed.body.error).toMatchObject({ code: 'confirmation_required', details: [expect.objectContaining({ field: 'item.note', rule: 'purge' })] });
    expect(await archiveTables()).toHaveLength(1);

    // Bad input names the field; older-than filters out today's archive.
    const bad = await rt.admin.call('POST', '/api/_meta/purge', { confirm: 'yes', olderThanDays: -1 });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details.map((d: { field: string }) => d.field).sort()).toEqual(['confirm', 'olderThanDays']);
    const tooNew = await rt.admin.call('POST', '/api/_meta/purge', { confirm: true, olderThanDays: 1 });
    expect(tooNew.status).toBe(200);
    expect(tooNew.body.data).toEqual([]);
    expect(await archiveTables()).toHaveLength(1);

    const viewer = await rt.createUser({ username: 'purge_viewer', password: 'viewer-password-1', roles: ['sales'] });
    expect(viewer.id).toBeDefined();
    const client = await rt.login('purge_viewer', 'viewer-password-1');
    expect((await client.call('POST', '/api/_meta/purge', { confirm: true })).status).toBe(403);
    expect((await client.call('GET', '/api/_meta/archives')).status).toBe(403);
    expect(await archiveTables()).toHaveLength(1);

    const purged = await rt.admin.call('POST', '/api/_meta/purge', { confirm: true });
    expect(purged.status).toBe(200);
    expect(purged.body).toMatchObject({ version: version + 1, data: [expect.objectContaining({ source: 'item.note', rows: 2 })] });
    expect(await archiveTables()).toEqual([]);
    expect((await rt.admin.call('GET', '/api/_meta/archives')).body.data).toEqual([]);
    const [entry] = (await rt.admin.call('GET', '/api/_meta/history')).body.data;
    expect(entry).toMatchObject({ kind: 'purge', fromVersion: version + 1, toVersion: version + 1, appliedBy: 'admin', steps: [expect.objectContaining({ kind: 'purge-archive' })] });

    const refused = await rt.admin.call('POST', '/api/_meta/rollback', {});
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe('rollback_not_possible');
    expect(refused.body.error.message).toMatch(/item\.note .*purged .* by admin/);
    expect(refused.body.error.details).toEqual([expect.objectContaining({ field: 'item.note', rule: 'archive-missing' })]);
    expect((await current()).version).toBe(version + 1);
  });

  it('a later publish still gets its own version after a purge entry', async () => {
    const { app, version } = await current();
    const next = editItem(app, (p) => { p.extra = { 'x-id': 'i_extra', 'x-type': 'text', 'x-label': { en: 'Extra' } }; });
    const ok = await publish(next);
    expect(ok.status).toBe(200);
    expect(ok.body.version).toBe(version + 1);
    const kinds = (await rt.admin.call('GET', '/api/_meta/history')).body.data.map((e: { kind: string; toVersion: number }) => `${e.kind}@${e.toVersion - version}`);
    expect(kinds.slice(0, 3)).toEqual(['apply@1', 'purge@0', 'apply@0']);
  });
});
