/**
 * bench/import (issue 20): BENCH_ROWS customers (default 100,000) imported from a generated CSV
 * through the import screen's routes (upload → start → poll) into the example CRM — its plugins
 * on, dedup with its key table — on a fresh PostgreSQL database that already holds BENCH_ROWS
 * customers (inserted by SQL, their dedup keys written as the back-fill would). Prints rows/s,
 * the peak RSS of the process (sampled every 100 ms; server and client share it), and the time of
 * a single customer create with dedup at that size (median/p95 of BENCH_RUNS HTTP creates on
 * loopback: an upper bound of the server time).
 *
 *   TEST_DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npx tsx bench/import.ts
 *   BENCH_ROWS=20000 … (a quicker run; rows/s and RSS print per size)
 *   node --expose-gc --import tsx bench/import.ts (the live heap at each quarter of the rows, after a full GC)
 *   BENCH_KEEP=1 … (keeps the database, to look at it afterwards)
 */
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import knexFactory from 'knex';
import { createTestRuntime } from '@tessera/runtime';
import { withDatabase } from '../runtime/src/testing/for-each-database';
import { recordKeys } from '../plugins/plugin-dedup/src/dedup-keys';

const ROWS = Number(process.env.BENCH_ROWS ?? 100_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 200);
const exampleDir = path.resolve(__dirname, '../examples/crm');
const fields = ['name', 'phone', 'email'];

const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * p))];
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;

/** ROWS new customers, none a duplicate of a stored one. */
function csvOf(rows: number): string {
  const lines = ['Name,Customer level,Phone,Email'];
  for (let i = 0; i < rows; i++) lines.push(`Imported Company ${i},${'ABCD'[i % 4]},136${String(i).padStart(8, '0')},imported${i}@example.org`);
  return lines.join('\n');
}

