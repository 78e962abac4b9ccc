import { createTestRuntime, forEachDatabase, type TestRuntime } from '@tessera/runtime';
import type { AppDefinition } from '@tessera/metadata';
import { editItem, migApp } from './migrate-fixtures';

forEachDatabase('migrate: publish applies migration plans', (getCtx) => {
  let rt: TestRuntime;
  beforeAll(async () => {
    rt = await createTestRuntime({ app: migApp(), databaseUrl: getCtx().databaseUrl });
  });
  afterAll(() => rt?.close());

  const knex = () => rt.runtime.knex;
  const current = async (): Promise<{ version: number; app: AppDefinition }> => (await rt.admin.call('GET', '/api/_meta/app')).body;
  const columns = async () => (await knex()('information_schema.columns').where({ table_schema: 'app_mig', table_name: 'item' }).orderBy('column_name').pluck('column_name')) as string[];
  const rows = async (column: string) => (await knex().raw(`select id::text, "${column}"::text as value from app_mig.item order by id`)).rows as { id: string; value: string | null }[];
  const publish = async (app: AppDefinition, extra: Record<string, unknown> = {}) => {
    const { version } = await current();
    return rt.admin.call('POST', '/api/_meta/publish', { app, baseVersion: version, ...extra });
  };
  const reset = async () => knex().raw('delete from app_mig.item');
  const insert = (values: Record<string, unknown>[]) => knex()('app_mig.item').insert(values).returning('id').then((r: { id: string }[]) => r.map((x) => x.id));

  it('renames a field and keeps its data', async () => {
    await reset();
    await insert([{ name: 'a', code: 'x1' }, { name: 'b', code: 'x2' }]);
    const before = await rows('code');
    const { app } = await current();
    const res = await publish(editItem(app, (p) => {
      p.sku = p.code;
      delete p.code;
    }));
    expect(res.status).toBe(200);
    expect(await columns()).toContain('sku');
    expect(await columns()).not.toContain('code');
    expect(await rows('sku')).toEqual(before);
  });

  it('previews a plan with its SQL and precheck results, changing nothing', async () => {
    await reset();
    const ids = await insert([{ name: 'n1', qty: '12' }, { name: 'n2', qty: 'many' }]);
    const { app, version } = await current();
    const res = await rt.admin.call('POST', '/api/_meta/plan', { app: editItem(app, (p) => { p.qty['x-type'] = 'number'; }) });
    expect(res.status).toBe(200);
    expect(res.body.steps).toEqual([expect.objectContaining({ kind: 'alter-column-type', safe: false, destructive: false, sql: [expect.stringContaining('alter column "qty" type numeric')] })]);
    expect(res.body.blockers).toEqual([]);
    expect(res.body.checks).toEqual([expect.objectContaining({ step: 0, count: 1, samples: [ids[1]] })]);
    expect((await current()).version).toBe(version);
    expect((await knex()('information_schema.columns').where({ table_schema: 'app_mig', table_name: 'item', column_name: 'qty' }).first()).data_type).toBe('text');
  });

  it('refuses a text → number change when values do not convert: 409 with count and sample ids; nothing changes', async () => {
    const { app, version } = await current();
    const bad = (await rows('qty')).filter((r) => r.value === 'many').map((r) => r.id);
    const res = await publish(editItem(app, (p) => { p.qty['x-type'] = 'number'; }));
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('migration_precheck_failed');
    expect(res.body.error.details).toEqual([expect.objectContaining({ field: 'item.qty', rule: 'alter-column-type', count: 1, samples: bad })]);
    expect((await current()).version).toBe(version);
    expect(await rows('qty')).toEqual(expect.arrayContaining([expect.objectContaining({ value: 'many' })]));

    await knex()('app_mig.item').where({ qty: 'many' }).update({ qty: '3' });
    const ok = await publish(editItem(app, (p) => { p.qty['x-type'] = 'number'; }));
    expect(ok.status).toBe(200);
    expect((await rows('qty')).map((r) => r.value).sort()).toEqual(['12', '3']);
  });

  it('removing a select option in use needs a mapping; with one, the records move', async () => {
    await reset();
    const [gold, bronze] = await insert([{ name: 'g', tier: 'gold' }, { name: 'b', tier: 'bronze' }]);
    const { app, version } = await current();
    const next = editItem(app, (p) => { p.tier['x-options'] = p.tier['x-options']!.filter((o) => o.value !== 'bronze'); });
    const refused = await publish(next);
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe('migration_precheck_failed');
    expect(refused.body.error.details).toEqual([expect.objectContaining({ field: 'item.tier', count: 1, samples: [bronze] })]);
    expect((await current()).version).toBe(version);

    const unconfirmed = await publish(next, { valueMappings: { i_tier: { bronze: 'silver' } } });
    expect(unconfirmed.status).toBe(409);
    expect(unconfirmed.body.error.code).toBe('confirmation_required');
    const bogus = await publish(next, { valueMappings: { i_tier: { bronze: 'platinum' } }, confirmDestructive: true });
    expect(bogus.status).toBe(422);
    expect(bogus.body.error).toMatchObject({ code: 'migration_blocked', details: [expect.objectContaining({ field: 'item.tier', rule: 'blocked' })] });

    const mapped = await publish(next, { valueMappings: { i_tier: { bronze: 'silver' } }, confirmDestructive: true });
    expect(mapped.status).toBe(200);
    expect(Object.fromEntries((await rows('tier')).map((r) => [r.id, r.value]))).toEqual({ [gold]: 'gold', [bronze]: 'silver' });
  });

  it('making a field required on a table with data needs a backfill', async () => {
    await reset();
    const [filled, empty] = await insert([{ name: 'has' }, {}]);
    const { app } = await current();
    const next = editItem(app, (p, e) => { e.required = ['name']; });
    const refused = await publish(next);
    expect(refused.status).toBe(409);
    expect(refused.body.error.details).toEqual([expect.objectContaining({ field: 'item.name', rule: 'set-required', count: 1, samples: [empty] })]);
    const ok = await publish(next, { backfills: { i_name: 'unnamed' } });
    expect(ok.status).toBe(200);
    expect(Object.fromEntries((await rows('name')).map((r) => [r.id, r.value]))).toEqual({ [filled]: 'has', [empty]: 'unnamed' });
  });

  it('a unique index over duplicates → 409 listing the duplicated values; nothing changes', async () => {
    await reset();
    await insert([{ name: 'dup', note: 'same' }, { name: 'dup', note: 'same' }, { name: 'one', note: 'x' }]);
    const { app, version } = await current();
    const next = editItem(app, (p) => { p.note['x-unique'] = true; });
    const refused = await publish(next);
    expect(refused.status).toBe(409);
    expect(refused.body.error.details).toEqual([expect.objectContaining({ field: expect.stringContaining('item'), rule: 'add-index', count: 1, samples: ['same'] })]);
    expect((await current()).version).toBe(version);
    await knex()('app_mig.item').where({ name: 'dup' }).first().then((r: { id: string }) => knex()('app_mig.item').where({ id: r.id }).update({ note: 'other' }));
    expect((await publish(next)).status).toBe(200);
    const indexes = (await knex().raw("select indexdef from pg_indexes where schemaname = 'app_mig' and tablename = 'item'")).rows.map((r: { indexdef: string }) => r.indexdef);
    expect(indexes).toEqual(expect.arrayContaining([expect.stringMatching(/UNIQUE INDEX .*\(note\)/)]));
  });

  it('drops a field only with confirmation, archiving its values; rollback restores them', async () => {
    await reset();
    await insert([{ name: 'k1', qty: '5' }, { name: 'k2', qty: null }, { name: 'k3', qty: '7' }]);
    const before = await rows('qty');
    const { app, version } = await current();
    const next = editItem(app, (p) => { delete p.qty; });
    const refused = await publish(next);
    expect(refused.status).toBe(409);
    expect(refused.body.error).toMatchObject({ code: 'confirmation_required', details: [expect.objectContaining({ field: 'item.qty', rule: 'archive-column' })] });
    expect(await columns()).toContain('qty');

    const ok = await publish(next, { confirmDestructive: true });
    expect(ok.status).toBe(200);
    expect(await columns()).not.toContain('qty');
    const archives = (await knex()('information_schema.tables').where({ table_schema: 'app_mig_archive' }).pluck('table_name')) as string[];
    const archive = archives.find((t) => t.startsWith(`item__qty__v${version + 1}_`));
    expect(archive).toBeDefined();
    const archived = (await knex().raw(`select id::text, value::text from app_mig_archive."${archive}" order by id`)).rows;
    expect(archived).toEqual(before.filter((r) => r.value !== null));

    const history = await rt.admin.call('GET', '/api/_meta/history');
    expect(history.body.data[0]).toMatchObject({ kind: 'apply', fromVersion: version, toVersion: version + 1, appliedBy: 'admin', steps: expect.arrayContaining([expect.objectContaining({ kind: 'archive-column' })]) });

    const back = await rt.admin.call('POST', '/api/_meta/rollback', { baseVersion: version + 1 });
    expect(back.status).toBe(200);
    expect(back.body).toMatchObject({ version: version + 2, restoredVersion: version });
    expect(await columns()).toContain('qty');
    expect(await rows('qty')).toEqual(before);
    const meta = await current();
    expect(meta.version).toBe(version + 2);
    expect(meta.app).toEqual(app);
    const [last] = (await rt.admin.call('GET', '/api/_meta/history')).body.data;
    expect(last).toMatchObject({ kind: 'rollback', restoresVersion: version, steps: expect.arrayContaining([expect.objectContaining({ kind: 'restore-archive' })]) });
  });

  it('rollback says why not when the data does not allow it', async () => {
    await reset();
    const { app, version } = await current();
    // v+1 turns qty into a number; data written after cannot go back if… it always can (number → text).
    // Instead: v+1 adds a field with data, so going back would archive it → needs confirmation.
    const next = editItem(app, (p) => { p.extra = { 'x-id': 'i_extra', 'x-type': 'text', 'x-label': { en: 'Extra' } }; });
    expect((await publish(next)).status).toBe(200);
    await insert([{ name: 'e', extra: 'keep me' }]);
    const refused = await rt.admin.call('POST', '/api/_meta/rollback', {});
    expect(refused.status).toBe(409);
    expect(refused.body.error).toMatchObject({ code: 'confirmation_required', details: [expect.objectContaining({ field: 'item.extra', rule: 'archive-column' })] });
    expect((await current()).version).toBe(version + 1);
    const ok = await rt.admin.call('POST', '/api/_meta/rollback', { confirmDestructive: true });
    expect(ok.status).toBe(200);
    expect(await columns()).not.toContain('extra');
  });

  it('two publishes on the same baseVersion: exactly one wins, the other gets 409 version_conflict', async () => {
    const { app, version } = await current();
    const a = editItem(app, (p) => { p.alpha = { 'x-id': 'i_alpha', 'x-type': 'text', 'x-label': { en: 'Alpha' } }; });
    const b = editItem(app, (p) => { p.beta = { 'x-id': 'i_beta', 'x-type': 'text', 'x-label': { en: 'Beta' } }; });
    const results = await Promise.all([a, b].map((x) => rt.admin.call('POST', '/api/_meta/publish', { app: x, baseVersion: version })));
    expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
    expect(results.find((r) => r.status === 409)!.body.error.code).toBe('version_conflict');
    const cols = await columns();
    expect(cols.includes('alpha') !== cols.includes('beta')).toBe(true);
    expect((await current()).version).toBe(version + 1);
  });

  it('plan and rollback need the admin role', async () => {
    const viewer = await rt.createUser({ username: 'viewer', password: 'viewer-password-1', roles: ['sales'] });
    expect(viewer.id).toBeDefined();
    const client = await rt.login('viewer', 'viewer-password-1');
    expect((await client.call('POST', '/api/_meta/plan', { app: migApp() })).status).toBe(403);
    expect((await client.call('POST', '/api/_meta/rollback', {})).status).toBe(403);
  });
});
