import path from 'node:path';
import { createTestRuntime, forEachDatabase, type TestRuntime } from '@tessera/runtime';
import type { SessionClient } from '../src/testing/create-session-client';

const exampleDir = path.resolve(__dirname, '..', '..', 'examples', 'crm');
const PASSWORDS: Record<string, string> = {
  manager: 'manager-demo-123', sales1: 'sales1-demo-123', sales2: 'sales2-demo-123', service: 'service-demo-123',
  marketing: 'marketing-demo-123', executive: 'executive-demo-123', partner: 'partner-demo-123',
};
const SECRET_FIELDS = ['annual_revenue', 'credit_rating'];

forEachDatabase('permissions over the example CRM', (getCtx) => {
  let rt: TestRuntime;
  const as: Record<string, SessionClient> = {};
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    rt = await createTestRuntime({ appDir: exampleDir, demoUsers: true, databaseUrl: getCtx().databaseUrl, dataDir: getCtx().dataDir });
    as.admin = rt.admin;
    for (const [name, pw] of Object.entries(PASSWORDS)) as[name] = await rt.login(name, pw);
    // One customer per sales rep (own), one of the admin's (out of every own/department scope), each with a contact.
    for (const who of ['sales1', 'sales2', 'admin']) {
      const res = await as[who].call('POST', '/api/customers', { name: `${who} corp`, industry: 'it', ...(who === 'admin' ? { annual_revenue: 1000, credit_rating: 'AA' } : {}) });
      expect(res.status).toBe(201);
      ids[who] = res.body.data.id;
      const contact = await as[who].call('POST', '/api/contacts', { name: `${who} contact`, customer: ids[who] });
      expect(contact.status).toBe(201);
      ids[`${who}-contact`] = contact.body.data.id;
    }
    await as.admin.call('PATCH', `/api/customers/${ids.sales1}`, { annual_revenue: 500, credit_rating: 'A' });
  }, 180_000);
  afterAll(() => rt?.close());

  const listNames = async (who: string, plural = 'customers') => {
    const res = await as[who].call('GET', `/api/${plural}?sort=name`);
    expect(res.status).toBe(200);
    return res.body.data.map((r: { name: string }) => r.name);
  };

  // role × entity × action: what the example's permissions.json promises.
  it.each([
    ['admin', ['admin corp', 'sales1 corp', 'sales2 corp']],
    ['sales1', ['sales1 corp']],
    ['sales2', ['sales2 corp']],
    ['manager', ['sales1 corp', 'sales2 corp']],
    ['service', ['admin corp', 'sales1 corp', 'sales2 corp']],
    ['marketing', ['admin corp', 'sales1 corp', 'sales2 corp']],
    ['executive', ['admin corp', 'sales1 corp', 'sales2 corp']],
    ['partner', []],
  ])('%s lists exactly the customers in scope', async (who, expected) => {
    expect(await listNames(who)).toEqual(expected);
    const count = await as[who].call('GET', '/api/customers/aggregate?measures=count');
    expect(count.body.data[0].count).toBe(expected.length);
  });

  it.each([
    ['partner', 'contacts', 'GET', 403],
    ['service', 'customers', 'POST', 403],
    ['marketing', 'customers', 'POST', 403],
    ['executive', 'customers', 'POST', 403],
    ['partner', 'customers', 'POST', 201],
    ['sales1', 'customers', 'POST', 201],
    ['manager', 'customers', 'POST', 201],
  ])('%s: %s %s → %i', async (who, plural, method, status) => {
    const res = await as[who].call(method, `/api/${plural}`, method === 'POST' ? { name: `${who} new` } : undefined);
    expect(res.status).toBe(status);
    if (status === 403) expect(res.body.error.code).toBe('forbidden');
  });

  it('update and delete follow actions and scope', async () => {
    expect((await as.service.call('PATCH', `/api/customers/${ids.sales1}`, { phone: '+8613800000000' })).status).toBe(403);
    expect((await as.sales1.call('DELETE', `/api/customers/${ids.sales1}`)).status).toBe(403);
    expect((await as.manager.call('PATCH', `/api/customers/${ids.sales2}`, { level: 'B' })).status).toBe(200);
    expect((await as.service.call('PATCH', `/api/contacts/${ids['admin-contact']}`, { title: 'CTO' })).status).toBe(200);
  });

  it('hidden fields never leave the server: get, list, expand, aggregate, history', async () => {
    const get = await as.service.call('GET', `/api/customers/${ids.admin}`);
    expect(get.status).toBe(200);
    for (const f of SECRET_FIELDS) expect(get.body.data).not.toHaveProperty(f);
    const list = await as.marketing.call('GET', '/api/customers');
    for (const r of list.body.data) for (const f of SECRET_FIELDS) expect(r).not.toHaveProperty(f);
    const expanded = await as.service.call('GET', `/api/contacts/${ids['admin-contact']}?expand=customer`);
    expect(expanded.body.data.customer.name).toBe('admin corp');
    for (const f of SECRET_FIELDS) expect(expanded.body.data.customer).not.toHaveProperty(f);
    const listExpanded = await as.service.call('GET', '/api/contacts?expand=customer');
    for (const r of listExpanded.body.data) for (const f of SECRET_FIELDS) expect(r.customer ?? {}).not.toHaveProperty(f);
    const agg = await as.service.call('GET', '/api/customers/aggregate?measures=sum:annual_revenue');
    expect(agg.status).toBe(400);
    const history = await as.service.call('GET', `/api/customers/${ids.admin}/history`);
    expect(history.status).toBe(200);
    expect(JSON.stringify(history.body)).not.toMatch(/annual_revenue|credit_rating|"AA"/);
    expect((await as.admin.call('GET', `/api/customers/${ids.admin}/history`)).text).toMatch(/credit_rating/);
    // The admin sees them.
    expect((await as.admin.call('GET', `/api/customers/${ids.admin}`)).body.data.credit_rating).toBe('AA');
    expect((await as.marketing.call('GET', `/api/contacts/${ids['admin-contact']}`)).body.data).not.toHaveProperty('phone');
  });

  it('filter, sort, fields, group on a hidden field answer exactly as for an unknown field (no oracle)', async () => {
    const pairs: [string, string][] = [
      ['filter[annual_revenue][gt]=1', 'filter[no_such_field][gt]=1'],
      ['sort=credit_rating', 'sort=no_such_field'],
      ['fields=name,credit_rating', 'fields=name,no_such_field'],
    ];
    for (const [hidden, unknown] of pairs) {
      const a = await as.service.call('GET', `/api/customers?${hidden}`);
      const b = await as.service.call('GET', `/api/customers?${unknown}`);
      expect(a.status).toBe(400);
      expect(b.status).toBe(400);
      const norm = (text: string, name: string) => text.replaceAll(name, 'X');
      expect(norm(a.text, /annual_revenue|credit_rating/.exec(hidden)![0])).toBe(norm(b.text, 'no_such_field'));
    }
    const viaRelation = await as.service.call('GET', '/api/contacts?filter[customer.annual_revenue][gt]=1');
    expect(viaRelation.status).toBe(400);
    const group = await as.marketing.call('GET', '/api/customers/aggregate?group=credit_rating');
    expect(group.status).toBe(400);
    expect(group.text).toContain('unknown field');
  });

  it('IDOR: another rep\'s customer by id is 404 for get, update, delete, history, transfer', async () => {
    for (const [method, suffix, body] of [['GET', '', undefined], ['PATCH', '', { level: 'A' }], ['GET', '/history', undefined], ['POST', '/transfer', { owner: as.sales1.user.id }]] as const) {
      const res = await as.sales1.call(method, `/api/customers/${ids.sales2}${suffix}`, body);
      expect([method, suffix, res.status]).toEqual([method, suffix, method === 'POST' ? 403 : 404]);
    }
    const missing = await as.sales1.call('GET', '/api/customers/00000000-0000-4000-8000-000000000000');
    const foreign = await as.sales1.call('GET', `/api/customers/${ids.sales2}`);
    expect(foreign.body.error.code).toBe(missing.body.error.code);
    // A caller's get is compiled once (by-id-statement) and binds each id anew: alternating ids keep their answers.
    for (let i = 0; i < 3; i++) {
      expect((await as.sales1.call('GET', `/api/customers/${ids.sales1}`)).body.data?.name).toBe('sales1 corp');
      expect((await as.sales1.call('GET', `/api/customers/${ids.sales2}`)).status).toBe(404);
      expect((await as.sales2.call('GET', `/api/customers/${ids.sales2}`)).body.data?.name).toBe('sales2 corp');
    }
    // The manager may transfer, but not a record outside their department.
    expect((await as.manager.call('POST', `/api/customers/${ids.admin}/transfer`, { owner: as.sales1.user.id })).status).toBe(404);
    // Expanding a contact's customer the rep cannot see gives null, not the record.
    const contacts = await as.manager.call('GET', '/api/contacts?expand=customer');
    expect(contacts.body.data.every((c: { customer: unknown }) => c.customer !== undefined)).toBe(true);
  });

  it('mass assignment: owner, created_by, version, read-only fields → 422, nothing written', async () => {
    for (const body of [{ owner: as.sales1.user.id }, { created_by: as.sales1.user.id }, { version: 99 }, { credit_rating: 'AAA' }]) {
      const res = await as.sales1.call('PATCH', `/api/customers/${ids.sales1}`, body);
      expect(res.status).toBe(422);
      expect(res.body.error.details[0]).toMatchObject({ field: Object.keys(body)[0], rule: 'read-only' });
    }
    const created = await as.partner.call('POST', '/api/customers', { name: 'sneaky', owner: as.sales1.user.id });
    expect(created.status).toBe(422);
    const hidden = await as.partner.call('POST', '/api/customers', { name: 'sneaky', credit_rating: 'AAA' });
    const unknown = await as.partner.call('POST', '/api/customers', { name: 'sneaky', no_such: 'AAA' });
    expect(hidden.status).toBe(422);
    expect(hidden.text.replaceAll('credit_rating', 'X')).toBe(unknown.text.replaceAll('no_such', 'X'));
    const row = await rt.runtime.knex('app_crm.customer').where({ id: ids.sales1 }).first();
    expect(row.credit_rating).toBe('A');
    expect(row.owner).toBe(as.sales1.user.id);
    expect(await rt.runtime.knex('app_crm.customer').where({ name: 'sneaky' }).first()).toBeUndefined();
  });

  it('transfer and sharing change who sees a record, with history', async () => {
    const created = await as.manager.call('POST', '/api/customers', { name: 'handover corp' });
    const id = created.body.data.id;
    expect((await listNames('sales2')).includes('handover corp')).toBe(false);
    const bad = await as.manager.call('POST', `/api/customers/${id}/transfer`, { owner: 'nobody' });
    expect(bad.status).toBe(422);
    const moved = await as.manager.call('POST', `/api/customers/${id}/transfer`, { owner: as.sales2.user.id });
    expect(moved.status).toBe(200);
    expect(moved.body.data.owner).toBe(as.sales2.user.id);
    expect(await listNames('sales2')).toContain('handover corp');
    const history = await as.sales2.call('GET', `/api/customers/${id}/history`);
    expect(history.body.data.map((e: { action: string }) => e.action)).toEqual(['create', 'transfer']);
    expect(history.body.data[1]).toMatchObject({ actor: { username: 'manager', displayName: expect.any(String) }, changes: [{ field: 'owner', old: as.manager.user.id, new: as.sales2.user.id }] });

    expect((await as.sales1.call('GET', `/api/customers/${id}`)).status).toBe(404);
    const shared = await as.sales2.call('POST', `/api/customers/${id}/shares`, { user: as.sales1.user.id, access: 'read' });
    expect(shared.status).toBe(201);
    expect((await as.sales1.call('GET', `/api/customers/${id}`)).status).toBe(200);
    expect((await as.sales1.call('PATCH', `/api/customers/${id}`, { level: 'C' })).status).toBe(404);
    await as.sales2.call('POST', `/api/customers/${id}/shares`, { user: as.sales1.user.id, access: 'edit' });
    expect((await as.sales1.call('PATCH', `/api/customers/${id}`, { level: 'C' })).status).toBe(200);
  });

  it('audit: every write has a row with actor, request id and old/new values; login too', async () => {
    const created = await as.sales1.call('POST', '/api/customers', { name: 'audited', level: 'D' });
    const id = created.body.data.id;
    await as.sales1.call('PATCH', `/api/customers/${id}`, { level: 'B' });
    await as.admin.call('DELETE', `/api/customers/${id}`);
    const rows = await rt.runtime.knex('tessera.audit_log').where({ entity: 'customer', record_id: id }).orderBy('id');
    expect(rows.map((r: { action: string }) => r.action)).toEqual(['create', 'update', 'delete']);
    expect(rows[0].actor_id).toBe(as.sales1.user.id);
    expect(rows[0].request_id).toBeTruthy();
    expect(rows[1].changes).toEqual([{ field: 'level', old: 'D', new: 'B' }]);
    expect(rows[2].actor_id).toBe(as.admin.user.id);
    await expect(rt.login('sales1', 'wrong-password-123')).rejects.toThrow();
    const logins = await rt.runtime.knex('tessera.audit_log').whereIn('action', ['login', 'login_failed']).select('action');
    expect(logins.map((r: { action: string }) => r.action)).toEqual(expect.arrayContaining(['login', 'login_failed']));
  });

  it('the audit log refuses UPDATE, DELETE and TRUNCATE', async () => {
    const knex = rt.runtime.knex;
    await expect(knex('tessera.audit_log').update({ action: 'forged' })).rejects.toThrow(/append-only/);
    await expect(knex('tessera.audit_log').delete()).rejects.toThrow(/append-only/);
    await expect(knex.raw('truncate tessera.audit_log')).rejects.toThrow(/append-only/);
    expect(Number((await knex('tessera.audit_log').count({ n: '*' }))[0].n)).toBeGreaterThan(0);
  });
});
