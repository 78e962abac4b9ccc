/**
 * The CRM's metrics (issue 21, ADR 0053) over real HTTP on PGlite and PostgreSQL, each against
 * a small fixture whose numbers are worked out by hand in the comments. The workspace calendar
 * is Asia/Shanghai (TESSERA_JOBS_TZ's default): records a few hours either side of midnight
 * fall on the Shanghai day, not the UTC one. The clock is 2025-02-15, so "this month" is February.
 */
import { createTestRuntime, forEachDatabase, type SessionClient, type TestRuntime } from '@tessera/runtime';
import { exampleDir } from './browser-harness';

const Q1 = 'range=custom&from=2025-01-01&to=2025-03-31';
const FEBRUARY = 'range=custom&from=2025-02-01&to=2025-02-28';

forEachDatabase('the CRM metrics against a hand-computed fixture', (getCtx) => {
  let server: TestRuntime;
  const as: Record<string, SessionClient> = {};
  const ids: Record<string, string> = {};
  const table = (entity: string) => server.runtime.knex.withSchema('app_crm').table(entity);

  const create = async (plural: string, body: Record<string, unknown>): Promise<string> => {
    const res = await server.admin.call('POST', `/api/${plural}`, body);
    if (res.status !== 201) throw new Error(`POST /api/${plural}: ${res.status} ${res.text}`);
    return res.body.data.id;
  };
  /** A record made by the admin, then given its owner, its creation time and its state as the fixture says. */
  const record = async (entity: string, plural: string, body: Record<string, unknown>, columns: Record<string, unknown>) => {
    const id = await create(plural, body);
    await table(entity).where({ id }).update(columns);
    return id;
  };
  /** A workflow history row: the record moved `from` → `to` at `at`. */
  const moved = (entity: string, workflow: string, recordId: string, from: string, to: string, at: string) =>
    server.runtime.knex('tessera.workflow_history').insert({ entity, record_id: recordId, workflow, workflow_version: 1, app_version: 1, from_state: from, to_state: to, event: 'FIXTURE', at });

  const metric = async (who: string, name: string, query = Q1) => {
    const res = await as[who].call('GET', `/api/_metrics/${name}?${query}`);
    if (res.status !== 200) throw new Error(`${who} ${name}?${query}: ${res.status} ${res.text}`);
    return res.body.data;
  };
  const figure = async (who: string, name: string, query = Q1) => (await metric(who, name, query)).rows[0];

  beforeAll(async () => {
    server = await createTestRuntime({ appDir: exampleDir, databaseUrl: getCtx().databaseUrl, dataDir: getCtx().dataDir, demoUsers: true, now: () => new Date('2025-02-15T04:00:00Z') });
    for (const u of (await server.admin.call('GET', '/api/admin/users')).body.data as { id: string; username: string }[]) ids[u.username] = u.id;
    for (const u of ['sales1', 'sales2', 'manager', 'executive', 'marketing', 'service']) as[u] = await server.login(u, `${u}-demo-123`);
    const { sales1, sales2 } = ids;

    // Leads, dated by creation. Q1 in Shanghai: L3 (Apr 1, 00:30 there) is out, L4 (Jan 1, 00:30 there) is in.
    for (const [name, owner, createdAt, status] of [
      ['L1', sales1, '2025-01-10T10:00:00+08:00', 'converted'],
      ['L2', sales1, '2025-02-01T10:00:00+08:00', 'new'],
      ['L3', sales1, '2025-03-31T16:30:00Z', 'converted'],
      ['L4', sales1, '2024-12-31T16:30:00Z', 'disqualified'],
      ['L5', sales2, '2025-02-15T10:00:00+08:00', 'converted'],
      ['L6', sales2, '2025-03-01T10:00:00+08:00', 'converted'],
      ['L7', sales2, '2025-03-02T10:00:00+08:00', 'contacted'],
    ]) await record('lead', 'leads', { name: `Metric lead ${name}` }, { owner, created_at: createdAt, status });

    // Customers, with their lifecycle as the workflow history tells it (churn is measured over February).
    const customer = (name: string, owner: string, lifecycle: string) => record('customer', 'customers', { name: `Metric customer ${name}` }, { owner, created_at: '2024-06-01T10:00:00+08:00', lifecycle });
    const lifecycle = (id: string, steps: [string, string, string][]) => Promise.all(steps.map(([from, to, at]) => moved('customer', 'customer_lifecycle', id, from, to, at)));
    const c1 = await customer('C1', sales1, 'lost');
    await lifecycle(c1, [['prospect', 'active', '2024-07-01T10:00:00+08:00'], ['active', 'lost', '2025-02-10T10:00:00+08:00']]);
    const c2 = await customer('C2', sales1, 'active');
    await lifecycle(c2, [['prospect', 'active', '2024-07-01T10:00:00+08:00']]);
    const c3 = await customer('C3', sales1, 'lost');
    await lifecycle(c3, [['prospect', 'active', '2024-07-01T10:00:00+08:00'], ['active', 'key_account', '2024-09-01T10:00:00+08:00'], ['key_account', 'lost', '2025-03-05T10:00:00+08:00']]);
    const c4 = await customer('C4', sales1, 'lost');
    await lifecycle(c4, [['prospect', 'active', '2024-08-01T10:00:00+08:00'], ['active', 'lost', '2025-01-15T10:00:00+08:00']]);
    const c5 = await customer('C5', sales1, 'lost');
    await table('customer').where({ id: c5 }).update({ created_at: '2025-02-05T10:00:00+08:00' });
    await lifecycle(c5, [['prospect', 'active', '2025-02-06T10:00:00+08:00'], ['active', 'lost', '2025-02-20T10:00:00+08:00']]);
    await customer('C6', sales1, 'active'); // imported as active: no history, so its state then is its state now
    const c7 = await customer('C7', sales2, 'lost');
    await lifecycle(c7, [['prospect', 'active', '2024-07-01T10:00:00+08:00'], ['active', 'dormant', '2024-12-01T10:00:00+08:00'], ['dormant', 'lost', '2025-02-25T10:00:00+08:00']]);
    await customer('C8', sales2, 'prospect');
    const c9 = await customer('C9', sales2, 'active');
    // 23:30 on 31 January in UTC is already 1 February in Shanghai: after the start of the month.
    await lifecycle(c9, [['prospect', 'active', '2025-01-31T16:30:00Z']]);

    // Opportunities, closed (won or lost) by their close date.
    for (const [name, owner, stage, close, createdAt, amount] of [
      ['O1', sales1, 'won', '2025-01-20', '2024-12-21T10:00:00+08:00', 100000],
      ['O2', sales1, 'lost', '2025-02-10', '2025-01-02T10:00:00+08:00', 5000],
      ['O3', sales1, 'won', '2025-03-31', '2025-03-01T23:30:00+08:00', 50000],
      ['O4', sales1, 'won', '2025-04-01', '2025-03-01T10:00:00+08:00', 70000],
      ['O5', sales1, 'proposal', '2025-02-01', '2025-01-05T10:00:00+08:00', 9000],
      ['O6', sales2, 'won', '2025-02-14', '2025-02-04T07:00:00+08:00', 20000],
      ['O7', sales2, 'lost', '2025-03-15', '2025-01-10T10:00:00+08:00', 8000],
      ['O8', sales2, 'lost', '2025-01-05', '2024-11-10T10:00:00+08:00', 6000],
      ['O9', sales2, 'won', '2025-03-20', '2025-01-19T12:00:00+08:00', 30000],
    ] as const) await record('opportunity', 'opportunities', { name: `Metric deal ${name}`, customer: owner === sales1 ? c2 : c9, amount, expected_close: close }, { owner, stage, created_at: createdAt });

    // Monthly targets (and one yearly, which the metric leaves out), then the payments credited against them.
    for (const [assignee, month, amount] of [[sales1, 1, 20000], [sales1, 2, 20000], [sales2, 3, 50000], [sales1, 4, 10000], [sales1, null, 100000]] as const) {
      await create('sales_targets', { name: `Metric target ${month ?? 'year'}`, assignee, year: 2025, ...(month ? { month } : {}), amount });
    }
    const contract = await create('contracts', { name: 'Metric contract', customer: c1 });
    const plan = (due: string, amount: number) => create('payment_plans', { name: `Metric plan ${due}`, contract, customer: c1, due_date: due, amount });
    const [pl1, pl2, pl3, pl4, pl5] = [await plan('2025-01-31', 10000), await plan('2025-02-28', 40000), await plan('2025-03-31', 30000), await plan('2025-04-30', 40000), await plan('2025-02-15', 5000)];
    await plan('2025-03-15', 15000);
    for (const [planId, customerId, amount, on, credited] of [
      [pl1, c1, 10000, '2025-01-10', sales1],
      [pl2, c1, 20000, '2025-02-10', sales1],
      [pl3, c2, 30000, '2025-03-10', sales2],
      [pl4, c3, 40000, '2025-04-10', sales1],
      [pl5, null, 5000, '2025-02-01', sales1],
    ] as const) await create('payments', { payment_plan: planId, ...(customerId ? { customer: customerId } : {}), amount, received_on: on, credited_to: credited });

    // Surveys: S3 at 07:00 on 1 February in Shanghai is still 31 January in UTC.
    for (const [customerId, score, at] of [[c1, 4, '2025-01-05T10:00:00+08:00'], [c2, 2, '2025-01-20T10:00:00+08:00'], [c1, 5, '2025-02-01T07:00:00+08:00'], [c3, 3, '2025-03-10T10:00:00+08:00']] as const) {
      await create('surveys', { title: `Metric survey ${at}`, customer: customerId, score, surveyed_at: at });
    }
  }, 240_000);
  afterAll(() => server?.close());

  it('lead conversion, win rate, deal cycle and average deal size over the first quarter, on the Shanghai calendar', async () => {
    // Leads created in Q1: L1, L2, L4, L5, L6, L7 = 6; converted: L1, L5, L6 = 3.
    expect(await figure('manager', 'lead_conversion')).toEqual({ value: 0.5, numerator: 3, denominator: 6 });
    // Closed in Q1: O1 O3 O6 O9 won, O2 O7 O8 lost (O4 closes in April, O5 is open): 4 / 7.
    expect(await figure('manager', 'win_rate')).toEqual({ value: 4 / 7, numerator: 4, denominator: 7 });
    // Won in Q1, days from creation (Shanghai day) to close: O1 30, O3 30, O6 10 (created 4 Feb there, 3 Feb in UTC), O9 60 → 32.5.
    expect(await figure('manager', 'deal_cycle')).toEqual({ value: 32.5 });
    const size = await metric('manager', 'average_deal_size');
    expect(size).toMatchObject({ name: 'average_deal_size', format: 'currency', currency: 'CNY', group: null, range: { gte: '2025-01-01', lt: '2025-04-01' } });
    // (100000 + 50000 + 20000 + 30000) / 4.
    expect(size.rows).toEqual([{ value: 50000 }]);
  });

  it('a rep sees their own numbers, a manager their department\'s; owner and group narrow them, never widen', async () => {
    expect(await figure('sales1', 'win_rate')).toEqual({ value: 2 / 3, numerator: 2, denominator: 3 }); // O1 O3 of O1 O2 O3
    expect(await figure('sales2', 'win_rate')).toEqual({ value: 0.5, numerator: 2, denominator: 4 }); // O6 O9 of O6 O7 O8 O9
    expect(await figure('sales1', 'lead_conversion')).toEqual({ value: 1 / 3, numerator: 1, denominator: 3 }); // L1 of L1 L2 L4
    expect(await figure('sales2', 'deal_cycle')).toEqual({ value: 35 }); // O6 10, O9 60
    const byOwner = await metric('manager', 'win_rate', `${Q1}&group=owner`);
    expect(byOwner.group).toBe('owner');
    expect(byOwner.rows).toEqual(expect.arrayContaining([{ key: ids.sales1, value: 2 / 3, numerator: 2, denominator: 3 }, { key: ids.sales2, value: 0.5, numerator: 2, denominator: 4 }]));
    expect(byOwner.rows).toHaveLength(2);
    expect(await figure('manager', 'win_rate', `${Q1}&owner=${ids.sales2}`)).toEqual({ value: 0.5, numerator: 2, denominator: 4 });
    // The manager's teams (East and West) are both reps and the manager.
    expect(await figure('manager', 'win_rate', `${Q1}&owner=team`)).toEqual({ value: 4 / 7, numerator: 4, denominator: 7 });
    // The manager owns no deal: no value, rather than 0 %.
    expect(await figure('manager', 'win_rate', `${Q1}&owner=me`)).toEqual({ value: null, numerator: 0, denominator: 0 });
    // Asking for a colleague's deals shows a rep none of them.
    expect(await figure('sales1', 'win_rate', `${Q1}&owner=${ids.sales2}`)).toEqual({ value: null, numerator: 0, denominator: 0 });
  });

  it('churn: customers lost during the period out of those active at its start, from the workflow history', async () => {
    // At 1 February (Shanghai): C1 active, C2 active, C3 key account, C6 active (no history), C7 dormant = 5;
    // C4 already lost, C5 not yet created, C8 and C9 prospects. Lost in February of those: C1, C7 (C5 was not there at the start).
    expect(await figure('manager', 'churn_rate', FEBRUARY)).toEqual({ value: 0.4, numerator: 2, denominator: 5 });
    expect(await figure('sales1', 'churn_rate', FEBRUARY)).toEqual({ value: 0.25, numerator: 1, denominator: 4 });
    expect(await figure('sales2', 'churn_rate', FEBRUARY)).toEqual({ value: 1, numerator: 1, denominator: 1 });
    // No range asked: the metric's own, this month on the workspace calendar (the clock says 15 February 2025).
    const fallback = await metric('manager', 'churn_rate', '');
    expect(fallback.range).toEqual({ gte: '2025-02-01', lt: '2025-03-01' });
    expect(fallback.rows).toEqual([{ value: 0.4, numerator: 2, denominator: 5 }]);
    // Over March: active at its start C2, C3, C6, C9 (C1 and C7 were lost in February); C3 lost in March.
    expect(await figure('manager', 'churn_rate', 'range=custom&from=2025-03-01&to=2025-03-31')).toEqual({ value: 0.25, numerator: 1, denominator: 4 });
  });

  it('payments: lifetime value per paying customer, collection of what fell due, target achievement per person', async () => {
    // Received in Q1 with a customer: 10000 + 20000 (C1) + 30000 (C2) = 60000 over 2 customers.
    const clv = await metric('executive', 'customer_lifetime_value');
    expect(clv).toMatchObject({ format: 'currency', currency: 'CNY' });
    expect(clv.rows).toEqual([{ value: 30000, numerator: 60000, denominator: 2 }]);
    // Due in Q1: 10000 + 40000 + 30000 + 5000 + 15000 = 100000; received on those plans 10000 + 20000 + 30000 + 5000 = 65000.
    expect(await figure('executive', 'payment_collection')).toEqual({ value: 0.65, numerator: 65000, denominator: 100000 });
    // Monthly targets in Q1: sales1 Jan 20000 (achieved 10000), Feb 20000 (20000 + 5000), sales2 Mar 50000 (30000);
    // April's and the yearly target are not counted.
    expect(await figure('executive', 'target_achievement')).toEqual({ value: 65000 / 90000, numerator: 65000, denominator: 90000 });
    const perPerson = await metric('executive', 'target_achievement', `${Q1}&group=assignee`);
    expect(perPerson.rows).toEqual(expect.arrayContaining([{ key: ids.sales1, value: 0.875, numerator: 35000, denominator: 40000 }, { key: ids.sales2, value: 0.6, numerator: 30000, denominator: 50000 }]));
    // The owner filter of a target is its assignee; a rep reads the targets assigned to them.
    expect(await figure('executive', 'target_achievement', `${Q1}&owner=${ids.sales2}`)).toEqual({ value: 0.6, numerator: 30000, denominator: 50000 });
    expect(await figure('sales1', 'target_achievement')).toEqual({ value: 0.875, numerator: 35000, denominator: 40000 });
    // This month only (the clock's February): sales1's February target.
    expect(await figure('executive', 'target_achievement', 'range=this-month')).toEqual({ value: 1.25, numerator: 25000, denominator: 20000 });
  });

  it('satisfaction: the average score, and its trend by month on the workspace calendar', async () => {
    expect(await figure('executive', 'satisfaction')).toEqual({ value: 3.5 }); // (4 + 2 + 5 + 3) / 4
    const trend = await metric('executive', 'satisfaction', `${Q1}&group=surveyed_at:month`);
    expect(trend.rows).toEqual([{ key: '2025-01-01', value: 3 }, { key: '2025-02-01', value: 5 }, { key: '2025-03-01', value: 3 }]);
  });

  it('refuses what it cannot show, naming why', async () => {
    // Marketing may not see opportunity amounts: the average deal is refused, naming the field; the win rate is theirs.
    const hidden = await as.marketing.call('GET', `/api/_metrics/average_deal_size?${Q1}`);
    expect(hidden.status).toBe(400);
    expect(hidden.body.error).toEqual({
      code: 'metric_not_runnable',
      message: 'This metric cannot be shown to you: value.measure uses "amount" of opportunities, which your role may not see',
      details: [{ field: 'value.measure', rule: 'hidden', message: 'uses "amount" of opportunities, which your role may not see' }],
    });
    expect(await figure('marketing', 'win_rate')).toEqual({ value: 4 / 7, numerator: 4, denominator: 7 });
    expect((await as.service.call('GET', `/api/_metrics/win_rate?${Q1}`)).status).toBe(403);
    expect((await as.manager.call('GET', '/api/_metrics/no_such_metric')).status).toBe(404);
    const range = await as.manager.call('GET', '/api/_metrics/win_rate?range=yesterday');
    expect([range.status, range.body.error.code, range.body.error.details]).toEqual([400, 'invalid_query', [{ parameter: 'range', message: 'must be one of this-month, this-quarter, this-year, last-30-days, custom' }]]);
    const group = await as.manager.call('GET', `/api/_metrics/win_rate?${Q1}&group=industry`);
    expect([group.status, group.body.error.code]).toEqual([400, 'metric_not_runnable']);
    expect(group.body.error.details[0]).toMatchObject({ field: 'group', rule: 'invalid' });
    expect(group.body.error.message).toContain('industry');
    expect((await fetch(`${server.url}/api/_metrics/win_rate`)).status).toBe(401);
  });

  it('delivers metric cards as each viewer may use them', async () => {
    const cards = async (who: string, dashboard: string) => ((await as[who].call('GET', '/api/_meta/app')).body.app.dashboards as { name: string; metrics?: { id: string }[] }[])
      .find((d) => d.name === dashboard)?.metrics?.map((m) => m.id);
    expect(await cards('marketing', 'steering')).not.toContain('average-deal-size');
    expect(await cards('marketing', 'steering')).toContain('win-rate');
    expect(await cards('sales1', 'sales')).toEqual(['win-rate', 'lead-conversion']);
    expect(await cards('executive', 'steering')).toHaveLength(11);
  });
});
