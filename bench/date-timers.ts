/**
 * bench/date-timers (issue 19, ADR 0050): the example CRM on a fresh PostgreSQL database with
 * 100,000 payment plans (due dates over two years, a quarter of them paid) and 9 users' sales
 * targets. Measures, with an injected clock:
 *  - a date-timer sweep with nothing due (the candidate queries' time and whether they use the
 *    (status, due_date, id) index), then one that makes `BENCH_DUE` plans overdue (per plan);
 *  - inserting 10,000 payments in one statement, then 300 one by one, with and without the
 *    triggers of the target achievement rollup (9 users with a yearly and 12 monthly targets).
 *
 *   TEST_DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npx tsx bench/date-timers.ts
 */
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { createTestRuntime } from '@tessera/runtime';
import knexFactory from 'knex';
import { withDatabase } from '../runtime/src/testing/for-each-database';

const PLANS = Number(process.env.BENCH_PLANS ?? 100_000);
const DUE = Number(process.env.BENCH_DUE ?? 1_000);
const PAYMENTS = Number(process.env.BENCH_PAYMENTS ?? 10_000);
const SINGLES = Number(process.env.BENCH_SINGLES ?? 300);
const exampleDir = path.resolve(__dirname, '../examples/crm');

async function main() {
  const server = process.env.TEST_DATABASE_URL;
  if (!server) throw new Error('Set TEST_DATABASE_URL (a PostgreSQL server; a database is created and dropped)');
  const name = `tessera_bench_${randomBytes(4).toString('hex')}`;
  const admin = knexFactory({ client: 'pg', connection: server, pool: { min: 0, max: 1 } });
  await admin.raw('create database ??', [name]);
  // 2026-01-01 10:00 in Shanghai; plans fall due from 2025-01-01 on, one day per PLANS/730 plans.
  let clock = new Date('2026-01-01T02:00:00Z');
  const rt = await createTestRuntime({ appDir: exampleDir, databaseUrl: withDatabase(server, name), demoUsers: true, now: () => clock });
  try {
    const knex = rt.runtime.knex;
    await rt.runtime.jobs.idle();
    const { id: owner } = await knex('tessera.users').where({ username: 'sales1' }).first('id');
    const customer = (await rt.admin.call('POST', '/api/customers', { name: 'Bench customer' })).body.data.id;
    const contract = (await rt.admin.call('POST', '/api/contracts', { name: 'Bench contract', customer, amount: 1 })).body.data.id;
    // Due dates from 2026-01-02 on (none due yet at the clock), a quarter paid, the rest planned/invoiced/partly paid.
    await knex.raw(
      `insert into app_crm.payment_plan (id, version, name, contract, customer, due_date, amount, status, owner, created_by)
       select gen_random_uuid(), 1, 'Plan ' || i, ?::uuid, ?::uuid, date '2026-01-02' + (i % 730), 1000, (array['planned','invoiced','partially_paid','paid'])[i % 4 + 1], ?::uuid, ?::uuid
       from generate_series(1, ?) as i`,
      [contract, customer, owner, owner, PLANS],
    );
    await knex.raw('analyze app_crm.payment_plan');

    clock = new Date(clock.getTime() + 300_000); // the next slot: the start-up catch-up may have run this one
    let started = performance.now();
    const outcome = await rt.runtime.jobs.run('workflows:date-timers');
    if (outcome !== 'ran') throw new Error(`the sweep did not run: ${outcome} ${JSON.stringify(await rt.runtime.jobs.list())}`);
    const idleMs = performance.now() - started;
    // The sweep's candidate query per date timer (fire-date-timers), for its plan: the last due day is the clock's day minus one.
    const queries = ['planned', 'invoiced', 'partially_paid'].map((state) => knex.withSchema('app_crm').table('payment_plan').where('status', state).where('due_date', '<=', '2025-12-31')
      .whereNull('deleted_at').orderBy(['due_date', 'id']).limit(200).select('id', 'due_date').toString());
    const plans = [];
    for (const q of queries) plans.push(((await knex.raw(`explain (analyze, format json) ${q}`)).rows[0]['QUERY PLAN'][0]) as { Plan: Record<string, unknown>; 'Execution Time': number });
    const indexes = plans.map((p) => JSON.stringify(p.Plan).match(/"Index Name":"([^"]+)"/)?.[1] ?? 'none');

    // Move the clock so that DUE unpaid plans have passed their due date (3 of 4 states are unpaid).
    const days = Math.ceil(DUE / ((PLANS / 730) * 0.75));
    clock = new Date(clock.getTime() + (days + 1) * 86_400_000);
    const before = Number((await knex('app_crm.payment_plan').where({ status: 'overdue' }).count({ n: '*' }))[0].n);
    started = performance.now();
    if ((await rt.runtime.jobs.run('workflows:date-timers')) !== 'ran') throw new Error('the sweep did not run');
    const dueMs = performance.now() - started;
    const fired = Number((await knex('app_crm.payment_plan').where({ status: 'overdue' }).count({ n: '*' }))[0].n) - before;

    // Payments: 9 users, each with a yearly and 12 monthly targets; payments over 2026 credited round-robin.
    const reps: string[] = (await knex('tessera.users').limit(9).pluck('id'));
    await knex.raw(
      `insert into app_crm.sales_target (id, version, name, assignee, year, month, amount, owner, created_by)
       select gen_random_uuid(), 1, 'T', r, 2026, m, 1000, ?::uuid, ?::uuid from unnest(?::uuid[]) as r, (select null::int as m union all select generate_series(1, 12)) ms`,
      [owner, owner, reps],
    );
    const plan = (await knex('app_crm.payment_plan').first('id')).id;
    const insertPayments = async () => {
      const t = performance.now();
      await knex.raw(
        `insert into app_crm.payment (id, version, payment_plan, contract, customer, amount, received_on, credited_to, owner, created_by, number)
         select gen_random_uuid(), 1, ?::uuid, ?::uuid, ?::uuid, 10, date '2026-01-01' + (i % 365), (?::uuid[])[i % ? + 1], ?::uuid, ?::uuid, 'B-' || i || '-' || md5(random()::text)
         from generate_series(1, ?) as i`,
        [plan, contract, customer, reps, reps.length, owner, owner, PAYMENTS],
      );
      return performance.now() - t;
    };
    // All payments go to one plan and one contract here: their received_amount rollups would recount a growing
    // list on every row, which is not what is measured. Off for both runs.
    for (const t of ['payment_plan_received_amount_rollup', 'contract_received_amount_rollup']) await knex.raw(`alter table app_crm.payment disable trigger ${t}`);
    const withTriggers = await insertPayments();
    await knex.raw('alter table app_crm.payment disable trigger sales_target_achieved_amount_rollup');
    const withoutAchievement = await insertPayments();
    await knex.raw('alter table app_crm.payment enable trigger sales_target_achieved_amount_rollup');
    // One payment per statement (what the API and a workflow write), with and without the achievement trigger.
    const singles = async (n: number) => {
      const t = performance.now();
      for (let i = 0; i < n; i++) {
        await knex.raw(
          `insert into app_crm.payment (id, version, payment_plan, contract, customer, amount, received_on, credited_to, owner, created_by, number)
           values (gen_random_uuid(), 1, ?::uuid, ?::uuid, ?::uuid, 10, date '2026-06-15', ?::uuid, ?::uuid, ?::uuid, 'S-' || md5(random()::text))`,
          [plan, contract, customer, reps[i % reps.length], owner, owner],
        );
      }
      return (performance.now() - t) / n;
    };
    await singles(20); // warm the session's plpgsql plans
    const singleWith = await singles(SINGLES);
    await knex.raw('alter table app_crm.payment disable trigger sales_target_achieved_amount_rollup');
    const singleWithout = await singles(SINGLES);
    await knex.raw('alter table app_crm.payment enable trigger sales_target_achieved_amount_rollup');
    console.log(JSON.stringify({
      plans: PLANS,
      sweepNothingDueMs: Math.round(idleMs),
      candidateQueries: plans.map((p, i) => ({ index: indexes[i], executionMs: p['Execution Time'] })),
      sweepDue: { fired, ms: Math.round(dueMs), perPlanMs: Number((dueMs / Math.max(1, fired)).toFixed(2)) },
      payments: { rows: PAYMENTS, withAchievementTriggerMs: Math.round(withTriggers), withoutMs: Math.round(withoutAchievement), perRowExtraMs: Number(((withTriggers - withoutAchievement) / PAYMENTS).toFixed(3)) },
      singlePayments: { rows: SINGLES, withAchievementTriggerMsPerRow: Number(singleWith.toFixed(2)), withoutMsPerRow: Number(singleWithout.toFixed(2)), paymentsPerRepInYear: Math.round((2 * PAYMENTS) / reps.length) },
    }, null, 2));
  } finally {
    await rt.close();
    await admin.raw('drop database ?? with (force)', [name]);
    await admin.destroy();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
