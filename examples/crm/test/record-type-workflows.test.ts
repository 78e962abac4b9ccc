/**
 * Issue 19 / ADR 0060: a record type picks the workflow its records run. In the example,
 * distributors run their own lifecycle (a distribution agreement the sales manager approves,
 * its terms locked meanwhile) while end customers and agents keep the customer lifecycle; both
 * drive the one Lifecycle field, so lists and filters see every customer's stage together.
 */
import { createTestRuntime, forEachDatabase, type SessionClient, type TestRuntime } from '@tessera/runtime';
import { exampleDir } from './browser-harness';

forEachDatabase('the example CRM: a workflow per customer kind', (getCtx) => {
  let server: TestRuntime;
  let sales1: SessionClient;
  let manager: SessionClient;
  beforeAll(async () => {
    server = await createTestRuntime({ appDir: exampleDir, databaseUrl: getCtx().databaseUrl, demoUsers: true });
    [sales1, manager] = await Promise.all(['sales1', 'manager'].map((u) => server.login(u, `${u}-demo-123`)));
  });
  afterAll(() => server?.close());

  const create = async (body: Record<string, unknown>) => {
    const res = await sales1.call('POST', '/api/customers', { industry: 'retail', level: 'B', region: 'north', ...body });
    expect(res.status).toBe(201);
    return res.body.data as { id: string; lifecycle: string };
  };
  const workflowOf = async (id: string, as = sales1) => (await as.call('GET', `/api/customers/${id}/workflow`)).body.data as { workflow: string; state: string; transitions: { event: string }[] };
  const fire = (id: string, event: string, as = sales1, body: Record<string, unknown> = {}) => as.call('POST', `/api/customers/${id}/transitions/${event}`, body);

  it('a distributor runs the distributor lifecycle; an end customer and an agent the customer lifecycle', async () => {
    const distributor = await create({ name: 'Huabei Channel Partners', kind: 'distributor', territory: '13', rebate_rate: 3 });
    const end = await create({ name: 'Direct Buyer Ltd' });
    const agent = await create({ name: 'Coastal Agency', kind: 'agent', commission_rate: 6 });
    expect([distributor.lifecycle, end.lifecycle, agent.lifecycle]).toEqual(['prospect', 'prospect', 'prospect']);
    const d = await workflowOf(distributor.id);
    expect(d.workflow).toBe('distributor_lifecycle');
    expect(d.transitions.map((t) => t.event).sort()).toEqual(['LOSE', 'SUBMIT_AGREEMENT']);
    for (const id of [end.id, agent.id]) {
      const w = await workflowOf(id);
      expect(w.workflow).toBe('customer_lifecycle');
      expect(w.transitions.map((t) => t.event)).toContain('ACTIVATE');
      expect(w.transitions.map((t) => t.event)).not.toContain('SUBMIT_AGREEMENT');
    }
    // Another kind's events are not offered and not taken.
    expect((await fire(end.id, 'SUBMIT_AGREEMENT')).status).toBe(409);
    expect((await fire(distributor.id, 'ACTIVATE')).status).toBe(409);
    expect((await fire(end.id, 'ACTIVATE')).body.data.lifecycle).toBe('active');
  });

  it('the agreement locks the distributor\'s terms for the rep until the sales manager approves it', async () => {
    const distributor = await create({ name: 'Xinan Wholesale', kind: 'distributor', territory: '51', rebate_rate: 2 });
    expect((await fire(distributor.id, 'SUBMIT_AGREEMENT')).body.data.lifecycle).toBe('signing');
    const edit = await sales1.call('PATCH', `/api/customers/${distributor.id}`, { rebate_rate: 9 });
    expect(edit.status).toBe(409);
    expect(edit.body.error.code).toBe('record_locked');
    // Fields the agreement does not cover stay editable.
    expect((await sales1.call('PATCH', `/api/customers/${distributor.id}`, { phone: '028-8888-0000' })).status).toBe(200);
    expect((await fire(distributor.id, 'APPROVE_AGREEMENT')).status).toBe(403);
    expect((await workflowOf(distributor.id, manager)).transitions.map((t) => t.event).sort()).toEqual(['APPROVE_AGREEMENT', 'RETURN_AGREEMENT']);
    expect((await fire(distributor.id, 'APPROVE_AGREEMENT', manager)).body.data.lifecycle).toBe('active');
    expect((await sales1.call('PATCH', `/api/customers/${distributor.id}`, { rebate_rate: 2.5 })).status).toBe(200);
    // One Lifecycle field for every kind: the list filters across workflows.
    const filter = encodeURIComponent(JSON.stringify({ lifecycle: { eq: 'active' }, kind: { eq: 'distributor' } }));
    const names = ((await manager.call('GET', `/api/customers?filter=${filter}`)).body.data as { name: string }[]).map((c) => c.name);
    expect(names).toContain('Xinan Wholesale');
  });

  it('refuses a change of kind into another workflow, in English and Chinese; kinds of one workflow swap freely', async () => {
    const distributor = await create({ name: 'Fixed Channel Co.', kind: 'distributor', territory: '11' });
    const moved = await sales1.call('PATCH', `/api/customers/${distributor.id}`, { kind: 'agent', territory: null });
    expect(moved.status).toBe(422);
    expect(moved.body.error.details).toEqual([{
      field: 'kind', rule: 'record-type',
      message: 'Customer kind cannot change from Distributor to Agent: they follow different processes.',
      messages: { en: 'Customer kind cannot change from Distributor to Agent: they follow different processes.', zh: '客户类型不能从经销商改为代理商：两者的流程不同。' },
    }]);
    const agent = await create({ name: 'Swapping Agency', kind: 'agent', commission_rate: 4 });
    const swapped = await sales1.call('PATCH', `/api/customers/${agent.id}`, { kind: 'end_customer', commission_rate: null });
    expect(swapped.status).toBe(200);
    expect((await workflowOf(agent.id)).workflow).toBe('customer_lifecycle');
  });
});
