/**
 * bench/report (issue 21): a saved report's question — opportunities grouped by owner × expected
 * close by month, sum of amount — through the real HTTP API as the example's sales manager
 * (department scope), over N opportunities (default 1,000,000) on a fresh PostgreSQL database
 * in the example CRM's schema. Prints the median and p99 of the request time seen on localhost
 * (the runtime has no Server-Timing header; on 127.0.0.1 the network is a fraction of a ms),
 * the aggregate statement's EXPLAIN ANALYZE top node and time, then the same after an index
 * that lets PostgreSQL answer from the index alone, so before/after come from one machine state.
 * Both the saved-report run (`/api/_reports/{id}/run`) and the plain aggregate are timed.
 *
 *   npx tsx bench/report.ts [--rows 1000000] [--runs 30] [postgres://postgres@127.0.0.1:5432/postgres]
 */
import { randomBytes } from 'node:crypto';
import { resolve } from 'node:path';
import knexFactory, { type Knex } from 'knex';
import pg from 'pg';
import { createTestRuntime, type SessionClient } from '@tessera/runtime';
import { withDatabase } from '../runtime/src/testing/for-each-database';

const arg = (name: string, fallback: string) => { const i = process.argv.indexOf(`--${name}`); return i > 0 ? process.argv[i + 1] : fallback; };
const ROWS = Number(arg('rows', '1000000'));
const RUNS = Number(arg('runs', '30'));
const SERVER = process.argv.slice(2).find((a) => a.startsWith('postgres')) ?? process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const APP_DIR = process.env.BENCH_APP_DIR ?? resolve(__dirname, '../examples/crm');
const QUERY = 'group=owner,expected_close:month&measures=sum:amount';

const quantile = (xs: number[], q: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(q * xs.length))];

/** Customers and opportunities generated inside PostgreSQL; owners spread over the demo sales team and 20 more reps. */
async function seed(knex: Knex, rows: number, owners: string[]): Promise<void> {
  // A bench seed, not a user's write: triggers (audit) off for this session only.
  await knex.transaction(async (trx) => {
    await trx.raw('set local session_replication_role = replica');
    await trx.raw(
      `insert into app_crm.customer (id, created_at, updated_at, version, created_by, owner, name, level)
       select md5('c' || i)::uuid, now(), now(), 1, o, o, 'Customer ' || i, 'B'
       from generate_series(1, 1000) as i, lateral (select (?::uuid[])[i % ? + 1] as o) x`, [owners, owners.length]);
    await trx.raw(
      `insert into app_crm.opportunity (id, created_at, updated_at, version, created_by, owner, name, customer, amount, stage, expected_close)
       select md5('o' || i)::uuid, now(), now(), 1, o, o, 'Deal ' || i, md5('c' || (i % 1000 + 1))::uuid, ((i::bigint * 7919) % 100000)::numeric,
              (array['qualification','needs_analysis','proposal','negotiation','won','lost'])[i % 6 + 1], date '2024-01-01' + (i % 1096)
       from generate_series(1, ?) as i, lateral (select (?::uuid[])[(i / 7) % ? + 1] as o) x`, [rows, owners, owners.length]);
  });
  await knex.raw('vacuum analyze app_crm.customer');
  await knex.raw('vacuum analyze app_crm.opportunity');
}

async function time(client: SessionClient, path: string): Promise<{ p50: number; p99: number; rows: number }> {
  let rows = 0;
  const samples: number[] = [];
  for (let i = 0; i < RUNS + 3; i++) {
    const started = process.hrtime.bigint();
    const res = await client.call('GET', path);
    const ms = Number(process.hrtime.bigint() - started) / 1e6;
    if (res.status !== 200) throw new Error(`${path}: ${res.status} ${res.text}`);
    rows = res.body.data.length;
    if (i >= 3) samples.push(ms); // the first three warm the plan cache and the buffers
  }
  return { p50: quantile(samples, 0.5), p99: quantile(samples, 0.99), rows };
}

