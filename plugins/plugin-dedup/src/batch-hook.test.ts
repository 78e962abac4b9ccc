import { createTestRuntime, forEachDatabase, waitFor, type TestRuntime } from '@tessera/runtime';
import dedupPlugin from './index';
import { app } from './testing/test-app';

const ROWS = 600; // more than one import batch (500 rows)

/**
 * Issue 20: an import checks its rows with `beforeCreateMany` (ADR 0046) — a fixed number of
 * statements per batch, not ~5 per row — with the same answers the per-row hook gives: stored
 * duplicates and repeats within the file refused with the same message, keys written for what
 * was created (under the ids the records got), nothing when the plugin is off.
 */
forEachDatabase('@tessera/plugin-dedup batch hook on imports', (getCtx) => {
  let rt: TestRuntime;
  const sql: string[] = [];
  beforeAll(async () => {
    rt = await createTestRuntime({ app, plugins: [dedupPlugin], databaseUrl: getCtx().databaseUrl });
    const enabled = await rt.admin.call('POST', '/api/_meta/plugins/@tessera/plugin-dedup/enable', { settings: { entities: { customer: { fields: ['name', 'phone', 'email'] } } } });
    expect(enabled.status).toBe(200);
    // Stored customers through the API (their keys written by the per-row hook), and the key
    // store marked complete as the back-fill job would.
    for (let i = 1; i <= 10; i++) expect((await rt.admin.call('POST', '/api/customers', { name: `Company ${i}`, phone: `138${String(i).padStart(8, '0')}` })).status).toBe(201);
    await rt.runtime.knex.raw(`insert into plugin_dedup_dedup_test.dedup_ready (entity, fields) values ('customer', 'email,name,phone')`);
    rt.runtime.knex.on('query', (q: { sql: string }) => sql.push(q.sql));
  });
  afterAll(() => rt?.close());

  async function importCsv(lines: string[]) {
    const form = new FormData();
    form.append('file', new Blob([lines.join('\n')], { type: 'text/csv' }), 'customers.csv');
    const up = await fetch(`${rt.url}/api/customers/imports`, { method: 'POST', body: form, headers: { cookie: rt.admin.cookie, 'x-csrf-token': rt.admin.csrfToken } });
    const { data } = await up.json();
    sql.length = 0;
    expect((await rt.admin.call('POST', `/api/customers/imports/${data.id}/start`, { mapping: data.mapping, mode: 'create' })).status).toBe(202);
    const done = await waitFor('the import', async () => {
      const res = (await rt.admin.call('GET', `/api/customers/imports/${data.id}`)).body.data;
      return res.status === 'running' ? undefined : res;
    }, 300_000);
    const rejected = await rt.admin.call('GET', `/api/customers/imports/${data.id}/rejected.csv`);
    return { done, rejected: rejected.text, id: data.id as string };
  }

  it('checks each batch at once: stored duplicates and repeats in the file refused, the rest created with their keys', async () => {
    const lines = ['Name,Phone,Email'];
    for (let i = 0; i < ROWS; i++) lines.push(`Batch Company ${i},139${String(i).padStart(8, '0')},batch${i}@example.org`);
    lines.push('Company 7 Inc.,,'); // a stored customer's name (legal form aside)
    lines.push('Another Name,,batch3@example.org'); // row 4's email, earlier in the same batch
    lines.push('Later Name,13900000550,'); // row 552's phone, in the second batch
    const { done, rejected } = await importCsv(lines);
    expect(done).toMatchObject({ status: 'done', processed: ROWS + 3, created: ROWS, rejected: 3 });
    expect(rejected).toMatch(/Company 7 Inc\..*Possible duplicate of [0-9a-f-]{36} \(same name\)/);
    expect(rejected).toMatch(/Another Name.*Possible duplicate of [0-9a-f-]{36} \(same email\)/);
    expect(rejected).toMatch(/Later Name.*Possible duplicate of [0-9a-f-]{36} \(same phone\)/);
    // One key lookup per batch (two batches), not one per row.
    expect(sql.filter((s) => /dedup_keys k on k\.entity/.test(s))).toHaveLength(2);
    // The keys are the created records' own: each created customer has its three.
    const orphans = await rt.runtime.knex.raw(
      `select count(*)::int as n from plugin_dedup_dedup_test.dedup_keys k where k.key like 'batch%' and not exists (select 1 from app_dedup_test.customer c where c.id::text = k.record_id)`,
    );
    expect(orphans.rows[0].n).toBe(0);
    const keyed = await rt.runtime.knex.raw(`select count(distinct record_id)::int as n from plugin_dedup_dedup_test.dedup_keys where key_kind = 'email' and key like 'batch%'`);
    expect(keyed.rows[0].n).toBe(ROWS);
  }, 300_000);

  it('a single create after the import sees the keys the batch wrote', async () => {
    const res = await rt.admin.call('POST', '/api/customers', { name: 'Someone new', email: 'batch42@example.org' });
    expect(res.status).toBe(422);
    expect(res.body.error.message).toMatch(/same email/);
  });

  it('checks nothing once an admin turns the plugin off', async () => {
    expect((await rt.admin.call('POST', '/api/_meta/plugins/@tessera/plugin-dedup/disable', {})).status).toBe(200);
    try {
      const { done } = await importCsv(['Name,Phone,Email', 'Batch Company 1,13900000001,batch1@example.org']);
      expect(done).toMatchObject({ status: 'done', created: 1, rejected: 0 });
      expect(sql.filter((s) => /dedup_keys/.test(s))).toHaveLength(0);
    } finally {
      await rt.admin.call('POST', '/api/_meta/plugins/@tessera/plugin-dedup/enable', { settings: { entities: { customer: { fields: ['name', 'phone', 'email'] } } } });
    }
  });
});
