import { createTestRuntime, forEachDatabase, type SessionClient, type TestRuntime } from '@tessera/runtime';
import { backfillKeys } from './backfill-keys';
import { checkBatch } from './check-batch';
import { dedupHooks } from './dedup-hooks';
import type { DedupStore } from './dedup-store';
import dedupPlugin from './index';
import { hookContext, httpRecords, testStore } from './testing/test-store';
import { app } from './testing/test-app';

const settings = { entities: { customer: { fields: ['name', 'phone', 'email'] } }, mergeRoles: ['admin'] };

/**
 * The key-store path, with the store the proposed runtime API would pass (README.md) built from
 * the runtime's own knex, and the hooks called as the runtime calls them. The records API is
 * the real one over HTTP, so visibility is the runtime's own scope rules.
 */
forEachDatabase('@tessera/plugin-dedup key store', (getCtx) => {
  let rt: TestRuntime;
  let rep: SessionClient;
  let store: DedupStore & { count: number };
  let acme: string;
  const create = (client: SessionClient, data: Record<string, unknown>, id = crypto.randomUUID()) =>
    dedupHooks.beforeCreate!(hookContext({ settings, entity: 'customer', data, id, store, records: (e) => httpRecords(client, `${e}s`) }) as never);

  beforeAll(async () => {
    rt = await createTestRuntime({ app, plugins: [dedupPlugin], databaseUrl: getCtx().databaseUrl });
    await rt.createUser({ username: 'rep', password: 'rep-password-1', roles: ['sales_rep'] });
    rep = await rt.login('rep', 'rep-password-1');
    acme = (await rt.admin.call('POST', '/api/customers', { name: 'Acme Co., Ltd.', phone: '138-0000 1234', email: 'Sales@Acme.com' })).body.data.id;
    store = await testStore(rt.runtime.knex);
  });
  afterAll(() => rt?.close());

  it('back-fills keys for stored records through the records API, once', async () => {
    const records = httpRecords(rt.admin, 'customers');
    expect(await backfillKeys(store, records, 'customer', settings.entities.customer.fields)).toBeGreaterThan(0);
    expect(await backfillKeys(store, records, 'customer', settings.entities.customer.fields)).toBe(0);
    const { rows } = await store.raw('select key_kind, key from plugin_dedup.dedup_keys where record_id = ? order by key_kind', [acme]);
    expect(rows).toEqual([{ key_kind: 'email', key: 'sales@acme.com' }, { key_kind: 'name', key: 'acme' }, { key_kind: 'phone', key: '13800001234' }]);
  });

  it('back-fills, on a later run, records inserted by SQL behind the hooks (a seed), and only those', async () => {
    const db = rt.runtime.knex;
    const found = await db.raw(`select table_schema, table_name from information_schema.columns where column_name = 'phone' and table_name like '%customer%' and table_schema not in ('information_schema', 'pg_catalog')`);
    const table = `"${found.rows[0].table_schema}"."${found.rows[0].table_name}"`;
    const admin = (await db.raw(`select id from tessera.users where username = 'admin'`)).rows[0].id;
    const records = httpRecords(rt.admin, 'customers');
    await backfillKeys(store, records, 'customer', settings.entities.customer.fields); // whatever came before: keyed
    // 600 rows: more than one page of the back-fill; created_at in the past, as `tessera seed` writes it.
    await db.raw(
      `insert into ${table} (id, name, phone, email, owner, created_by, created_at, updated_at)
       select gen_random_uuid(), 'Seeded ' || g, '139' || lpad(g::text, 8, '0'), null, ?, ?, now() - interval '400 days', now() - interval '400 days' from generate_series(1, 600) g`,
      [admin, admin],
    );
    expect(await backfillKeys(store, records, 'customer', settings.entities.customer.fields)).toBe(600);
    const { rows } = await store.raw(`select k.key_kind, k.key from plugin_dedup.dedup_keys k join ${table} c on c.id::text = k.record_id where c.name = 'Seeded 599' order by k.key_kind`);
    expect(rows).toEqual([{ key_kind: 'name', key: 'seeded 599' }, { key_kind: 'phone', key: '13900000599' }]);
    await expect(create(rt.admin, { name: 'Other', phone: '139 0000 0599' })).rejects.toMatchObject({ field: 'phone' });
    // Nothing is missing any more: the next run reads ids, writes nothing.
    expect(await backfillKeys(store, records, 'customer', settings.entities.customer.fields)).toBe(0);
    await db.raw(`delete from ${table} where name like 'Seeded %'`);
    await db.raw(`delete from plugin_dedup.dedup_keys where key like 'seeded%' or key like '139%'`);
  });

  it('rejects a duplicate the caller sees by id, and one they cannot see without any of its data', async () => {
    await expect(create(rt.admin, { name: 'ACME Inc.' })).rejects.toMatchObject({ message: `Possible duplicate of ${acme} (same name)`, field: 'name' });
    const hidden = create(rep, { name: 'Other', phone: '13800001234' });
    await expect(hidden).rejects.toMatchObject({ message: 'A customer with this phone already exists (owned by another team)', field: 'phone' });
    await expect(hidden).rejects.not.toMatchObject({ message: expect.stringContaining(acme) });
  });

  it('keeps keys current: a created record is found next time, an update moves its keys, a delete drops them', async () => {
    // The record must exist for the caller to see it: stored over HTTP first, then its hook run
    // with its id (the runtime would run the hook first, with the id it is about to insert).
    const id = (await rt.admin.call('POST', '/api/customers', { name: 'Globex' })).body.data.id;
    await create(rt.admin, { name: 'Globex' }, id);
    await expect(create(rt.admin, { name: 'ＧＬＯＢＥＸ Corp.' })).rejects.toMatchObject({ message: expect.stringContaining('same name') });
    const update = (data: Record<string, unknown>) =>
      dedupHooks.beforeUpdate!(hookContext({ settings, entity: 'customer', id, data, previous: { id, name: 'Globex' }, store, records: (e) => httpRecords(rt.admin, `${e}s`) }) as never);
    await expect(update({ email: 'SALES@acme.com' })).rejects.toMatchObject({ field: 'email' });
    await update({ name: 'Globex Renamed' });
    await expect(create(rt.admin, { name: 'Globex' })).resolves.toBeUndefined();
    await dedupHooks.beforeDelete!(hookContext({ settings, entity: 'customer', id, previous: {}, store, records: () => httpRecords(rt.admin, 'customers') }) as never);
    await expect(create(rt.admin, { name: 'Globex Renamed' })).resolves.toBeUndefined();
  });

  it('checks an import batch with one lookup, against stored records and earlier rows', async () => {
    store.count = 0;
    const rows = [{ name: 'Fresh' }, { name: 'Stark', email: 'tony@stark.com' }, { name: 'x', email: 'TONY@stark.com ' }, { name: 'y', email: 'sales@acme.com' }];
    const result = await checkBatch(httpRecords(rep, 'customers'), settings.entities.customer.fields, rows, { store, entity: 'customer' });
    expect(store.count).toBe(1);
    expect(result).toEqual([
      { row: 2, stored: [], inBatch: [{ row: 1, matches: ['email'] }] },
      { row: 3, stored: [], hidden: ['email'], inBatch: [] },
    ]);
  });
});
