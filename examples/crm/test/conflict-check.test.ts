/**
 * 报备 on the example's opportunities: `x-indexes` declares one open opportunity per customer and
 * product line across every owner (a partial unique index over stages other than won/lost).
 * A second rep's filing is refused in the metadata's words, in both languages, without a word
 * of the other rep's record; a lost filing frees the line again.
 */
import { createTestRuntime, forEachDatabase, type SessionClient, type TestRuntime } from '@tessera/runtime';
import { exampleDir } from './browser-harness';

forEachDatabase('filing opportunities (报备) in the example', (getCtx) => {
  let server: TestRuntime;
  let sales1: SessionClient;
  let sales2: SessionClient;
  let customer: string;

  const ok = async (client: SessionClient, method: string, path: string, body?: unknown) => {
    const res = await client.call(method, path, body);
    if (res.status >= 300) throw new Error(`${method} ${path}: ${res.status} ${res.text}`);
    return res.body.data;
  };

  beforeAll(async () => {
    server = await createTestRuntime({ appDir: exampleDir, databaseUrl: getCtx().databaseUrl, demoUsers: true });
    sales1 = await server.login('sales1', 'sales1-demo-123');
    sales2 = await server.login('sales2', 'sales2-demo-123');
    customer = (await ok(sales1, 'POST', '/api/customers', { name: 'Filing Test Instruments', industry: 'manufacturing', level: 'B', region: 'east' })).id;
    const users = (await server.admin.call('GET', '/api/admin/users')).body.data as Array<{ id: string; username: string }>;
    // Both reps work with the customer: sales1 owns it and shares it with sales2.
    await ok(sales1, 'POST', `/api/customers/${customer}/shares`, { user: users.find((u) => u.username === 'sales2')!.id, access: 'read' });
  });
  afterAll(() => server?.close());

  it('refuses a second open filing of the same customer and product line, in the metadata\'s words, revealing nothing', async () => {
    const theirs = await ok(sales2, 'POST', '/api/opportunities', { name: 'West team instruments deal', customer, product_line: 'instruments', amount: 88000 });
    const refused = await sales1.call('POST', '/api/opportunities', { name: 'My instruments deal', customer, product_line: 'instruments' });
    expect(refused.status).toBe(409);
    expect(refused.body.error.message).toBe('An open opportunity for this customer and product line is already filed by a colleague. Ask your sales manager before working on it.');
    expect(refused.body.error.details).toEqual(expect.arrayContaining([
      expect.objectContaining({ field: 'product_line', rule: 'conflict-check', messages: expect.objectContaining({ zh: '该客户的此产品线已有同事报备了进行中的商机，跟进前请先联系您的销售经理。' }) }),
    ]));
    for (const secret of [theirs.id, 'West team', '88000', 'sales2']) expect(refused.text).not.toContain(secret);
    // Another line of the same customer is free; moving a filing onto a taken line is refused too.
    const mine = await ok(sales1, 'POST', '/api/opportunities', { name: 'My software deal', customer, product_line: 'software' });
    const moved = await sales1.call('PATCH', `/api/opportunities/${mine.id}`, { product_line: 'instruments' });
    expect(moved.status).toBe(409);
    expect(moved.body.error.details[0].rule).toBe('conflict-check');
  });

  it('a lost filing frees the line for a colleague', async () => {
    const [theirs] = (await sales2.call('GET', `/api/opportunities?filter=${encodeURIComponent(JSON.stringify({ product_line: { eq: 'instruments' } }))}`)).body.data as Array<{ id: string }>;
    await ok(sales2, 'POST', `/api/opportunities/${theirs.id}/transitions/LOSE`, { reason: 'Customer chose a competitor' });
    const now = await sales1.call('POST', '/api/opportunities', { name: 'My instruments deal', customer, product_line: 'instruments' });
    expect(now.status).toBe(201);
  });
});
