/**
 * Data care on the example CRM (issue 20, PIPL/GDPR): an administrator exports everything that
 * names a contact, then erases the contact with a reason. Afterwards the contact's email, phone
 * and name appear nowhere in its record, its history, the follow-up that quoted them, or the
 * audit log at large (searched as text); one audit entry says who erased whom and why. Others
 * may not do either; a missing reason changes nothing.
 */
import { createTestRuntime, forEachDatabase, type SessionClient, type TestRuntime } from '@tessera/runtime';
import { exampleDir } from './browser-harness';

const EMAIL = 'wang.erasable@example.cn';
const PHONE = '13912345678';
const NAME = 'Wang Erasable';

forEachDatabase('data care: export and erase a person', (getCtx) => {
  let server: TestRuntime;
  let manager: SessionClient;
  const ids: Record<string, string> = {};
  const ok = async (client: SessionClient, method: string, path: string, body?: unknown) => {
    const res = await client.call(method, path, body);
    if (res.status >= 300) throw new Error(`${method} ${path}: ${res.status} ${res.text}`);
    return res.body;
  };
  /** An entity's table, whatever the runtime names its schema (test databases get their own). */
  const tableOf = async (entity: string) => {
    const found = await server.runtime.knex.raw(
      `select table_schema, table_name from information_schema.tables where table_schema not in ('tessera', 'information_schema', 'pg_catalog') and table_name in (?, ?) order by table_name limit 1`,
      [entity, `${entity}s`],
    );
    return `"${found.rows[0].table_schema}"."${found.rows[0].table_name}"`;
  };
  /** Where the value still is: rows of the audit log, import snapshots and the two tables, searched as text. */
  const traces = async (value: string) => {
    const db = server.runtime.knex;
    const like = `%${value}%`;
    const audit = (await db.raw('select count(*)::int as n from tessera.audit_log where changes::text ilike ? or meta::text ilike ?', [like, like])).rows[0].n;
    const count = async (table: string) => (await db.raw(`select count(*)::int as n from ${await tableOf(table)} t where t::text ilike ?`, [like])).rows[0].n;
    const [contacts, followUps] = [await count('contact'), await count('follow_up')];
    // The dedup plugin's key table holds the phone and email normalized (digits, lower case).
    const dedupKeys = (await db.raw(`select count(*)::int as n from ${await tableOf('dedup_keys')} where key = ? or key = ?`, [value.toLowerCase(), value.replace(/\D/g, '') || value])).rows[0].n;
    return { audit, contacts, followUps, dedupKeys };
  };

  beforeAll(async () => {
    server = await createTestRuntime({ appDir: exampleDir, databaseUrl: getCtx().databaseUrl, demoUsers: true });
    manager = await server.login('manager', 'manager-demo-123');
    ids.customer = (await ok(manager, 'POST', '/api/customers', { name: 'Erasure Test Trading', level: 'B' })).data.id;
    ids.contact = (await ok(manager, 'POST', '/api/contacts', { name: NAME, customer: ids.customer, email: 'old.' + EMAIL, phone: PHONE, notes: `Prefers calls on ${PHONE}` })).data.id;
    // An edit, so the history holds the value as both old and new.
    await ok(manager, 'PATCH', `/api/contacts/${ids.contact}`, { email: EMAIL });
    ids.followUp = (await ok(manager, 'POST', '/api/follow_ups', { subject: 'First call', method: 'phone', customer: ids.customer, contact: ids.contact, content: `Called ${NAME} at ${PHONE}, mail ${EMAIL}` })).data.id;
  });
  afterAll(() => server?.close());

  it('is for administrators only, and only for entities about persons', async () => {
    expect((await manager.call('GET', `/api/_data-care/contacts/${ids.contact}`)).status).toBe(403);
    expect((await manager.call('POST', `/api/_data-care/contacts/${ids.contact}/erase`, { reason: 'asked' })).status).toBe(403);
    // A customer is a company: its phone field does not make it a person.
    expect((await server.admin.call('GET', `/api/_data-care/customers/${ids.customer}`)).status).toBe(404);
    expect((await server.admin.call('GET', `/api/_data-care/contacts/00000000-0000-4000-8000-000000000000`)).status).toBe(404);
  });

  it('exports the record, the records that refer to it and its history', async () => {
    const res = await server.admin.call('GET', `/api/_data-care/contacts/${ids.contact}`);
    expect(res.status).toBe(200);
    const data = res.body.data;
    expect(data.record).toMatchObject({ id: ids.contact, name: NAME, email: EMAIL, phone: PHONE });
    expect(data.related).toEqual([expect.objectContaining({ entity: 'follow_up', field: 'contact', records: [expect.objectContaining({ id: ids.followUp, subject: 'First call' })] })]);
    expect(data.history.map((h: { action: string }) => h.action)).toEqual(['create', 'update']);
    expect(JSON.stringify(data.history)).toContain(EMAIL);
  });

  it('refuses an erasure without a reason, changing nothing', async () => {
    const res = await server.admin.call('POST', `/api/_data-care/contacts/${ids.contact}/erase`, { reason: '  ' });
    expect(res.status).toBe(422);
    expect(res.body.error.details[0]).toMatchObject({ field: 'reason' });
    expect((await traces(EMAIL)).contacts).toBe(1);
  });

  it('erases the person from the record, its history, the follow-up and the audit log, and says who and why', async () => {
    expect(await traces(EMAIL)).toEqual({ audit: expect.any(Number), contacts: 1, followUps: 1, dedupKeys: 1 });
    expect((await traces(PHONE)).dedupKeys).toBe(1);
    expect((await traces(EMAIL)).audit).toBeGreaterThan(0);
    const res = await server.admin.call('POST', `/api/_data-care/contacts/${ids.contact}/erase`, { reason: 'Request by email of 2026-12-01' });
    expect(res.status).toBe(200);
    expect(res.body.data).toMatchObject({ fields: expect.arrayContaining(['name', 'email', 'phone', 'notes']), related: 1 });
    for (const value of [EMAIL, PHONE, NAME, 'old.' + EMAIL]) expect(await traces(value)).toEqual({ audit: 0, contacts: 0, followUps: 0, dedupKeys: 0 });
    // The record stays (its relations and id), emptied; the history keeps its shape with the values gone.
    const contact = (await ok(server.admin, 'GET', `/api/contacts/${ids.contact}`)).data;
    expect(contact).toMatchObject({ name: '[erased]', customer: ids.customer });
    expect(contact.email ?? null).toBeNull();
    const history = (await ok(server.admin, 'GET', `/api/contacts/${ids.contact}/history`)).data as { action: string; actor: { username: string } | null }[];
    expect(history.map((h) => h.action)).toEqual(['create', 'update', 'erase']);
    const entry = (await server.runtime.knex('tessera.audit_log').where({ entity: 'contact', record_id: ids.contact, action: 'erase' }).first());
    expect(entry.meta).toMatchObject({ reason: 'Request by email of 2026-12-01', related: 1 });
    expect(history[2].actor?.username).toBe('admin');
    // The audit log is still append-only for everyone else.
    await expect(server.runtime.knex.raw('update tessera.audit_log set meta = meta where id = ?', [entry.id])).rejects.toThrow(/append-only/);
  });
});
