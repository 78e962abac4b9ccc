/**
 * The example's computed business numbers, with an injected clock (jobs' time zone
 * Asia/Shanghai): a payment plan is overdue the day after its due date, not 30 days after
 * invoicing, and a moved due date moves that day; a sales target's achievement is the payments
 * credited to its salesperson in its year or month; a customer's satisfaction is the average
 * of its surveys. Numbers computed by hand in the comments.
 */
import { createTestRuntime, forEachDatabase, type SessionClient, type TestRuntime } from '@tessera/runtime';
import { exampleDir } from './browser-harness';

forEachDatabase('due dates, target achievement and satisfaction in the example', (getCtx) => {
  let server: TestRuntime;
  let admin: SessionClient;
  let manager: SessionClient;
  let sales1: SessionClient;
  let sales2: SessionClient;
  const users: Record<string, string> = {};
  // 2026-06-10 10:00 in Shanghai.
  let clock = new Date('2026-06-10T02:00:00Z');
  const at = (iso: string) => { clock = new Date(iso); };
  const sweep = async () => expect(await server.runtime.jobs.run('workflows:date-timers')).toBe('ran');

  const ok = async (client: SessionClient, method: string, path: string, body?: unknown) => {
    const res = await client.call(method, path, body);
    if (res.status >= 300) throw new Error(`${method} ${path}: ${res.status} ${res.text}`);
    return res.body.data;
  };
  /** A contract of a new customer with one plan per entry, each handed to `rep` (whose targets its payments count for). */
  async function plans(rep: string, name: string, entries: Array<{ amount: number; due: string }>): Promise<string[]> {
    const customer = (await ok(admin, 'POST', '/api/customers', { name, industry: 'manufacturing', level: 'B', region: 'east' })).id;
    const contract = (await ok(admin, 'POST', '/api/contracts', { name: `${name} contract`, customer, amount: entries.reduce((s, e) => s + e.amount, 0) })).id;
    const ids: string[] = [];
    for (const [i, e] of entries.entries()) {
      const plan = await ok(admin, 'POST', '/api/payment_plans', { name: `${name} #${i + 1}`, contract, customer, due_date: e.due, amount: e.amount });
      await ok(admin, 'POST', `/api/payment_plans/${plan.id}/transfer`, { owner: users[rep] });
      ids.push(plan.id);
    }
    return ids;
  }
  const statusOf = async (id: string) => (await ok(admin, 'GET', `/api/payment_plans/${id}`)).status as string;

  beforeAll(async () => {
    server = await createTestRuntime({ appDir: exampleDir, databaseUrl: getCtx().databaseUrl, dataDir: getCtx().dataDir, demoUsers: true, now: () => clock });
    await server.runtime.jobs.idle();
    admin = server.admin;
    [manager, sales1, sales2] = await Promise.all(['manager', 'sales1', 'sales2'].map((u) => server.login(u, `${u}-demo-123`)));
    for (const u of (await admin.call('GET', '/api/admin/users')).body.data as Array<{ id: string; username: string }>) users[u.username] = u.id;
  }, 180_000);
  afterAll(() => server?.close());

  it('makes an unpaid plan overdue the day after its due date, invoiced or not, and follows a moved due date', async () => {
    const [tomorrow, invoiced, moved, paid] = await plans('sales1', 'Due Date Pumps', [
      { amount: 10000, due: '2026-06-11' },
      { amount: 20000, due: '2026-06-11' },
      { amount: 30000, due: '2026-06-11' },
      { amount: 40000, due: '2026-06-11' },
    ]);
    await ok(sales1, 'POST', `/api/payment_plans/${invoiced}/transitions/INVOICE`, {});
    await ok(sales1, 'POST', `/api/payment_plans/${paid}/transitions/RECEIVE_ALL`, { received_on: '2026-06-10' });
    await sweep();
    expect(await statusOf(tomorrow)).toBe('planned'); // due tomorrow: not overdue today
    at('2026-06-11T15:55:00Z'); // 23:55 on the due date: still in time
    await sweep();
    expect(await statusOf(invoiced)).toBe('invoiced');
    // The rep moves one plan's due date; then the day after the old due date begins.
    await ok(sales1, 'PATCH', `/api/payment_plans/${moved}`, { due_date: '2026-06-20' });
    at('2026-06-11T16:00:00Z');
    await sweep();
    expect([await statusOf(tomorrow), await statusOf(invoiced), await statusOf(moved), await statusOf(paid)]).toEqual(['overdue', 'overdue', 'planned', 'paid']);
    const history = await server.runtime.knex('tessera.workflow_history').where({ record_id: invoiced }).orderBy('at').pluck('event');
    expect(history).toEqual(['INVOICE', 'after:86400000:due_date']);
    // The owner hears of it, in both languages.
    const note = (await server.runtime.knex('tessera.outbox').where({ kind: 'notify' }).pluck('payload'))
      .map((p: unknown) => (typeof p === 'string' ? JSON.parse(p) : p) as { recordId: string; to: string[]; body: string; localized?: { zh?: { body: string } } })
      .find((n) => n.recordId === tomorrow)!;
    expect(note.to).toEqual([users.sales1]);
    expect(note.body).toBe('Payment Due Date Pumps #1 (10000) was due on 2026-06-11 and is overdue.');
    expect(note.localized?.zh?.body).toBe('回款计划 Due Date Pumps #1（10000）应于 2026-06-11 回款，现已逾期。');
    at('2026-06-20T15:00:00Z');
    await sweep();
    expect(await statusOf(moved)).toBe('planned');
    at('2026-06-20T16:00:00Z');
    await sweep();
    expect(await statusOf(moved)).toBe('overdue');
    // Paid late, it leaves overdue for good.
    await ok(sales1, 'POST', `/api/payment_plans/${moved}/transitions/RECEIVE_ALL`, { received_on: '2026-06-22' });
    expect(await statusOf(moved)).toBe('paid');
  });

  it('computes each rep\'s target achievement from the payments credited to them in the period', async () => {
    const target = (name: string, rep: string, amount: number, month?: number) => ok(manager, 'POST', '/api/sales_targets', { name, assignee: users[rep], year: 2027, ...(month ? { month } : {}), amount });
    const li = { year: await target('Li Wei 2027', 'sales1', 1_200_000), march: await target('Li Wei 2027-03', 'sales1', 80_000, 3) };
    const zhang = { year: await target('Zhang Min 2027', 'sales2', 900_000), march: await target('Zhang Min 2027-03', 'sales2', 50_000, 3) };
    const [liPlan] = await plans('sales1', 'Target Valves', [{ amount: 100_000, due: '2027-12-31' }]);
    const [zhangPlan] = await plans('sales2', 'Target Gauges', [{ amount: 50_000, due: '2027-12-31' }]);
    // Recorded by the rep, or by the manager for them: credited to the plan's owner either way.
    await ok(sales1, 'POST', `/api/payment_plans/${liPlan}/transitions/RECEIVE_PART`, { amount: 30_000, received_on: '2027-03-05' });
    await ok(manager, 'POST', `/api/payment_plans/${zhangPlan}/transitions/RECEIVE_PART`, { amount: 12_500, received_on: '2027-03-20' });
    await ok(manager, 'POST', `/api/payment_plans/${liPlan}/transitions/RECEIVE_ALL`, { received_on: '2027-04-02' }); // the remaining 70,000
    const read = async (client: SessionClient, id: string) => {
      const t = await ok(client, 'GET', `/api/sales_targets/${id}`);
      return [Number(t.achieved_amount), t.achieved_percent];
    };
    // Li Wei: March 30,000 of 80,000 = 37.5 %; 2027: 30,000 + 70,000 = 100,000 of 1,200,000 = 8.33… → 8.3 %.
    expect(await read(sales1, li.march.id)).toEqual([30_000, 37.5]);
    expect(await read(sales1, li.year.id)).toEqual([100_000, 8.3]);
    // Zhang Min: March 12,500 of 50,000 = 25 %; 2027: 12,500 of 900,000 = 1.38… → 1.3 %.
    expect(await read(sales2, zhang.march.id)).toEqual([12_500, 25]);
    expect(await read(sales2, zhang.year.id)).toEqual([12_500, 1.3]);
    // Each rep reads only their own targets; the manager all of them.
    expect(((await ok(sales1, 'GET', '/api/sales_targets?filter=' + encodeURIComponent(JSON.stringify({ year: { eq: 2027 } })))) as Array<{ name: string }>).map((t) => t.name).sort()).toEqual(['Li Wei 2027', 'Li Wei 2027-03']);
    expect((await sales2.call('GET', `/api/sales_targets/${li.year.id}`)).status).toBe(404);
    // The achievement is never typed, not even by the manager.
    expect((await manager.call('PATCH', `/api/sales_targets/${li.year.id}`, { achieved_amount: 1 })).status).toBe(422);
    // A payment credited to the wrong rep is re-credited by the manager: both targets follow.
    const payments = (await ok(manager, 'GET', `/api/payments?filter=${encodeURIComponent(JSON.stringify({ payment_plan: { eq: zhangPlan } }))}`)) as Array<{ id: string; credited_to: string }>;
    expect(payments.map((p) => p.credited_to)).toEqual([users.sales2]);
    await ok(manager, 'PATCH', `/api/payments/${payments[0].id}`, { credited_to: users.sales1 });
    expect(await read(sales1, li.march.id)).toEqual([42_500, 53.1]); // 42,500 / 80,000 = 53.125 %
    expect(await read(sales2, zhang.march.id)).toEqual([0, 0]);
  });

  it('averages a customer\'s survey scores into its satisfaction', async () => {
    const customer = await ok(admin, 'POST', '/api/customers', { name: 'Survey Motors', industry: 'energy', level: 'A', region: 'north' });
    expect(customer.satisfaction).toBeNull();
    const first = await ok(admin, 'POST', '/api/surveys', { title: 'Q1', customer: customer.id, score: 5 });
    await ok(admin, 'POST', '/api/surveys', { title: 'Q2', customer: customer.id, score: 4 });
    await ok(admin, 'POST', '/api/surveys', { title: 'Q3', customer: customer.id, score: 2 });
    const satisfaction = async () => (await ok(admin, 'GET', `/api/customers/${customer.id}`)).satisfaction;
    expect(await satisfaction()).toBeCloseTo(11 / 3, 8); // (5 + 4 + 2) / 3
    expect((await admin.call('DELETE', `/api/surveys/${first.id}`)).status).toBe(204);
    expect(await satisfaction()).toBe(3); // (4 + 2) / 2
    expect((await admin.call('PATCH', `/api/customers/${customer.id}`, { satisfaction: 5 })).status).toBe(422);
  }, 180_000);
});
