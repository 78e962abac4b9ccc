/**
 * bench/dedup (issue 20): the duplicate check of one customer create over 100,000 customers on
 * a fresh PostgreSQL database — the key-store hook (one indexed lookup + its key write) beside
 * the records-API probes it replaces (`contains` scans, the path without a key store). Times
 * are the hook's own, as the runtime would run it; prints rows, median and p95.
 *
 *   TEST_DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npx tsx bench/dedup.ts
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { createTestRuntime } from '@tessera/runtime';
import knexFactory from 'knex';
import { withDatabase } from '../runtime/src/testing/for-each-database';
import { dedupHooks, findDuplicates } from '../plugins/plugin-dedup/src/index';
import { seedCustomers } from '../plugins/plugin-dedup/src/testing/seed-customers';
import { hookContext, httpRecords } from '../plugins/plugin-dedup/src/testing/test-store';
import { app } from '../plugins/plugin-dedup/src/testing/test-app';

const ROWS = Number(process.env.BENCH_ROWS ?? 100_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 200);
const PROBE_RUNS = 10;
const fields = ['name', 'phone', 'email'];
const settings = { entities: { customer: { fields } }, mergeRoles: ['admin'] };

const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * p))];
const line = (label: string, xs: number[]) => console.log(`${label.padEnd(28)} rows ${ROWS}  runs ${xs.length}  median ${pct(xs, 0.5).toFixed(2)} ms  p95 ${pct(xs, 0.95).toFixed(2)} ms`);

async function time(runs: number, run: (i: number) => Promise<unknown>): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    await run(i);
    out.push(performance.now() - started);
  }
  return out;
}

async function main() {
  const server = process.env.TEST_DATABASE_URL;
  if (!server) throw new Error('Set TEST_DATABASE_URL (a PostgreSQL server; a database is created and dropped)');
  const name = `tessera_bench_${randomBytes(4).toString('hex')}`;
  const admin = knexFactory({ client: 'pg', connection: server, pool: { min: 0, max: 1 } });
  await admin.raw('create database ??', [name]);
  const rt = await createTestRuntime({ app, plugins: [], databaseUrl: withDatabase(server, name) });
  try {
    const { store } = await seedCustomers(rt, ROWS);
    const records = httpRecords(rt.admin, 'customers');
    const data = (i: number) => ({ name: `New Company ${i}`, phone: `139${String(i).padStart(8, '0')}`, email: `new${i}@example.org` });
    const hook = (i: number) => dedupHooks.beforeCreate!(hookContext({ settings, entity: 'customer', data: data(i), id: randomUUID(), store, records: () => records }) as never);
    await time(20, (i) => hook(RUNS + i)); // warm-up: plans, connections
    line('key store (single create)', await time(RUNS, hook));
    line('probes, before (single)', await time(PROBE_RUNS, (i) => findDuplicates(records, fields, data(10_000 + i))));
  } finally {
    await rt.close();
    await admin.raw('drop database if exists ?? with (force)', [name]);
    await admin.destroy();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
