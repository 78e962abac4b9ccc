/**
 * Round trips per request: one request of each bench scenario against a small seeded
 * database, printing the SQL statements the runtime sent for it (knex 'query' events).
 * The example starts with only its field-type plugins (bench-plugins.ts), like bench/api.ts,
 * so the counts are the generated API's own, without dedup probes or scoring hooks; with
 * `--plugins app`, with every plugin app.json lists (dedup on customers and contacts).
 *
 *   npx tsx bench/api/count-queries.ts [--url postgres://postgres@127.0.0.1:5432/postgres] [--plugins app]
 */
import { resolve } from 'node:path';
import knexFactory from 'knex';
import { createRuntime, createSessionClient } from '@tessera/runtime';
import { benchPlugins } from './bench-plugins';
import { seedCrm } from './seed-crm';

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
      const status = await call(method, path, body);
      if (!warm) console.log(`\n## ${name}: ${status}, ${sql.length} statements\n${sql.map((s) => '  ' + s.slice(0, 300)).join('\n')}`);
    }
  }
  await runtime.close();
  await admin.raw('drop database if exists ?? with (force)', [DB]);
  await admin.destroy();
}
main().catch((e) => { console.error(e); process.exit(1); });
