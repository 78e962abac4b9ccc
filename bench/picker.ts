/**
 * bench/picker (issue 18): a rep's relation picker over 100,000 customers of the example CRM
 * on a fresh PostgreSQL database — `GET /api/customers?q=<part of a Chinese name>&limit=20`
 * as the picker sends it, as a rep (own scope) and as a manager (department scope), with the
 * statement's plan. Prints rows, median and p95 of the whole HTTP answer on loopback (an upper
 * bound of the server time) and whether the plan uses the trigram index.
 *
 *   TEST_DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npx tsx bench/picker.ts
 */
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { createTestRuntime, type SessionClient } from '@tessera/runtime';
import knexFactory from 'knex';
import { withDatabase } from '../runtime/src/testing/for-each-database';

const ROWS = Number(process.env.BENCH_ROWS ?? 100_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 100);
const exampleDir = path.resolve(__dirname, '../examples/crm');

const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * p))];

async function timed(client: SessionClient, url: string): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < RUNS + 10; i++) {
    const started = performance.now();
    const res = await client.call('GET', url);
    if (res.status !== 200) throw new Error(`${url}: ${res.status} ${res.text}`);
    if (i >= 10) out.push(performance.now() - started); // the first 10 warm plans and connections
  }
  return out;
}

async function main() {
  const server = process.env.TEST_DATABASE_URL;
  if (!server) throw new Error('Set TEST_DATABASE_URL (a PostgreSQL server; a database is created and dropped)');
  const name = `tessera_bench_${randomBytes(4).toString('hex')}`;
  const admin = knexFactory({ client: 'pg', connection: server, pool: { min: 0, max: 1 } });
  await admin.raw('create database ??', [name]);
  const rt = await createTestRuntime({ appDir: exampleDir, databaseUrl: withDatabase(server, name), demoUsers: true });
  try {
    const knex = rt.runtime.knex;
    const { id: sales1 } = await knex('tessera.users').where({ username: 'sales1' }).first('id');
    // Every tenth customer is sales1's, the rest spread over nobody (the pool): the rep's scope is 10,000 rows.
    await knex.raw(
      `insert into app_crm.customer (id, version, name, phone, owner, created_by, industry, level, region)
       select gen_random_uuid(), 1, (array['杭州','宁波','苏州','深圳','成都'])[i % 5 + 1] || (array['精密仪器','智能科技','港口物流','新能源','医疗器械'])[i % 7 % 5 + 1] || i || '号有限公司',
              '0571-' || lpad(i::text, 8, '0'), case when i % 10 = 0 then ?::uuid end, ?::uuid, 'manufacturing', 'B', 'east'
       from generate_series(1, ?) as i`,
      [sales1, sales1, ROWS],
    );
    await knex.raw('analyze app_crm.customer');
    const rep = await rt.login('sales1', 'sales1-demo-123');
    const manager = await rt.login('manager', 'manager-demo-123');
    const q = encodeURIComponent('精密仪器12340');
    const url = `/api/customers?q=${q}&limit=20&count=false&fields=id,name`;
    const plans: string[] = [];
    const listen = (x: { sql: string; bindings: unknown[] }) => x.sql.includes('ilike') && plans.push(JSON.stringify(x));
    knex.on('query', listen);
    await rep.call('GET', url);
    knex.removeListener('query', listen);
    const seen = JSON.parse(plans[0] ?? '{}') as { sql?: string; bindings?: unknown[] };
    const plan = seen.sql ? (await knex.raw(`explain ${seen.sql.replace(/\$\d+/g, '?')}`, seen.bindings ?? [])).rows.map((r: { 'QUERY PLAN': string }) => r['QUERY PLAN']).join('\n') : '(no statement seen)';
    for (const [who, client] of [['rep (own scope)', rep], ['manager (department)', manager]] as const) {
      const xs = await timed(client, url);
      console.log(`${who.padEnd(22)} rows ${ROWS}  runs ${xs.length}  median ${pct(xs, 0.5).toFixed(1)} ms  p95 ${pct(xs, 0.95).toFixed(1)} ms`);
    }
    console.log(`plan uses the trigram index: ${/trgm/.test(plan)}`);
    // The statement alone, as PostgreSQL runs it (no HTTP, no Node): its own execution time.
    const execs: number[] = [];
    for (let i = 0; i < 30 && seen.sql; i++) {
      const rows = (await knex.raw(`explain (analyze, format json) ${seen.sql.replace(/\$\d+/g, '?')}`, seen.bindings ?? [])).rows as Array<{ 'QUERY PLAN': Array<{ 'Execution Time': number }> }>;
      execs.push(rows[0]['QUERY PLAN'][0]['Execution Time']);
    }
    if (execs.length) console.log(`statement execution (rep)  runs ${execs.length}  median ${pct(execs, 0.5).toFixed(1)} ms  p95 ${pct(execs, 0.95).toFixed(1)} ms`);
    console.log(plan.split('\n').slice(0, 8).join('\n'));
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
