/**
 * The recycle bin on the example CRM (issue 18, ADR 0034): deleting a customer soft-deletes its
 * cascade (contacts, opportunities, follow-ups) under one deletion id, restoring it brings back
 * exactly those, its history stays readable, a live restrict child refuses the delete, the
 * preview counts what would go, the nightly job purges after N days, and scope and roles hold.
 */
import { createTestRuntime, forEachDatabase, type TestRuntime } from '@tessera/runtime';
import { exampleDir } from './browser-harness';

type Client = Awaited<ReturnType<TestRuntime['login']>>;
const DAY = 86_400_000;

forEachDatabase('recycle bin on the example CRM', (getCtx) => {
  let server: TestRuntime;
  let manager: Client;
  let sales1: Client;
  let sales2: Client;
  let clock = new Date('2026-03-02T04:00:00Z');

  const ok = async (client: Client, method: string, path: string, body?: unknown) => {
    const res = await client.call(method, path, body);
    if (res.status >= 300) throw new Error(`${method} ${path}: ${res.status} ${res.text}`);
    return res.body?.data;
  };
  const table = (name: string) => server.runtime.knex.withSchema('app_crm').table(name);

  /** A customer with 3 contacts, 2 opportunities and follow-ups on both, owned by `client`. */
  async function customerWithChildren(client: Client, name: string) {
    const customer = (await ok(client, 'POST', '/api/customers', { name })).id as string;
    const contacts = [];
    for (const n of ['Ann', 'Bo', 'Cai']) contacts.push((await ok(client, 'POST', '/api/contacts', { name: `${n} of ${name}`, customer })).id as string);
    const opportunities = [];
    for (const n of ['Pumps', 'Valves']) opportunities.push((await ok(client, 'POST', '/api/opportunities', { name: `${n} for ${name}`, customer })).id as string);
    const followUps = [
      (await ok(client, 'POST', '/api/follow_ups', { subject: 'Call', method: 'phone', customer })).id as string,
      // Reached twice (customer and opportunity): counted and filed once.
      (await ok(client, 'POST', '/api/follow_ups', { subject: 'Visit', method: 'visit', customer, opportunity: opportunities[0] })).id as string,
      (await ok(client, 'POST', '/api/follow_ups', { subject: 'Mail', method: 'email', opportunity: opportunities[1] })).id as string,
    ];
    return { customer, contacts, opportunities, followUps };
  }

  beforeAll(async () => {
    server = await createTestRuntime({ appDir: exampleDir, databaseUrl: getCtx().databaseUrl, dataDir: getCtx().dataDir, demoUsers: true, now: () => clock, jobs: { recycleBinDays: 30 } });
    manager = await server.login('manager', 'manager-demo-123');
    sales1 = await server.login('sales1', 'sales1-demo-123');
    sales2 = await server.login('sales2', 'sales2-demo-123');
  });
  afterAll(() => server?.close());

  it('previews, deletes with the cascade, keeps history, lists the deletion and restores exactly its children', async () => {
    const acme = await customerWithChildren(manager, 'Acme');
    // Deleted on its own before: it must stay in the bin when Acme comes back.
    const earlier = (await ok(manager, 'POST', '/api/contacts', { name: 'Earlier', customer: acme.customer })).id as string;
    expect((await manager.call('DELETE', `/api/contacts/${earlier}`)).status).toBe(204);

    const preview = await manager.call('GET', `/api/customers/_delete-preview?ids=${acme.customer}`);
    expect(preview.status).toBe(200);
    const counts = Object.fromEntries((preview.body.data.children as { entity: string; count: number; label: { en: string; zh: string } }[]).map((c) => [c.entity, c.count]));
    expect(counts).toEqual({ contact: 3, opportunity: 2, follow_up: 3 });
    expect(preview.body.data).toMatchObject({ records: 1, recycleBin: true, blockedBy: [] });
    expect(preview.body.data.children.find((c: { entity: string }) => c.entity === 'contact').label).toMatchObject({ en: 'Contacts', zh: '联系人' });
    expect(JSON.stringify(preview.body)).not.toContain('Ann of Acme'); // counts, never names

    expect((await manager.call('DELETE', `/api/customers/${acme.customer}`)).status).toBe(204);
    expect((await manager.call('GET', `/api/customers/${acme.customer}`)).status).toBe(404);
    expect((await manager.call('GET', `/api/contacts?filter[customer]=${acme.customer}`)).body.data).toEqual([]);
    const deletions = await server.runtime.knex('tessera.recycle_bin').where({ root_id: acme.customer }).select('entity', 'record_id', 'root', 'deletion_id');
    expect(deletions).toHaveLength(1 + 3 + 2 + 3);
    expect(new Set(deletions.map((d) => d.deletion_id)).size).toBe(1);
    const history = await manager.call('GET', `/api/customers/${acme.customer}/history`);
    expect(history.status).toBe(200);
    expect(history.body.data.length).toBeGreaterThanOrEqual(2);
    expect((await manager.call('GET', `/api/contacts/${acme.contacts[0]}/history`)).status).toBe(200);

    const bin = await manager.call('GET', '/api/customers/_recycle-bin');
    expect(bin.status).toBe(200);
    const entry = bin.body.data.find((e: { id: string }) => e.id === acme.customer);
    expect(entry).toMatchObject({ title: 'Acme', deletedBy: { username: 'manager' }, deletedAt: expect.stringMatching(/Z$/) });
    expect(Object.fromEntries(entry.with.map((w: { entity: string; count: number }) => [w.entity, w.count]))).toEqual({ contact: 3, opportunity: 2, follow_up: 3 });

    // A contact that went with Acme comes back only with Acme.
    const withParent = await manager.call('POST', `/api/contacts/${acme.contacts[0]}/restore`);
    expect(withParent).toMatchObject({ status: 409, body: { error: { code: 'deleted_with_parent' } } });
    // The one deleted on its own cannot come back while Acme is in the bin.
    expect((await manager.call('POST', `/api/contacts/${earlier}/restore`)).body.error.code).toBe('parent_deleted');

    const restored = await manager.call('POST', `/api/customers/${acme.customer}/restore`);
    expect(restored.status).toBe(200);
    const contactsNow = (await manager.call('GET', `/api/contacts?filter[customer]=${acme.customer}`)).body.data.map((c: { id: string }) => c.id).sort();
    expect(contactsNow).toEqual([...acme.contacts].sort());
    expect((await table('opportunity').whereIn('id', acme.opportunities).whereNull('deleted_at')).length).toBe(2);
    expect((await table('follow_up').whereIn('id', acme.followUps).whereNull('deleted_at')).length).toBe(3);
    expect((await table('contact').where({ id: earlier }).first()).deleted_at).not.toBeNull();
    expect(Number((await server.runtime.knex('tessera.recycle_bin').where({ root_id: acme.customer }).count({ n: '*' }))[0].n)).toBe(0);
    // Now the earlier one may come back on its own.
    expect((await manager.call('POST', `/api/contacts/${earlier}/restore`)).status).toBe(200);
  });

  it('refuses to delete a customer a live contract still needs (restrict), changing nothing', async () => {
    const beta = await customerWithChildren(manager, 'Beta');
    await ok(manager, 'POST', '/api/contracts', { name: 'Beta frame contract', customer: beta.customer });
    const preview = (await ok(manager, 'GET', `/api/customers/_delete-preview?ids=${beta.customer}`)) as { blockedBy: { entity: string; count: number }[] };
    expect(preview.blockedBy).toEqual([expect.objectContaining({ entity: 'contract', count: 1 })]);
    const refused = await manager.call('DELETE', `/api/customers/${beta.customer}`);
    expect(refused).toMatchObject({ status: 409, body: { error: { code: 'conflict' } } });
    expect(refused.body.error.message).toContain('contracts');
    expect((await table('contact').whereIn('id', beta.contacts).whereNull('deleted_at')).length).toBe(3);
    expect(Number((await server.runtime.knex('tessera.recycle_bin').where({ root_id: beta.customer }).count({ n: '*' }))[0].n)).toBe(0);
  });

  it('shows each user only the deletions in their scope; restore follows the delete grant; purge-now is for admins', async () => {
    const mine = (await ok(sales1, 'POST', '/api/contacts', { name: 'Rep contact', customer: (await ok(sales1, 'POST', '/api/customers', { name: 'Rep customer' })).id })).id as string;
    expect((await sales1.call('DELETE', `/api/contacts/${mine}`)).status).toBe(204);
    const own = await sales1.call('GET', '/api/contacts/_recycle-bin');
    expect(own.body.data.map((e: { id: string }) => e.id)).toContain(mine);
    // Another rep (other department) neither sees it nor restores it.
    expect((await sales2.call('GET', '/api/contacts/_recycle-bin')).body.data.map((e: { id: string }) => e.id)).not.toContain(mine);
    expect((await sales2.call('POST', `/api/contacts/${mine}/restore`)).status).toBe(404);
    // Reps may not delete customers: no customer bin, no customer preview.
    expect((await sales1.call('GET', '/api/customers/_recycle-bin')).status).toBe(403);
    expect((await sales1.call('GET', `/api/customers/_delete-preview?ids=${mine}`)).status).toBe(403);
    // Their manager's department scope covers it.
    expect((await manager.call('GET', '/api/contacts/_recycle-bin')).body.data.map((e: { id: string }) => e.id)).toContain(mine);
    expect((await sales1.call('POST', '/api/_recycle-bin/purge', { entity: 'contacts', id: mine })).status).toBe(403);
    expect((await server.admin.call('POST', '/api/_recycle-bin/purge', { entity: 'contacts', id: mine })).status).toBe(204);
    expect(await table('contact').where({ id: mine }).first()).toBeUndefined();
    expect((await server.admin.call('POST', '/api/_recycle-bin/purge', { entity: 'contacts', id: mine })).status).toBe(404);
    expect((await server.admin.call('POST', '/api/_recycle-bin/purge', { entity: 'nothing' })).status).toBe(422);
    // Ids the caller cannot delete count nothing in a preview.
    const bad = await manager.call('GET', '/api/customers/_delete-preview?ids=not-an-id');
    expect(bad).toMatchObject({ status: 400, body: { error: { code: 'invalid_query' } } });
  });

  it('purges deletions older than the configured days in the nightly job, with their children', async () => {
    const old = await customerWithChildren(manager, 'Old Co');
    const fresh = await customerWithChildren(manager, 'Fresh Co');
    expect((await manager.call('DELETE', `/api/customers/${old.customer}`)).status).toBe(204);
    expect((await manager.call('DELETE', `/api/customers/${fresh.customer}`)).status).toBe(204);
    const at = (days: number) => new Date(clock.getTime() - days * DAY);
    await server.runtime.knex('tessera.recycle_bin').where({ root_id: old.customer }).update({ deleted_at: at(31) });
    await server.runtime.knex('tessera.recycle_bin').where({ root_id: fresh.customer }).update({ deleted_at: at(29) });
    const jobs = (await server.admin.call('GET', '/api/_meta/jobs')).body.data as { name: string; cron: string }[];
    expect(jobs).toContainEqual(expect.objectContaining({ name: 'recycle-bin:purge', cron: '30 3 * * *' }));
    clock = new Date(clock.getTime() + DAY);
    expect(await server.runtime.jobs.run('recycle-bin:purge')).toBe('ran');
    expect(await table('customer').where({ id: old.customer }).first()).toBeUndefined();
    expect(await table('contact').whereIn('id', old.contacts)).toEqual([]);
    expect(await table('follow_up').whereIn('id', old.followUps)).toEqual([]);
    expect(Number((await server.runtime.knex('tessera.recycle_bin').where({ root_id: old.customer }).count({ n: '*' }))[0].n)).toBe(0);
    // 30 days not yet over: still in the bin, still restorable.
    expect((await manager.call('POST', `/api/customers/${fresh.customer}/restore`)).status).toBe(200);
    expect((await table('contact').whereIn('id', fresh.contacts).whereNull('deleted_at')).length).toBe(3);
  });

  it('bulk delete files each record as its own deletion with its children', async () => {
    const a = await customerWithChildren(manager, 'Bulk A');
    const b = await customerWithChildren(manager, 'Bulk B');
    const preview = (await ok(manager, 'GET', `/api/customers/_delete-preview?ids=${a.customer},${b.customer}`)) as { records: number; children: { entity: string; count: number }[] };
    expect(preview.records).toBe(2);
    expect(preview.children.find((c) => c.entity === 'contact')?.count).toBe(6);
    expect((await manager.call('POST', '/api/customers/bulk', { delete: [a.customer, b.customer] })).status).toBe(200);
    const rows = await server.runtime.knex('tessera.recycle_bin').whereIn('root_id', [a.customer, b.customer]).select('deletion_id', 'root_id');
    expect(rows).toHaveLength(2 * 9);
    expect(new Set(rows.map((r) => r.deletion_id)).size).toBe(2);
    expect((await manager.call('POST', `/api/customers/${b.customer}/restore`)).status).toBe(200);
    expect((await table('contact').whereIn('id', b.contacts).whereNull('deleted_at')).length).toBe(3);
    expect((await table('contact').whereIn('id', a.contacts).whereNull('deleted_at')).length).toBe(0);
  });
});
