import { resolve } from 'node:path';
import { createTestRuntime, forEachDatabase, type SessionClient, type TestRuntime } from '@tessera/runtime';
import { workflowApp } from './workflow-fixtures';

/** The workflow test app with two owner-assigning transitions on prospects: by rules (tier) and by load. */
function assigningApp() {
  const app = workflowApp();
  const prospect = app.workflows![0].machine.states.prospect;
  prospect.on!.ROUTE = {
    target: 'prospect',
    actions: [{ type: 'assignOwner', params: { pool: 'route', rules: [{ when: "tier == 'gold'", users: ['gold1', 'gold2'] }, { when: 'employees > 1000', users: ['big'] }], fallback: ['rest'] } }],
  };
  prospect.on!.BALANCE = { target: 'prospect', actions: [{ type: 'assignOwner', params: { strategy: 'load', users: ['l0', 'l2', 'l1'] } }] };
  prospect.on!.NOBODY = { target: 'prospect', actions: [{ type: 'assignOwner', params: { strategy: 'load', users: ['l0'] } }] };
  return app;
}

forEachDatabase('assignOwner strategies', (getCtx) => {
  let rt: TestRuntime;
  const ids: Record<string, string> = {};
  beforeAll(async () => {
    rt = await createTestRuntime({ app: assigningApp(), databaseUrl: getCtx().databaseUrl, dataDir: getCtx().dataDir });
    for (const username of ['gold1', 'gold2', 'big', 'rest', 'l0', 'l1', 'l2']) {
      ids[username] = (await rt.createUser({ username, password: 'password-123', roles: ['sales'], isActive: username !== 'l0' })).id;
    }
  });
  afterAll(() => rt?.close());

  const customer = async (body: Record<string, unknown>) => (await rt.admin.call('POST', '/api/customers', body)).body.data.id as string;
  const fire = async (id: string, event: string) => {
    const res = await rt.admin.call('POST', `/api/customers/${id}/transitions/${event}`, {});
    expect(res.status).toBe(200);
    return res.body.data.owner as string;
  };

  it('rules: the first rule that holds, round-robin within it; no rule → the fallback', async () => {
    const owners = [];
    for (let i = 0; i < 3; i++) owners.push(await fire(await customer({ name: `Gold ${i}`, tier: 'gold', employees: 5000 }), 'ROUTE'));
    expect(owners).toEqual([ids.gold1, ids.gold2, ids.gold1]);
    expect(await fire(await customer({ name: 'Big', tier: 'silver', employees: 5000 }), 'ROUTE')).toBe(ids.big);
    expect(await fire(await customer({ name: 'Small', employees: 3 }), 'ROUTE')).toBe(ids.rest);
  });

  it('load: the active candidate with the fewest open records, ties by username; final states do not count', async () => {
    const a = await customer({ name: 'Load A' });
    expect(await fire(a, 'BALANCE')).toBe(ids.l1); // all at 0: l1 before l2 (l0 is inactive)
    const b = await customer({ name: 'Load B' });
    expect(await fire(b, 'BALANCE')).toBe(ids.l2);
    const c = await customer({ name: 'Load C' });
    expect(await fire(c, 'BALANCE')).toBe(ids.l1); // 1 each again
    // l2's only record is lost (a final state): l2 owns no open record now.
    expect((await rt.admin.call('POST', `/api/customers/${b}/transitions/LOSE`, { reason: 'went elsewhere' })).status).toBe(200);
    expect(await fire(await customer({ name: 'Load D' }), 'BALANCE')).toBe(ids.l2);
    // Re-balancing c does not count c against its owner l1: l1 (a) 1, l2 (D) 1 → a tie → l1 keeps it.
    expect(await fire(c, 'BALANCE')).toBe(ids.l1);
  });

  it('load with no active candidate: 409 naming the users, the record unchanged', async () => {
    const id = await customer({ name: 'Orphan' });
    const res = await rt.admin.call('POST', `/api/customers/${id}/transitions/NOBODY`, {});
    expect(res.status).toBe(409);
    expect(res.body.error).toMatchObject({ code: 'assign_owner_no_user', message: expect.stringContaining('l0') });
    expect((await rt.admin.call('GET', `/api/customers/${id}`)).body.data).toMatchObject({ version: 1, owner: (await rt.admin.call('GET', '/api/auth/me')).body.data.user.id });
  });

  it('refuses to publish a rule whose expression does not parse, pointing at it', async () => {
    const app = assigningApp();
    app.workflows![0].machine.states.prospect.on!.ROUTE.actions![0].params!.rules = [{ when: "tier == 'gold' &&", users: ['gold1'] }];
    const res = await rt.admin.call('POST', '/api/_meta/publish', { app, baseVersion: 1 });
    expect(res.status).toBe(422);
    expect(res.body.error.code).toBe('invalid_metadata');
    expect(res.body.error.details).toEqual([
      expect.objectContaining({ pointer: '/workflows/0/machine/states/prospect/on/ROUTE/actions/0/params/rules/0/when', code: 'invalid-params', message: expect.stringContaining('"tier == \'gold\' &&" does not parse') }),
    ]);
    expect((await rt.admin.call('GET', '/api/_meta/app')).body.version).toBe(1);
  });
});

