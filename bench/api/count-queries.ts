/**
 * Round trips per request: one request of each bench scenario against a small seeded
 * database, printing the SQL statements the runtime sent for it (knex 'query' events).
 * The example starts with only its field-type plugins (bench-plugins.ts), like bench/api.ts,
 * so the counts are the generated API's own, without dedup probes or scoring hooks; with
 * `--plugins app`, with every plugin app.json lists (dedup on customers and contacts).
 * `--import N` (issue 20) also imports N new customers from a CSV through the import routes
 * (one batch per 500 rows) and prints the statements per imported row, twice: with dedup's key
 * store not yet back-filled (its probe fallback) and after the back-fill marks it ready.
 *
 *   npx tsx bench/api/count-queries.ts [--url postgres://postgres@127.0.0.1:5432/postgres] [--plugins app]
 */
import { resolve } from 'node:path';
import knexFactory from 'knex';
import { createRuntime, createSessionClient } from '@tessera/runtime';
import { benchPlugins } from './bench-plugins';
import { seedCrm } from './seed-crm';
import { recordKeys } from '../../plugins/plugin-dedup/src/dedup-keys';

const SERVER = process.argv.includes('--url') ? process.argv[process.argv.indexOf('--url') + 1] : 'postgres://postgres@127.0.0.1:5432/postgres';
const DB = 'tessera_bench_count';

