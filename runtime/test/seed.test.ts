import path from 'node:path';
import { createTestRuntime, forEachDatabase, type TestRuntime } from '@tessera/runtime';
import { seedRuntimeApp } from '../src/seed/seed-runtime-app';

const exampleDir = path.resolve(__dirname, '..', '..', 'examples', 'crm');
// A fixed "today", so the two runs (and every machine) produce the same dates.
const today = new Date('2025-06-15T00:00:00Z');
const TABLES = ['survey', 'follow_up', 'payment_plan', 'order', 'contract', 'bid', 'opportunity', 'lead', 'contact', 'sales_target', 'customer'];

forEachDatabase('seeding the example CRM', (getCtx) => {
  let rt: TestRuntime;
  beforeAll(async () => {
    rt = await createTestRuntime({ appDir: exampleDir, demoUsers: true, databaseUrl: getCtx().databaseUrl, dataDir: getCtx().dataDir });
  }, 180_000);
  afterAll(() => rt?.close());

  const snapshot = async () => {
    const knex = rt.runtime.knex;
    const counts: Record<string, number> = {};
    for (const t of TABLES) counts[t] = Number((await knex.withSchema('app_crm').table(t).count({ n: '*' }).first())?.n);
    const first = (await knex.withSchema('app_crm').table('customer').select('name').orderBy('id').limit(5)).map((r) => r.name as string);
    return { counts, first };
  };

  it('seeds 1,000 customers the same way twice, and skips when data exists', async () => {
    const lines: string[] = [];
    let started = Date.now();
    const once = await seedRuntimeApp(rt.runtime, exampleDir, { customers: 1000, today }, (l) => lines.push(l));
    const firstMs = Date.now() - started;
    expect(once.kind).toBe('seeded');
    expect(lines).toContain('customers 40% (400/1000)');
    const a = await snapshot();
    expect(a.counts.customer).toBe(1000);
    expect(a.counts.contact).toBeGreaterThanOrEqual(1000);
    expect(a.counts.lead).toBe(500);

    const again = await seedRuntimeApp(rt.runtime, exampleDir, { customers: 1000, today });
    expect(again).toEqual({ kind: 'skipped', reason: '1000 customers already exist; the seed only fills an empty app' });

    // Empty the app and seed again: the same records, down to the names.
    await rt.runtime.knex.raw(`truncate ${TABLES.map((t) => `app_crm."${t}"`).join(', ')} cascade`);
    started = Date.now();
    expect((await seedRuntimeApp(rt.runtime, exampleDir, { customers: 1000, today })).kind).toBe('seeded');
    const secondMs = Date.now() - started;
    expect(await snapshot()).toEqual(a);
    console.log(`seed 1,000 customers [${getCtx().kind}]: ${firstMs} ms, then ${secondMs} ms; ${JSON.stringify(a.counts)}`);
  }, 300_000);

  it('gives the records to the demo users by role', async () => {
    const knex = rt.runtime.knex;
    const owners = await knex.raw(`select u.username, count(*)::int as n from app_crm.customer c join tessera.users u on u.id = c.owner group by 1 order by 2 desc`);
    const byUser = Object.fromEntries(owners.rows.map((r: { username: string; n: number }) => [r.username, r.n]));
    expect(byUser.sales1).toBeGreaterThan(300);
    expect(byUser.sales2).toBeGreaterThan(300);
    expect(byUser.partner).toBeGreaterThan(0);
    const surveys = await knex.raw(`select distinct u.username from app_crm.survey s join tessera.users u on u.id = s.owner`);
    expect(surveys.rows).toEqual([{ username: 'service' }]);
  });
});
