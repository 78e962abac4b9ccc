/**
 * Rollups over matching records (a target's achievement: the payments credited to its
 * salesperson, received in its year or month) and averages (a customer's satisfaction), kept
 * by database triggers whoever writes: the API, a bulk SQL insert, a re-credit, a moved date,
 * a deletion, a target created after its payments. Numbers computed by hand in the comments.
 */
import type { AppDefinition, FieldDefinition } from '@tessera/metadata';
import { createTestRuntime, forEachDatabase, type TestRuntime } from '@tessera/runtime';

const f = (id: string, type: string, extra: Partial<FieldDefinition> = {}): FieldDefinition => ({ 'x-id': id, 'x-type': type, 'x-label': { en: id }, ...extra }) as FieldDefinition;

/** The app without the target's rollups (`bare`), to add and remove them by publishing. */
const appWithout = (): AppDefinition => {
  const copy = JSON.parse(JSON.stringify(app)) as AppDefinition;
  delete copy.entities[0].properties.achieved;
  delete copy.entities[0].properties.payments;
  return copy;
};

const app = {
  name: 'rollup_match', label: { en: 'Rollups by match' }, layouts: [],
  entities: [
    {
      type: 'object', 'x-name': 'target', 'x-plural': 'targets', 'x-label': { en: 'Target' },
      properties: {
        name: f('t_name', 'text'),
        assignee: f('t_assignee', 'user'),
        year: f('t_year', 'number', { 'x-scale': 0 }),
        month: f('t_month', 'number', { 'x-scale': 0, minimum: 1, maximum: 12 }),
        amount: f('t_amount', 'currency', { 'x-precision': 18, 'x-scale': 2 }),
        achieved: f('t_achieved', 'rollup', { 'x-rollup': { entity: 'payment', match: { field: 'credited_to', equals: 'assignee' }, period: { date: 'received_on', year: 'year', month: 'month' }, fn: 'sum', field: 'amount' } }),
        payments: f('t_payments', 'rollup', { 'x-rollup': { entity: 'payment', match: { field: 'credited_to', equals: 'assignee' }, period: { date: 'received_on', year: 'year', month: 'month' }, fn: 'count' } }),
      },
    },
    {
      type: 'object', 'x-name': 'payment', 'x-plural': 'payments', 'x-label': { en: 'Payment' }, 'x-soft-delete': true,
      properties: {
        amount: f('p_amount', 'currency', { 'x-precision': 18, 'x-scale': 2 }),
        credited_to: f('p_credited', 'user'),
        received_on: f('p_received', 'date'),
      },
    },
    {
      type: 'object', 'x-name': 'customer', 'x-plural': 'customers', 'x-label': { en: 'Customer' },
      properties: {
        name: f('c_name', 'text'),
        surveys: f('c_surveys', 'relation', { 'x-relation': { entity: 'survey', kind: 'one-to-many', field: 'customer' } }),
        satisfaction: f('c_satisfaction', 'rollup', { 'x-rollup': { relation: 'surveys', fn: 'avg', field: 'score' } }),
      },
    },
    {
      type: 'object', 'x-name': 'survey', 'x-plural': 'surveys', 'x-label': { en: 'Survey' }, 'x-soft-delete': true,
      properties: {
        customer: f('s_customer', 'relation', { 'x-relation': { entity: 'customer', kind: 'many-to-one', onDelete: 'cascade' } }),
        score: f('s_score', 'number', { 'x-scale': 0, minimum: 1, maximum: 5 }),
      },
    },
  ],
} as unknown as AppDefinition;