async function main() {
  const admin = knexFactory({ client: 'pg', connection: SERVER, pool: { min: 0, max: 1 } });
  await admin.raw('drop database if exists ?? with (force)', [DB]);
  await admin.raw('create database ??', [DB]);
  const u = new URL(SERVER); u.pathname = `/${DB}`;
  const runtime = await createRuntime({ appDir: resolve(__dirname, '../../examples/crm'), databaseUrl: u.toString(), adminPassword: 'bench-admin-password', appPlugins: benchPlugins(process.argv), logger: { info: () => undefined, error: console.error } });
  const { url } = await runtime.listen(0, '127.0.0.1');
  const session = await createSessionClient(url, 'admin', 'bench-admin-password');
  const token = (await session.call('POST', '/api/auth/tokens', { name: 'bench', scopes: ['write'] })).body.data.token as string;
  const ids = await seedCrm(runtime.knex, 1000, session.user.id);
  const opportunity = (await session.call('POST', '/api/opportunities', { name: 'Bench deal', customer: ids[3] })).body.data.id as string;
  const sql: string[] = [];
  runtime.knex.on('query', (q: { sql: string }) => sql.push(q.sql));
  const call = async (method: string, path: string, body?: unknown) => {
    const res = await fetch(url + path, { method, headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) });
    return res.status;
  };
  const scenarios: [string, string, string, unknown?][] = [
    ['get by id', 'GET', `/api/customers/${ids[1]}`],
    ['list 50', 'GET', '/api/customers?limit=50&sort=-created_at&count=false'],
    ['filtered', 'GET', '/api/customers?filter[industry]=it&filter[level]=A&sort=-annual_revenue&limit=50&count=false'],
    ['expand', 'GET', '/api/customers?limit=20&expand=contacts&count=false'],
    ['create', 'POST', '/api/customers', { name: 'X', industry: 'it', level: 'B' }],
    ['update', 'PATCH', `/api/customers/${ids[2]}`, { annual_revenue: 5 }],
    ['count', 'GET', '/api/customers/aggregate?group=industry'],
    // An entity no plugin's settings name: the one-statement write even with every plugin loaded.
    ['create opportunity', 'POST', '/api/opportunities', { name: 'Y', customer: ids[4] }],
    ['update opportunity', 'PATCH', `/api/opportunities/${opportunity}`, { amount: 5 }],
  ];
  for (const warm of [true, false]) {
    for (const [name, method, path, body] of scenarios) {
      sql.length = 0;
      // A fresh name per pass: the second create of the same name is (rightly) a duplicate with dedup on.
      const status = await call(method, path, name === 'create' ? { ...(body as object), name: `X ${warm}` } : body);
      if (!warm) console.log(`\n## ${name}: ${status}, ${sql.length} statements\n${sql.map((s) => '  ' + s.slice(0, 300)).join('\n')}`);
    }
  }
  if (process.argv.includes('--import')) await countImport(url, token, runtime.knex, sql, Number(process.argv[process.argv.indexOf('--import') + 1]));
  await runtime.close();
  await admin.raw('drop database if exists ?? with (force)', [DB]);
  await admin.destroy();
}
/** Statements per row of an N-row CSV import (upload → start → wait), counted from the start call. */
async function countImport(url: string, token: string, knex: import('knex').Knex, sql: string[], rows: number) {
  const headers = { authorization: `Bearer ${token}` };
  for (const phase of ['dedup keys not ready', 'dedup keys ready']) {
    if (phase === 'dedup keys ready') {
      // What the back-fill job leaves: a key per compared field of every stored customer, and the ready mark.
      const stored = (await knex.raw('select id, name, phone, email from app_crm.customer')).rows as Record<string, unknown>[];
      const keys = stored.flatMap((r) => recordKeys(['name', 'phone', 'email'], r).map((k) => ({ id: String(r.id), ...k })));
      await knex.raw(`insert into plugin_dedup_crm.dedup_keys (entity, key_kind, key, record_id) select 'customer', u.kind, u.key, u.id from unnest(?::text[], ?::text[], ?::text[]) as u(kind, key, id) on conflict do nothing`, [keys.map((k) => k.kind), keys.map((k) => k.key), keys.map((k) => k.id)]);
      await knex.raw(`insert into plugin_dedup_crm.dedup_ready (entity, fields) values ('customer', 'email,name,phone') on conflict do nothing`);
    }
    const tag = phase.length;
    const lines = ['Name,Customer level,Phone,Email'];
    for (let i = 0; i < rows; i++) lines.push(`Import ${tag} Company ${i},${'ABCD'[i % 4]},13${tag}${String(i).padStart(8, '0')},import${tag}-${i}@example.org`);
    const form = new FormData();
    form.append('file', new Blob([lines.join('\n')], { type: 'text/csv' }), 'customers.csv');
    const up = (await (await fetch(`${url}/api/customers/imports`, { method: 'POST', body: form, headers })).json()) as { data: { id: string; mapping: Record<string, string | null> } };
    sql.length = 0;
    const t = performance.now();
    const start = await fetch(`${url}/api/customers/imports/${up.data.id}/start`, { method: 'POST', headers: { ...headers, 'content-type': 'application/json' }, body: JSON.stringify({ mapping: up.data.mapping, mode: 'skip' }) });
    if (start.status !== 202) throw new Error(`start: ${start.status} ${await start.text()}`);
    let result: Record<string, unknown>;
    for (;;) {
      await new Promise((r) => setTimeout(r, 100));
      result = ((await (await fetch(`${url}/api/customers/imports/${up.data.id}`, { headers })).json()) as { data: Record<string, unknown> }).data;
      if (result.status !== 'running') break;
    }
    const seconds = (performance.now() - t) / 1000;
    const polls = sql.filter((s) => /from "tessera"."imports"/.test(s) && /^select/.test(s)).length;
    const counts = new Map<string, number>();
    for (const s of sql) counts.set(s.slice(0, 90), (counts.get(s.slice(0, 90)) ?? 0) + 1);
    console.log(`\n## import ${rows} customers (${phase}): ${result.status}, created ${result.created}, rejected ${result.rejected}, ${sql.length} statements (≈${polls} of them the progress polls and batch checks) → ${(sql.length / rows).toFixed(2)} per row, ${(rows / seconds).toFixed(0)} rows/s`);
    for (const [s, n] of [...counts].sort((a, b) => b[1] - a[1]).slice(0, 12)) console.log(`  ${String(n).padStart(6)} × ${s}`);
  }
}

main().catch((e) => { console.error(e); process.exit(1); });
