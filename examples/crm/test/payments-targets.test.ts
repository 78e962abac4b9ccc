/**
 * Numbers the example computes instead of asking for: recording a payment creates a payment
 * record (the amount asked for in the transition's form), and the plan's and the contract's
 * received_amount are rollups of those records. Reps see the targets assigned to them.
 */
import { createTestRuntime, forEachDatabase, type SessionClient, type TestRuntime } from '@tessera/runtime';
import { exampleDir } from './browser-harness';

forEachDatabase('payments and targets in the example', (getCtx) => {
  let server: TestRuntime;
  let admin: SessionClient;
  let manager: SessionClient;
  let sales1: SessionClient;
  let sales2: SessionClient;
  const users: Record<string, string> = {};

  const ok = async (client: SessionClient, method: string, path: string, body?: unknown) => {
    const res = await client.call(method, path, body);
    if (res.status >= 300) throw new Error(`${method} ${path}: ${res.status} ${res.text}`);
    return res.body.data;
  };

  beforeAll(async () => {
    server = await createTestRuntime({ appDir: exampleDir, databaseUrl: getCtx().databaseUrl, demoUsers: true });
    admin = server.admin;
    [manager, sales1, sales2] = await Promise.all(['manager', 'sales1', 'sales2'].map((u) => server.login(u, `${u}-demo-123`)));
    for (const u of (await admin.call('GET', '/api/admin/users')).body.data as Array<{ id: string; username: string }>) users[u.username] = u.id;
  }, 180_000);
  afterAll(() => server?.close());

  it('records partial and full payments as payment records summed into the plan and the contract', async () => {
    const customer = (await ok(admin, 'POST', '/api/customers', { name: 'Payments Test Valves', industry: 'manufacturing', level: 'B', region: 'east' })).id;
    const contract = (await ok(admin, 'POST', '/api/contracts', { name: 'Valves 2026', customer, amount: 100000 })).id;
    const plan = await ok(admin, 'POST', '/api/payment_plans', { name: 'Valves 2026 #1', contract, customer, due_date: '2026-12-31', amount: 60000 });
    const second = await ok(admin, 'POST', '/api/payment_plans', { name: 'Valves 2026 #2', contract, customer, due_date: '2027-03-31', amount: 40000 });
    expect(Number(plan.received_amount)).toBe(0);
    // The amount is asked for, by name.
    const missing = await admin.call('POST', `/api/payment_plans/${plan.id}/transitions/RECEIVE_PART`, {});
    expect(missing.status).toBe(422);
    expect(JSON.stringify(missing.body.error.details)).toContain('amount');
    const part = await ok(admin, 'POST', `/api/payment_plans/${plan.id}/transitions/RECEIVE_PART`, { amount: 25000, received_on: '2026-11-02' });
    expect(part.status).toBe('partially_paid');
    expect(Number((await ok(admin, 'GET', `/api/payment_plans/${plan.id}`)).received_amount)).toBe(25000);
    // A "partial" payment that would settle the plan is refused: that is the full payment.
    expect((await admin.call('POST', `/api/payment_plans/${plan.id}/transitions/RECEIVE_PART`, { amount: 35000, received_on: '2026-11-03' })).status).toBe(409);
    const full = await ok(admin, 'POST', `/api/payment_plans/${plan.id}/transitions/RECEIVE_ALL`, { received_on: '2026-12-20' });
    expect(full.status).toBe('paid');
    const paid = await ok(admin, 'GET', `/api/payment_plans/${plan.id}`);
    expect(Number(paid.received_amount)).toBe(60000);
    // When it arrived is asked for too: it decides whose target and which month it counts for.
    const undated = await admin.call('POST', `/api/payment_plans/${second.id}/transitions/RECEIVE_PART`, { amount: 10000 });
    expect(undated.status).toBe(422);
    expect(JSON.stringify(undated.body.error.details)).toContain('received_on');
    await ok(admin, 'POST', `/api/payment_plans/${second.id}/transitions/RECEIVE_PART`, { amount: 10000, received_on: '2027-01-15' });
    const payments = (await ok(admin, 'GET', `/api/payments?filter=${encodeURIComponent(JSON.stringify({ contract: { eq: contract } }))}&sort=amount`)) as Array<{ amount: unknown; payment_plan: string; customer: string; number: string }>;
    expect(payments.map((p) => Number(p.amount))).toEqual([10000, 25000, 35000]);
    expect(payments.every((p) => p.customer === customer && /^PAY-\d{4}-\d{5}$/.test(p.number))).toBe(true);
    expect(Number((await ok(admin, 'GET', `/api/contracts/${contract}`)).received_amount)).toBe(70000);
    // The rollup is the database's: a typed value is refused.
    expect((await admin.call('PATCH', `/api/payment_plans/${second.id}`, { received_amount: 40000 })).status).toBe(422);
    // A deleted payment no longer counts.
    const ten = payments.find((p) => Number(p.amount) === 10000)! as unknown as { id: string };
    expect((await admin.call('DELETE', `/api/payments/${ten.id}`)).status).toBe(204);
    expect(Number((await ok(admin, 'GET', `/api/contracts/${contract}`)).received_amount)).toBe(60000);
  }, 90_000);

  it('shows a rep the targets assigned to them, and no one else\'s', async () => {
    const year = 2026;
    const mine = await ok(manager, 'POST', '/api/sales_targets', { name: 'Li Wei 2026', assignee: users.sales1, year, amount: 1200000 });
    await ok(manager, 'POST', '/api/sales_targets', { name: 'Zhang Min 2026', assignee: users.sales2, year, amount: 900000 });
    const seen = (await ok(sales1, 'GET', '/api/sales_targets')) as Array<{ id: string; name: string }>;
    expect(seen.map((t) => t.name)).toEqual(['Li Wei 2026']);
    expect((await sales1.call('GET', `/api/sales_targets/${mine.id}`)).status).toBe(200);
    expect(((await ok(sales2, 'GET', '/api/sales_targets')) as Array<{ name: string }>).map((t) => t.name)).toEqual(['Zhang Min 2026']);
    expect((await sales1.call('PATCH', `/api/sales_targets/${mine.id}`, { amount: 1 })).status).toBe(403);
  }, 180_000);
});
