import type { AppDefinition, IndexEntry } from '@tessera/metadata';
import { createTestRuntime, forEachDatabase, type TestRuntime } from '@tessera/runtime';

const label = (en: string) => ({ en });

/** Contacts (soft-deleted) whose email is unique per customer once the index is published. */
function contactsApp(indexes: IndexEntry[] = []): AppDefinition {
  return {
    name: 'uniq', label: label('Unique'), layouts: [],
    entities: [{
      type: 'object', 'x-id': 'e_contact', 'x-name': 'contact', 'x-plural': 'contacts', 'x-label': label('Contact'), 'x-soft-delete': true,
      ...(indexes.length ? { 'x-indexes': indexes } : {}),
      properties: {
        customer: { 'x-id': 'f_customer', 'x-type': 'text', 'x-label': label('Customer') },
        email: { 'x-id': 'f_email', 'x-type': 'text', 'x-label': label('Email') },
      },
    }],
  };
}
const UNIQUE: IndexEntry = { columns: ['customer', 'email'], unique: true };
const conflict = { status: 409, code: 'conflict', details: [
  { field: 'customer', rule: 'unique', message: 'this combination of customer, email is already used by another record' },
  { field: 'email', rule: 'unique', message: 'this combination of customer, email is already used by another record' },
] };

forEachDatabase('x-indexes: composite uniqueness', (getCtx) => {
  let rt: TestRuntime;
  beforeAll(async () => {
    rt = await createTestRuntime({ app: contactsApp(), databaseUrl: getCtx().databaseUrl, dataDir: getCtx().dataDir });
  });
  afterAll(() => rt?.close());

  const create = (customer: string, email: string | null) => rt.admin.call('POST', '/api/contacts', { customer, email });
  const publish = async (app: AppDefinition) => {
    const { version } = (await rt.admin.call('GET', '/api/_meta/app')).body;
    return rt.admin.call('POST', '/api/_meta/publish', { app, baseVersion: version });
  };
  const failure = (res: { status: number; body: { error?: { code: string; details?: unknown } } }) => ({ status: res.status, code: res.body.error?.code, details: res.body.error?.details });

  it('publishing it over duplicates → 409 listing each group with its values, count and ids; deleting a duplicate fixes it', async () => {
    const dupes = [] as string[];
    for (let i = 0; i < 3; i++) dupes.push((await create('acme', 'li@acme.cn')).body.data.id);
    const pair = [(await create('beta', 'wu@beta.cn')).body.data.id, (await create('beta', 'wu@beta.cn')).body.data.id];
    // Not duplicates: another customer, and empty emails (never compared).
    await create('beta', 'li@acme.cn');
    await create('acme', null);
    await create('acme', null);

    const refused = await publish(contactsApp([UNIQUE]));
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe('migration_precheck_failed');
    const sorted = (ids: string[]) => [...ids].sort().join(', ');
    expect(refused.body.error.details).toEqual([expect.objectContaining({
      field: 'Add unique index contact_customer_email_key on contact', rule: 'add-index', count: 2,
      samples: [`customer=acme, email=li@acme.cn: 3 records (${sorted(dupes)})`, `customer=beta, email=wu@beta.cn: 2 records (${sorted(pair)})`],
    })]);
    const indexes = async () => (await rt.runtime.knex.raw("select indexdef from pg_indexes where schemaname = 'app_uniq' and tablename = 'contact'")).rows.map((r: { indexdef: string }) => r.indexdef) as string[];
    expect((await indexes()).some((d) => d.includes('contact_customer_email_key'))).toBe(false);

    // Soft-deleted records do not count: the index covers live records only.
    for (const id of [...dupes.slice(1), pair[1]]) expect((await rt.admin.call('DELETE', `/api/contacts/${id}`)).status).toBe(204);
    const ok = await publish(contactsApp([UNIQUE]));
    expect(ok.status).toBe(200);
    expect(await indexes()).toEqual(expect.arrayContaining([expect.stringMatching(/^CREATE UNIQUE INDEX contact_customer_email_key ON app_uniq\.contact USING btree \(customer, email\) WHERE \(deleted_at IS NULL\)$/)]));

    // A deleted duplicate cannot come back while its values are taken.
    expect(failure(await rt.admin.call('POST', `/api/contacts/${dupes[1]}/restore`))).toEqual(conflict);
  });

  it('a write that repeats a live combination → 409 naming both fields; other combinations and empty values pass', async () => {
    expect(failure(await create('acme', 'li@acme.cn'))).toEqual(conflict);
    const other = await create('acme', 'zhao@acme.cn');
    expect(other.status).toBe(201);
    expect(failure(await rt.admin.call('PATCH', `/api/contacts/${other.body.data.id}`, { email: 'li@acme.cn' }))).toEqual(conflict);
    expect((await create('acme', null)).status).toBe(201);
    const bulk = await rt.admin.call('POST', '/api/contacts/bulk', { create: [{ customer: 'gamma', email: 'a@g.cn' }, { customer: 'gamma', email: 'a@g.cn' }] });
    expect(bulk.status).toBe(422);
    expect(bulk.body.error.details[1]).toMatchObject({ status: 409, error: { code: 'conflict', details: conflict.details } });
    expect(await rt.runtime.knex('app_uniq.contact').where({ customer: 'gamma' })).toHaveLength(0);
  });
});
