import path from 'node:path';
import { createTestRuntime, forEachDatabase, type TestRuntime } from '@tessera/runtime';
import type { SessionClient } from '../src/testing/create-session-client';

const exampleDir = path.resolve(__dirname, '..', '..', 'examples', 'crm');
const PASSWORDS: Record<string, string> = { manager: 'manager-demo-123', sales1: 'sales1-demo-123', sales2: 'sales2-demo-123' };

/** `POST /api/{plural}/bulk` for users whose data scope is limited (issue 5): own and department scopes. */
forEachDatabase('bulk writes for scoped users', (getCtx) => {
  let rt: TestRuntime;
  const as: Record<string, SessionClient> = {};
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    rt = await createTestRuntime({ appDir: exampleDir, demoUsers: true, databaseUrl: getCtx().databaseUrl, dataDir: getCtx().dataDir });
    as.admin = rt.admin;
    for (const [name, pw] of Object.entries(PASSWORDS)) as[name] = await rt.login(name, pw);
    for (const who of ['sales1', 'sales2', 'admin']) {
      const customer = await as[who].call('POST', '/api/customers', { name: `${who} corp` });
      expect(customer.status).toBe(201);
      ids[who] = customer.body.data.id;
      const contact = await as[who].call('POST', '/api/contacts', { name: `${who} contact`, customer: ids[who] });
      expect(contact.status).toBe(201);
      ids[`${who}-contact`] = contact.body.data.id;
    }
  }, 180_000);
  afterAll(() => rt?.close());

  const contactName = async (id: string) => (await as.admin.call('GET', `/api/contacts/${id}`)).body.data?.name;

  it('an own-scope user bulk-creates, updates and deletes their own records; creates are theirs', async () => {
    const extra = await as.sales1.call('POST', '/api/contacts', { name: 'to delete', customer: ids.sales1 });
    const res = await as.sales1.call('POST', '/api/contacts/bulk', {
      create: [{ name: 'bulk one', customer: ids.sales1 }, { name: 'bulk two', customer: ids.sales1 }],
      update: [{ id: ids['sales1-contact'], title: 'Buyer' }],
      delete: [extra.body.data.id],
    });
    expect(res.status).toBe(200);
    expect(res.body.data.map((r: { status: number }) => r.status)).toEqual([201, 201, 200, 204]);
    for (const created of res.body.data.slice(0, 2)) expect(created.data.owner).toBe(as.sales1.user.id);
    expect(res.body.data[2].data.title).toBe('Buyer');
    expect((await as.admin.call('GET', `/api/contacts/${extra.body.data.id}`)).status).toBe(404);
  });

  it('an out-of-scope id fails its item with 404 and nothing of the request is applied', async () => {
    const res = await as.sales1.call('POST', '/api/contacts/bulk', {
      create: [{ name: 'never written', customer: ids.sales1 }],
      update: [{ id: ids['sales1-contact'], title: 'Changed' }, { id: ids['sales2-contact'], title: 'Hijacked' }],
    });
    expect(res.status).toBe(422);
    expect(res.body.error.code).toBe('bulk_failed');
    const byOp = res.body.error.details.map((d: { op: string; index: number; status: number; error: { code: string } }) => [d.op, d.index, d.status, d.error.code]);
    expect(byOp).toEqual([['create', 0, 424, 'not_applied'], ['update', 0, 424, 'not_applied'], ['update', 1, 404, 'not_found']]);
    // The same answer as for an id that does not exist: existence is not revealed.
    expect(res.body.error.details[2].error.message).toBe(`No contact with id "${ids['sales2-contact']}"`);
    expect(await contactName(ids['sales2-contact'])).toBe('sales2 contact');
    expect((await as.admin.call('GET', `/api/contacts/${ids['sales1-contact']}`)).body.data.title).toBe('Buyer');
    expect((await as.admin.call('GET', '/api/contacts?filter=' + encodeURIComponent(JSON.stringify({ name: 'never written' })))).body.data).toEqual([]);
  });

  it('an out-of-scope delete is refused the same way; the record survives', async () => {
    const res = await as.sales1.call('POST', '/api/contacts/bulk', { delete: [ids['sales1-contact'], ids['admin-contact']] });
    expect(res.status).toBe(422);
    expect(res.body.error.details.map((d: { status: number }) => d.status)).toEqual([424, 404]);
    expect(await contactName(ids['admin-contact'])).toBe('admin contact');
    expect(await contactName(ids['sales1-contact'])).toBe('sales1 contact');
  });

  it('mass assignment is refused per item: owner, and a field the role may only read', async () => {
    const res = await as.sales1.call('POST', '/api/customers/bulk', {
      create: [{ name: 'stolen', owner: as.sales2.user.id }],
      update: [{ id: ids.sales1, credit_rating: 'AAA' }],
    });
    expect(res.status).toBe(422);
    const [create, update] = res.body.error.details;
    expect(create).toMatchObject({ status: 422, error: { code: 'validation_failed' } });
    expect(create.error.details.map((d: { field: string }) => d.field)).toContain('owner');
    expect(update.error.details).toEqual([expect.objectContaining({ field: 'credit_rating', rule: 'read-only' })]);
    expect((await as.admin.call('GET', `/api/customers/${ids.sales1}`)).body.data.credit_rating ?? null).toBeNull();
  });

  it('an action no role grants refuses the whole request with 403', async () => {
    const res = await as.sales1.call('POST', '/api/customers/bulk', { delete: [ids.sales1] });
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('forbidden');
    expect((await as.admin.call('GET', `/api/customers/${ids.sales1}`)).status).toBe(200);
  });

  it('a department-scope manager writes across their subtree, but not outside it', async () => {
    const inside = await as.manager.call('POST', '/api/customers/bulk', { update: [{ id: ids.sales1, level: 'A' }, { id: ids.sales2, level: 'B' }] });
    expect(inside.status).toBe(200);
    expect(inside.body.data.map((r: { data: { level: string } }) => r.data.level)).toEqual(['A', 'B']);
    const outside = await as.manager.call('POST', '/api/customers/bulk', { update: [{ id: ids.sales1, level: 'C' }, { id: ids.admin, level: 'C' }] });
    expect(outside.status).toBe(422);
    expect(outside.body.error.details.map((d: { status: number }) => d.status)).toEqual([424, 404]);
    const levels = await Promise.all([ids.sales1, ids.admin].map(async (id) => (await as.admin.call('GET', `/api/customers/${id}`)).body.data.level ?? null));
    expect(levels).toEqual(['A', null]);
  });

  it('an unrestricted admin still bulk-writes anything', async () => {
    const res = await as.admin.call('POST', '/api/contacts/bulk', { update: [{ id: ids['sales2-contact'], title: 'By admin' }] });
    expect(res.status).toBe(200);
    expect(res.body.data[0].data.title).toBe('By admin');
  });
});