async function main() {
  const server = process.env.TEST_DATABASE_URL;
  if (!server) throw new Error('Set TEST_DATABASE_URL (a PostgreSQL server; a database is created and dropped)');
  const name = `tessera_bench_${randomBytes(4).toString('hex')}`;
  const admin = knexFactory({ client: 'pg', connection: server, pool: { min: 0, max: 1 } });
  await admin.raw('create database ??', [name]);
  const rt = await createTestRuntime({ appDir: exampleDir, databaseUrl: withDatabase(server, name) });
  try {
    const db = rt.runtime.knex;
    const where = async (table: string, column: string) => {
      const r = await db.raw(`select table_schema, table_name from information_schema.columns where table_name = ? and column_name = ? and table_schema not in ('information_schema', 'pg_catalog') limit 1`, [table, column]);
      return `"${r.rows[0].table_schema}"."${r.rows[0].table_name}"`;
    };
    const customers = await where('customers', 'phone').catch(() => where('customer', 'phone'));
    const keys = await where('dedup_keys', 'key');
    const ready = keys.replace('dedup_keys', 'dedup_ready');
    const adminId = (await db.raw(`select id from tessera.users where username = 'admin'`)).rows[0].id;

    // The database as a team has it: ROWS customers and their dedup keys.
    let t = performance.now();
    await db.raw(
      `insert into ${customers} (id, name, phone, email, level, owner, created_by)
       select gen_random_uuid(), 'Stored Company ' || g, '137' || lpad(g::text, 8, '0'), 'stored' || g || '@example.com', 'C', ?, ?
         from generate_series(1, ${ROWS}) g`,
      [adminId, adminId],
    );
    for (let offset = 0; offset < ROWS; offset += 10_000) {
      const rows = (await db.raw(`select id, name, phone, email from ${customers} order by id limit 10000 offset ${offset}`)).rows as Record<string, unknown>[];
      const flat = rows.flatMap((r) => recordKeys(fields, r).map((k) => ({ id: String(r.id), ...k })));
      await db.raw(`insert into ${keys} (entity, key_kind, key, record_id) select 'customer', u.kind, u.key, u.id from unnest(?::text[], ?::text[], ?::text[]) as u(kind, key, id) on conflict do nothing`, [flat.map((k) => k.kind), flat.map((k) => k.key), flat.map((k) => k.id)]);
    }
    await db.raw(`insert into ${ready} (entity, fields) values ('customer', ?) on conflict do nothing`, [[...fields].sort().join(',')]);
    await db.raw(`analyze ${customers}; analyze ${keys}`);
    console.log(`seeded ${ROWS} customers + keys in ${((performance.now() - t) / 1000).toFixed(1)} s`);

    // Held only until it is uploaded, so the process's memory afterwards is the server's.
    let file: Blob | undefined = new Blob([csvOf(ROWS)], { type: 'text/csv' });
    console.log(`CSV: ${ROWS} rows, ${mb(file.size)}`);

    let peak = process.memoryUsage().rss;
    const rssBefore = peak;
    let heapPeak = process.memoryUsage().heapUsed;
    const sampler = setInterval(() => {
      const m = process.memoryUsage();
      peak = Math.max(peak, m.rss);
      heapPeak = Math.max(heapPeak, m.heapUsed);
    }, 100);
    // The live heap (after a full GC when run with --expose-gc) at each quarter of the rows: flat when nothing grows with them.
    const quarters: string[] = [];
    const gc = (globalThis as { gc?: () => void }).gc;
    const form = new FormData();
    form.append('file', file, 'customers.csv');
    file = undefined;
    t = performance.now();
    const up = await fetch(`${rt.url}/api/customers/imports`, { method: 'POST', body: form, headers: { cookie: rt.admin.cookie, 'x-csrf-token': rt.admin.csrfToken } });
    const { data } = (await up.json()) as { data: { id: string; mapping: Record<string, string | null> } };
    form.delete('file');
    const uploaded = performance.now() - t;
    const start = await rt.admin.call('POST', `/api/customers/imports/${data.id}/start`, { mapping: data.mapping, mode: 'skip' });
    if (start.status !== 202) throw new Error(`start: ${start.status} ${start.text}`);
    const t0 = performance.now();
    let result: Record<string, number | string>;
    for (;;) {
      await new Promise((resolve) => setTimeout(resolve, 500));
      result = (await rt.admin.call('GET', `/api/customers/imports/${data.id}`)).body.data;
      while (quarters.length < 4 && Number(result.processed) >= (ROWS * (quarters.length + 1)) / 4) {
        gc?.();
        quarters.push(`${(quarters.length + 1) * 25}% ${mb(process.memoryUsage().heapUsed)}`);
      }
      if (result.status !== 'running') break;
    }
    const seconds = (performance.now() - t0) / 1000;
    clearInterval(sampler);
    console.log(`import: ${result.status}, created ${result.created}, rejected ${result.rejected}, upload+parse ${(uploaded / 1000).toFixed(1)} s, run ${seconds.toFixed(1)} s → ${(ROWS / seconds).toFixed(0)} rows/s`);
    console.log(`RSS: before ${mb(rssBefore)}, peak ${mb(peak)} (+${mb(peak - rssBefore)}); heap peak ${mb(heapPeak)}; ${gc ? 'live heap after GC' : 'heap'} at ${quarters.join(', ')}`);

    // A single create with dedup, at 2 × ROWS customers.
    const times: number[] = [];
    for (let i = 0; i < RUNS + 20; i++) {
      const t1 = performance.now();
      const res = await rt.admin.call('POST', '/api/customers', { name: `Single Create ${i}`, level: 'B', phone: `135${String(i).padStart(8, '0')}`, email: `single${i}@example.net` });
      if (res.status !== 201) throw new Error(`create: ${res.status} ${res.text}`);
      if (i >= 20) times.push(performance.now() - t1); // the first 20 warm plans and connections
    }
    console.log(`single create with dedup at ${2 * ROWS} customers: runs ${RUNS}, median ${pct(times, 0.5).toFixed(2)} ms, p95 ${pct(times, 0.95).toFixed(2)} ms (HTTP on loopback)`);
  } finally {
    await rt.close();
    if (process.env.BENCH_KEEP) console.log(`kept database ${name}`);
    else await admin.raw('drop database if exists ?? with (force)', [name]);
    await admin.destroy();
  }
}

main().catch((err) => {
  console.error(err);
  process.exitCode = 1;
});