forEachDatabase('rollups over matching records, and averages', (getCtx) => {
  let rt: TestRuntime;
  let a = '';
  let b = '';
  beforeAll(async () => {
    rt = await createTestRuntime({ app, databaseUrl: getCtx().databaseUrl, dataDir: getCtx().dataDir });
    a = (await rt.createUser({ username: 'rep_a', password: 'rep-a-password-1', roles: ['admin'] })).id;
    b = (await rt.createUser({ username: 'rep_b', password: 'rep-b-password-1', roles: ['admin'] })).id;
  });
  afterAll(() => rt?.close());

  const create = async (plural: string, body: Record<string, unknown>) => {
    const res = await rt.admin.call('POST', `/api/${plural}`, body);
    expect([res.status, res.text.slice(0, 200)]).toEqual([201, expect.any(String)]);
    return res.body.data as Record<string, unknown> & { id: string };
  };
  const patch = async (plural: string, id: string, body: Record<string, unknown>) => expect((await rt.admin.call('PATCH', `/api/${plural}/${id}`, body)).status).toBe(200);
  const achieved = async (id: string) => {
    const t = (await rt.admin.call('GET', `/api/targets/${id}`)).body.data;
    return [t.achieved, t.payments];
  };

  it('sums each salesperson\'s payments in the target\'s month or year, and follows every change', async () => {
    const aYear = await create('targets', { name: 'A 2026', assignee: a, year: 2026, amount: 5000 });
    const aMarch = await create('targets', { name: 'A 2026-03', assignee: a, year: 2026, month: 3, amount: 1000 });
    const bMarch = await create('targets', { name: 'B 2026-03', assignee: b, year: 2026, month: 3, amount: 1000 });
    expect(aMarch).toMatchObject({ achieved: 0, payments: 0 });
    const p1 = await create('payments', { amount: 100, credited_to: a, received_on: '2026-03-01' });
    await create('payments', { amount: 250.5, credited_to: a, received_on: '2026-03-31' });
    const p3 = await create('payments', { amount: 1000, credited_to: a, received_on: '2026-04-01' });
    const p4 = await create('payments', { amount: 300, credited_to: b, received_on: '2026-03-15' });
    await create('payments', { amount: 999, credited_to: a, received_on: '2025-12-31' });
    await create('payments', { amount: 7, received_on: '2026-03-02' }); // credited to no one
    // A: March 100 + 250.5 = 350.5; the year adds April's 1000 = 1350.5 (2025's 999 is out). B: 300.
    expect(await achieved(aMarch.id)).toEqual([350.5, 2]);
    expect(await achieved(aYear.id)).toEqual([1350.5, 3]);
    expect(await achieved(bMarch.id)).toEqual([300, 1]);

    await patch('payments', p3.id, { received_on: '2026-03-10' }); // April → March: A March 1350.5, the year unchanged
    await patch('payments', p4.id, { credited_to: a }); // B's 300 re-credited to A: A March 1650.5, B 0
    expect(await achieved(aMarch.id)).toEqual([1650.5, 4]);
    expect(await achieved(aYear.id)).toEqual([1650.5, 4]);
    expect(await achieved(bMarch.id)).toEqual([0, 0]);
    expect((await rt.admin.call('DELETE', `/api/payments/${p1.id}`)).status).toBe(204); // soft-deleted: no longer counts
    expect(await achieved(aMarch.id)).toEqual([1550.5, 3]);
    expect((await rt.admin.call('POST', `/api/payments/${p1.id}/restore`)).status).toBe(200);
    expect(await achieved(aMarch.id)).toEqual([1650.5, 4]);

    // The target's own period or salesperson moves: it recounts itself.
    await patch('targets', aMarch.id, { month: 4 });
    expect(await achieved(aMarch.id)).toEqual([0, 0]);
    await patch('targets', aMarch.id, { month: 3, assignee: b });
    expect(await achieved(aMarch.id)).toEqual([0, 0]);
    await patch('targets', aMarch.id, { assignee: a });
    expect(await achieved(aMarch.id)).toEqual([1650.5, 4]);
    // A target set after its payments already counts them: A's 2025 is the 999.
    expect(await create('targets', { name: 'A 2025', assignee: a, year: 2025, amount: 1 })).toMatchObject({ achieved: 999, payments: 1 });
    // Never typed.
    const typed = await rt.admin.call('PATCH', `/api/targets/${aYear.id}`, { achieved: 1 });
    expect(typed.status).toBe(422);
    expect(JSON.stringify(typed.body.error.details)).toContain('achieved');
  });

  it('counts payments written behind the API\'s back and many at once', async () => {
    const target = await create('targets', { name: 'B 2027-01', assignee: b, year: 2027, month: 1, amount: 1 });
    const table = rt.runtime.knex.withSchema('app_rollup_match').table('payment');
    await table.insert([1, 2, 3].map((n) => ({ amount: n, credited_to: b, received_on: '2027-01-0' + n, created_by: b, owner: b })));
    expect(await achieved(target.id)).toEqual([6, 3]);
    // 20 concurrent writers to one target: each recount waits on the target's row, none is lost.
    await Promise.all(Array.from({ length: 20 }, () => create('payments', { amount: 10, credited_to: b, received_on: '2027-01-20' })));
    expect(await achieved(target.id)).toEqual([206, 23]);
  });

  it('averages survey scores into the customer\'s satisfaction (none: unknown)', async () => {
    const customer = await create('customers', { name: 'Rated' });
    expect(customer.satisfaction).toBeNull();
    const s1 = await create('surveys', { customer: customer.id, score: 5 });
    await create('surveys', { customer: customer.id, score: 4 });
    await create('surveys', { customer: customer.id, score: 4 });
    const read = async () => (await rt.admin.call('GET', `/api/customers/${customer.id}`)).body.data.satisfaction as number | null;
    expect(await read()).toBeCloseTo(13 / 3, 8); // (5 + 4 + 4) / 3
    await patch('surveys', s1.id, { score: 1 });
    expect(await read()).toBe(3); // (1 + 4 + 4) / 3
    expect((await rt.admin.call('DELETE', `/api/surveys/${s1.id}`)).status).toBe(204);
    expect(await read()).toBe(4);
  });
});

forEachDatabase('rollups over matching records: publishing', (getCtx) => {
  let rt: TestRuntime;
  beforeAll(async () => {
    rt = await createTestRuntime({ app: appWithout(), databaseUrl: getCtx().databaseUrl, dataDir: getCtx().dataDir });
  });
  afterAll(() => rt?.close());

  it('computes a rollup added to existing records, and drops its triggers when removed', async () => {
    const rep = (await rt.createUser({ username: 'rep_c', password: 'rep-c-password-1', roles: ['admin'] })).id;
    const target = (await rt.admin.call('POST', '/api/targets', { name: 'C 2026-02', assignee: rep, year: 2026, month: 2, amount: 1 })).body.data;
    expect((await rt.admin.call('POST', '/api/payments', { amount: 40, credited_to: rep, received_on: '2026-02-28' })).status).toBe(201);
    const added = await rt.admin.call('POST', '/api/_meta/publish', { app, baseVersion: 1 });
    expect(added.status).toBe(200);
    expect((await rt.admin.call('GET', `/api/targets/${target.id}`)).body.data).toMatchObject({ achieved: 40, payments: 1 });
    const removed = await rt.admin.call('POST', '/api/_meta/publish', { app: appWithout(), baseVersion: added.body.version, confirmDestructive: true });
    expect([removed.status, removed.text.slice(0, 300)]).toEqual([200, expect.any(String)]);
    // The triggers went with the columns: both tables still take writes.
    expect((await rt.admin.call('POST', '/api/payments', { amount: 1, credited_to: rep, received_on: '2026-02-01' })).status).toBe(201);
    expect((await rt.admin.call('PATCH', `/api/targets/${target.id}`, { month: 3 })).status).toBe(200);
  });
});