async function main() {
  const dbName = `tessera_bench_report_${randomBytes(4).toString('hex')}`;
  const admin = knexFactory({ client: 'pg', connection: SERVER, pool: { min: 0, max: 1 } });
  await admin.raw('create database ??', [dbName]);
  const url = withDatabase(SERVER, dbName);
  const rt = await createTestRuntime({ appDir: APP_DIR, databaseUrl: url, demoUsers: true });
  const knex = knexFactory({ client: 'pg', connection: url, pool: { min: 0, max: 2 } });
  try {
    const depts = Object.fromEntries((await knex('tessera.departments').select('id', 'name')).map((d: { id: string; name: string }) => [d.name, d.id]));
    const east = Object.entries(depts).find(([n]) => /east/i.test(n))?.[1] ?? null;
    for (let i = 0; i < 20; i++) await rt.createUser({ username: `bench_rep_${i}`, password: `bench-rep-${i}-password`, roles: ['sales_rep'], departmentId: i % 2 ? east : null });
    const owners = (await knex('tessera.users').whereIn('username', ['sales1', 'sales2', 'manager', 'executive', ...Array.from({ length: 20 }, (_, i) => `bench_rep_${i}`)]).select('id')).map((r: { id: string }) => r.id);
    const seeded = Date.now();
    await seed(knex, ROWS, owners);
    console.log(`seeded ${ROWS.toLocaleString('en')} opportunities over ${owners.length} owners in ${((Date.now() - seeded) / 1000).toFixed(1)} s`);

    const manager = await rt.login('manager', 'manager-demo-123');
    const saved = await manager.call('POST', '/api/_reports', { label: 'Amount by owner by month', entity: 'opportunity', groups: ['owner', 'expected_close:month'], measures: ['sum:amount'], chart: 'bar' });
    if (saved.status !== 201) throw new Error(`save: ${saved.status} ${saved.text}`);

    // The statement the runtime sends, caught on its way out, for EXPLAIN.
    let statement: { sql: string; bindings: readonly unknown[] } | undefined;
    rt.runtime.knex.on('query', (q: { sql: string; bindings?: readonly unknown[] }) => { if (/date_trunc|group by/i.test(q.sql) && /opportunity/.test(q.sql)) statement = { sql: q.sql, bindings: q.bindings ?? [] }; });

    const measure = async (title: string) => {
      const run = await time(manager, `/api/_reports/${saved.body.data.id}/run`);
      const plain = await time(manager, `/api/opportunities/aggregate?${QUERY}`);
      let top = '(statement not seen)';
      if (statement) {
        // Native ($n) as runStatement sends it, or knex's `?` form: either way one pg query with its bindings.
        const native = /\$1\b/.test(statement.sql) ? statement : knex.raw(statement.sql, statement.bindings as unknown[]).toSQL().toNative();
        const client = new pg.Client({ connectionString: url });
        await client.connect();
        const [plan] = (await client.query(`explain (analyze, buffers, format json) ${native.sql}`, native.bindings as unknown[]).finally(() => client.end())).rows[0]['QUERY PLAN'];
        const node = plan.Plan;
        const child = (n: { Plans?: unknown[] }): string[] => (n.Plans ?? []).flatMap((p) => { const c = p as { 'Node Type': string; 'Relation Name'?: string; 'Index Name'?: string; Plans?: unknown[] }; return [`${c['Node Type']}${c['Index Name'] ? ` using ${c['Index Name']}` : c['Relation Name'] ? ` on ${c['Relation Name']}` : ''}`, ...child(c)]; });
        top = `${node['Node Type']}${node.Strategy ? ` (${node.Strategy})` : ''}, ${plan['Execution Time'].toFixed(1)} ms in PostgreSQL; below: ${child(node).slice(0, 4).join(' → ')}`;
      }
      console.log(`\n${title}`);
      console.log(`  saved report run  median ${run.p50.toFixed(1)} ms  p99 ${run.p99.toFixed(1)} ms  (${run.rows} rows, ${RUNS} runs)`);
      console.log(`  plain aggregate   median ${plain.p50.toFixed(1)} ms  p99 ${plain.p99.toFixed(1)} ms`);
      console.log(`  plan: ${top}`);
      if (process.env.BENCH_SQL && statement) console.log(`  sql: ${statement.sql}`);
    };

    await measure('before: the example\'s own indexes');
    const indexed = Date.now();
    // Owner first (the scope's filter and the first group), the date next, the amount carried: an index-only scan.
    await knex.raw('create index bench_opportunity_owner_close on app_crm.opportunity (owner, expected_close) include (amount)');
    await knex.raw('vacuum analyze app_crm.opportunity');
    console.log(`\n(index (owner, expected_close) include (amount) built in ${((Date.now() - indexed) / 1000).toFixed(1)} s)`);
    await measure('after: index (owner, expected_close) include (amount)');
    // The scope's OR (owner in my departments, or id shared with me) and the soft-delete test read
    // id and deleted_at too: an index carrying them, partial on live rows, can be read alone.
    await knex.raw('drop index app_crm.bench_opportunity_owner_close');
    await knex.raw('create index bench_opportunity_covering on app_crm.opportunity (owner, expected_close) include (amount, id) where deleted_at is null');
    await knex.raw('vacuum analyze app_crm.opportunity');
    await measure('after: index (owner, expected_close) include (amount, id) where deleted_at is null');
  } finally {
    await knex.destroy();
    await rt.close();
    await admin.raw('drop database if exists ?? with (force)', [dbName]);
    await admin.destroy();
  }
}

main().catch((err) => { console.error(err); process.exit(1); });