forEachDatabase('lead conversion (example CRM)', (getCtx) => {
  let rt: TestRuntime;
  let sales1: SessionClient;
  let manager: SessionClient;
  let sales1Id: string;
  beforeAll(async () => {
    rt = await createTestRuntime({ appDir: resolve(__dirname, '../../examples/crm'), databaseUrl: getCtx().databaseUrl, dataDir: getCtx().dataDir, demoUsers: true });
    sales1 = await rt.login('sales1', 'sales1-demo-123');
    manager = await rt.login('manager', 'manager-demo-123');
    sales1Id = (await sales1.call('GET', '/api/auth/me')).body.data.user.id;
  });
  afterAll(() => rt?.close());

  const qualifiedLead = async (body: Record<string, unknown>) => {
    // The example scores leads with its lead-scoring rules (QUALIFY needs ≥ 40): a referral is 30 of them.
    const created = await sales1.call('POST', '/api/leads', { source: 'referral', ...body });
    expect(created.status).toBe(201);
    const id = created.body.data.id as string;
    for (const event of ['CONTACT', 'QUALIFY']) expect((await sales1.call('POST', `/api/leads/${id}/transitions/${event}`, {})).status).toBe(200);
    return id;
  };
  const counts = async () => {
    const db = rt.runtime.knex;
    const n = async (t: string) => Number((await db.withSchema('app_crm').table(t).count({ n: '*' }))[0].n);
    return { customer: await n('customer'), contact: await n('contact'), opportunity: await n('opportunity') };
  };

  it('CONVERT creates the customer, its contact and an opportunity, linked, owned by the actor, audited', async () => {
    const lead = await qualifiedLead({ name: 'Wang Fang', company: 'Hangzhou Tea Co', industry: 'retail', region: 'east', phone: '+86 571 8888 1234', email: 'wang@tea.example' });
    const res = await sales1.call('POST', `/api/leads/${lead}/transitions/CONVERT`, {});
    expect(res.status).toBe(200);
    const customerId = res.body.data.converted_customer as string;
    expect(res.body.data).toMatchObject({ status: 'converted', converted_customer: expect.any(String) });

    const customer = (await rt.admin.call('GET', `/api/customers/${customerId}`)).body.data;
    expect(customer).toMatchObject({ name: 'Hangzhou Tea Co', industry: 'retail', region: 'east', phone: '+86 571 8888 1234', email: 'wang@tea.example', owner: sales1Id, created_by: sales1Id });
    const contacts = (await rt.admin.call('GET', `/api/contacts?filter[customer]=${customerId}`)).body.data;
    expect(contacts).toEqual([expect.objectContaining({ name: 'Wang Fang', phone: '+86 571 8888 1234', email: 'wang@tea.example', is_primary: true, owner: sales1Id })]);
    const opportunities = (await rt.admin.call('GET', `/api/opportunities?filter[customer]=${customerId}`)).body.data;
    expect(opportunities).toEqual([expect.objectContaining({ name: 'Hangzhou Tea Co — Wang Fang', lead, stage: 'qualification', owner: sales1Id })]);

    const audit = await rt.runtime.knex('tessera.audit_log').whereIn('record_id', [customerId, contacts[0].id, opportunities[0].id, lead]).orderBy('id').select('entity', 'action', 'actor_id', 'request_id');
    expect(audit.filter((a) => a.entity !== 'lead').map((a) => [a.entity, a.action])).toEqual([['customer', 'create'], ['contact', 'create'], ['opportunity', 'create']]);
    expect(audit.every((a) => a.actor_id === sales1Id)).toBe(true);
    const convertAudit = audit.filter((a) => a.entity === 'lead').pop()!;
    expect(convertAudit.action).toBe('update');
    // One request: the three creates and the lead's update carry the same request id.
    expect(new Set(audit.slice(-4).map((a) => a.request_id)).size).toBe(1);
  });

  it('a conversion whose customer would be invalid is refused with 422 naming customer.name; nothing is created', async () => {
    const lead = await qualifiedLead({ name: 'No Company', region: 'east' });
    const before = await counts();
    const res = await sales1.call('POST', `/api/leads/${lead}/transitions/CONVERT`, {});
    expect(res.status).toBe(422);
    expect(res.body.error.code).toBe('validation_failed');
    expect(res.body.error.details).toEqual([expect.objectContaining({ field: 'customer.name', rule: 'required' })]);
    expect(await counts()).toEqual(before);
    expect((await sales1.call('GET', `/api/leads/${lead}`)).body.data).toMatchObject({ status: 'qualified', converted_customer: null });
  });

  it('ASSIGN routes a new lead by region (rules), others to the fallback rotation', async () => {
    const lead = async (region?: string) => (await manager.call('POST', '/api/leads', { name: `L ${region}`, ...(region ? { region } : {}) })).body.data.id as string;
    const assign = async (id: string) => (await manager.call('POST', `/api/leads/${id}/transitions/ASSIGN`, {})).body.data.owner as string;
    const sales2Id = (await (await rt.login('sales2', 'sales2-demo-123')).call('GET', '/api/auth/me')).body.data.user.id;
    expect(await assign(await lead('east'))).toBe(sales1Id);
    expect(await assign(await lead('south'))).toBe(sales2Id);
    expect(await assign(await lead('north'))).toBe(sales1Id);
    expect([await assign(await lead('overseas')), await assign(await lead())].sort()).toEqual([sales1Id, sales2Id].sort());
  });
});
