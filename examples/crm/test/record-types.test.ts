/**
 * Issue 19: the example CRM's customers come in three kinds (end customer, distributor, agent),
 * each with its own fields and form; a sales rep files them through the API and is refused, in
 * their words, a field of another kind or a kind's required field left empty. Tags are a
 * multiselect any kind has, filterable in the list.
 */
import { createTestRuntime, forEachDatabase, type SessionClient, type TestRuntime } from '@tessera/runtime';
import { exampleDir } from './browser-harness';

forEachDatabase('the example CRM: customer kinds and tags', (getCtx) => {
  let server: TestRuntime;
  let sales1: SessionClient;
  beforeAll(async () => {
    server = await createTestRuntime({ appDir: exampleDir, databaseUrl: getCtx().databaseUrl, demoUsers: true });
    sales1 = await server.login('sales1', 'sales1-demo-123');
  }, 120_000);
  afterAll(() => server?.close());

  const create = (body: Record<string, unknown>) => sales1.call('POST', '/api/customers', { industry: 'retail', level: 'B', region: 'north', ...body });

  it('a distributor with its territory, rebate and level; an end customer by default', async () => {
    const distributor = await create({ name: 'Jingjin Distribution Co.', kind: 'distributor', territory: '13', distribution_level: 'first', rebate_rate: 3.5, tags: ['strategic', 'key_account'] });
    expect(distributor.status).toBe(201);
    expect(distributor.body.data).toMatchObject({ kind: 'distributor', territory: '13', distribution_level: 'first', rebate_rate: 3.5, tags: ['strategic', 'key_account'] });
    const plain = await create({ name: 'Binhai Retail Group' });
    expect(plain.status).toBe(201);
    expect(plain.body.data).toMatchObject({ kind: 'end_customer', territory: null, rebate_rate: null });
    const agent = await create({ name: 'Wei Agency', kind: 'agent', commission_rate: 8, agent_since: '2024-03-01' });
    expect(agent.status).toBe(201);
  });

  it('refuses another kind\'s field and a distributor without its territory, in English and Chinese', async () => {
    const wrong = await create({ name: 'Misfiled Retail', rebate_rate: 2 });
    expect(wrong.status).toBe(422);
    expect(wrong.body.error.details).toEqual([{ field: 'rebate_rate', rule: 'record-type', message: 'Rebate rate does not apply when Customer kind is End customer.', messages: { en: 'Rebate rate does not apply when Customer kind is End customer.', zh: '客户类型为终端客户时不适用返利比例。' } }]);
    const agentTerritory = await create({ name: 'Misfiled Agency', kind: 'agent', territory: '11' });
    expect(agentTerritory.body.error.details).toEqual([expect.objectContaining({ field: 'territory', message: 'Sales territory does not apply when Customer kind is Agent.' })]);
    const noTerritory = await create({ name: 'Unbounded Distribution', kind: 'distributor' });
    expect(noTerritory.status).toBe(422);
    expect(noTerritory.body.error.details).toEqual([expect.objectContaining({ field: 'territory', rule: 'required', messages: { en: 'Sales territory is required', zh: '授权区域为必填项' } })]);
  });

  it('a change of kind must clear the fields of the old kind; the stored kind decides a patch that keeps it', async () => {
    const a = (await create({ name: 'Changing Hands Agency', kind: 'agent', commission_rate: 5 })).body.data;
    expect((await sales1.call('PATCH', `/api/customers/${a.id}`, { agent_since: '2023-01-01' })).status).toBe(200);
    const keep = await sales1.call('PATCH', `/api/customers/${a.id}`, { kind: 'end_customer' });
    expect(keep.status).toBe(422);
    expect(keep.body.error.details.map((e: { field: string }) => e.field)).toEqual(['commission_rate', 'agent_since']);
    const cleared = await sales1.call('PATCH', `/api/customers/${a.id}`, { kind: 'end_customer', commission_rate: null, agent_since: null });
    expect(cleared.status).toBe(200);
    expect(cleared.body.data).toMatchObject({ kind: 'end_customer', commission_rate: null });
  });

  it('filters the list by tags and by kind', async () => {
    await create({ name: 'Tagged At Risk Ltd', tags: ['at_risk', 'price_sensitive'] });
    const filter = encodeURIComponent(JSON.stringify({ tags: { containsAny: ['at_risk'] } }));
    const atRisk = (await sales1.call('GET', `/api/customers?filter=${filter}`)).body.data as { name: string }[];
    expect(atRisk.map((c) => c.name)).toEqual(['Tagged At Risk Ltd']);
    const byKind = encodeURIComponent(JSON.stringify({ kind: { eq: 'distributor' } }));
    expect(((await sales1.call('GET', `/api/customers?filter=${byKind}`)).body.data as { name: string }[]).map((c) => c.name)).toEqual(['Jingjin Distribution Co.']);
  });
});
