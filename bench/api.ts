/**
 * API benchmark (issue 4): seeds customers + 3 contacts each into a fresh PostgreSQL database
 * `tessera_bench`, starts the runtime with the example CRM, and drives it with autocannon
 * (32 connections) through seven scenarios; in the same run a raw node:http + pg server does
 * the same SQL (the floor). Prints req/s, p99 and the ratio per scenario and table size.
 * The two servers take turns in `--rounds` slices of `duration / rounds` seconds each, so a
 * load spike on a shared machine hits both alike and the ratio stays meaningful; req/s is
 * over all slices, p99 is the median of the slices' p99s. Each scenario starts with `--warmup`
 * seconds per side (default 1) that are not counted, and (unless `--no-vacuum`) a `vacuum analyze`
 * of the two tables, so no scenario inherits the dead rows of the one before.
 * The example starts with only its field-type plugins (rating, region; api/bench-plugins.ts):
 * dedup's duplicate probes and lead scoring would be hook work the raw server does not do
 * (`--plugins app` loads them all, the example as users run it).
 *
 * Each side is served from its own process(es) (node:cluster), never from the bench's own:
 * autocannon runs here, and a server sharing the load generator's event loop would be measured
 * with the client's work on its thread (that was the setup until Nov 2026, and its p99s held
 * the client's delays). `--workers N` serves each side from N processes sharing a port, as
 * `TESSERA_WORKERS=N tessera start` does. Both sides get the same N.
 *
 *   npx tsx bench/api.ts --rows 10000,100000 --duration 10 --rounds 5 [--workers 2] [--only 'count'] [--warmup 1] [--no-vacuum] [--url postgres://postgres@127.0.0.1:5432/postgres]
 */
import cluster from 'node:cluster';
import { createServer } from 'node:net';
import { resolve } from 'node:path';
import autocannon from 'autocannon';
import knexFactory from 'knex';
import { createRuntime, createSessionClient } from '@tessera/runtime';
import { benchPlugins } from './api/bench-plugins';
import { fillDedupKeys } from './api/fill-dedup-keys';
import { startRawServer } from './api/raw-server';
import { seedCrm } from './api/seed-crm';

const arg = (name: string, fallback: string) => { const i = process.argv.indexOf(`--${name}`); return i > 0 ? process.argv[i + 1] : fallback; };
const SERVER = arg('url', process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres');
const SIZES = arg('rows', '10000,100000').split(',').map(Number);
const DURATION = Number(arg('duration', '10'));
const ROUNDS = Number(arg('rounds', '5'));
const DB = 'tessera_bench';
const WORKERS = Number(arg('workers', '1'));
const ONLY = arg('only', ''); // run only the scenarios whose name contains this
const WARMUP = Number(arg('warmup', '1')); // seconds per side before each scenario's slices
const VACUUM = !process.argv.includes('--no-vacuum');
const APP_DIR = resolve(__dirname, '../examples/crm');
const withDb = (url: string, db: string) => { const u = new URL(url); u.pathname = `/${db}`; return u.toString(); };

interface Scenario { name: string; method: 'GET' | 'POST' | 'PATCH'; path: (id: string) => string; rawPath: (id: string) => string; body?: (i: number) => unknown }
const SCENARIOS: Scenario[] = [
  { name: 'get by id', method: 'GET', path: (id) => `/api/customers/${id}`, rawPath: (id) => `/customers/${id}` },
  { name: 'list 50 by created_at', method: 'GET', path: () => '/api/customers?limit=50&sort=-created_at&count=false', rawPath: () => '/customers?limit=50' },
  { name: 'list 50 industry+level by revenue', method: 'GET', path: () => '/api/customers?filter[industry]=it&filter[level]=A&sort=-annual_revenue&limit=50&count=false', rawPath: () => '/customers?scenario=filtered' },
  { name: 'list 20 expand contacts', method: 'GET', path: () => '/api/customers?limit=20&expand=contacts&count=false', rawPath: () => '/customers?limit=20&expand=contacts' },
  { name: 'create', method: 'POST', path: () => '/api/customers', rawPath: () => '/customers', body: (i) => ({ name: `Bench ${i}`, industry: 'it', level: 'B' }) },
  { name: 'update one field', method: 'PATCH', path: (id) => `/api/customers/${id}`, rawPath: (id) => `/customers/${id}`, body: (i) => ({ annual_revenue: i % 100000 }) },
  { name: 'count by industry', method: 'GET', path: () => '/api/customers/aggregate?group=industry', rawPath: () => '/customers/aggregate' },
];

// One counter for the whole run: created names stay unique across slices and sides (the
// example's dedup plugin answers 409 to a second "Bench 7", which is right, but not a create).
let n = 0;

async function drive(url: string, s: Scenario, ids: string[], raw: boolean, headers: Record<string, string>, seconds: number, cpuOf: () => Promise<number>) {
  const cpu0 = await cpuOf();
  const result = await autocannon({
    url, connections: 32, duration: seconds, headers: { ...headers, 'content-type': 'application/json' },
    requests: [{
      method: s.method,
      setupRequest: (req: any) => { // eslint-disable-line @typescript-eslint/no-explicit-any
        const i = n++;
        const id = ids[i % ids.length];
        return { ...req, path: raw ? s.rawPath(id) : s.path(id), ...(s.body ? { body: JSON.stringify(s.body(i)) } : {}) };
      },
    }],
  });
  const cpu = (await cpuOf()) - cpu0;
  const bad = result.non2xx + result.errors;
  return { requests: result.requests.total, seconds: result.duration, p99: result.latency.p99, bad, cpu };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** API and raw in alternating slices; totals over the slices. */
async function compare(served: Served, s: Scenario, ids: string[], token: string) {
  const { api: apiUrl, raw: rawUrl } = served;
  const apiCpu = () => served.cpuOf('api');
  const rawCpu = () => served.cpuOf('raw');
  const slices = { api: [] as Awaited<ReturnType<typeof drive>>[], raw: [] as Awaited<ReturnType<typeof drive>>[] };
  // Not counted: lets V8 optimise each side's code for this scenario (the runtime has far more
  // of it than the floor, so a cold start would be charged to the API alone).
  if (WARMUP > 0) {
    await drive(apiUrl, s, ids, false, { authorization: `Bearer ${token}` }, WARMUP, apiCpu);
    await drive(rawUrl, s, ids, true, {}, WARMUP, rawCpu);
  }
  for (let r = 0; r < ROUNDS; r++) {
    slices.api.push(await drive(apiUrl, s, ids, false, { authorization: `Bearer ${token}` }, DURATION / ROUNDS, apiCpu));
    slices.raw.push(await drive(rawUrl, s, ids, true, {}, DURATION / ROUNDS, rawCpu));
  }
  const total = (xs: typeof slices.api) => ({
    rps: xs.reduce((a, x) => a + x.requests, 0) / xs.reduce((a, x) => a + x.seconds, 0),
    p99: median(xs.map((x) => x.p99)),
    bad: xs.reduce((a, x) => a + x.bad, 0),
    // Server CPU per request (µs, all of the side's processes): holds up on a loaded machine, unlike req/s.
    cpu: xs.reduce((a, x) => a + x.cpu, 0) / Math.max(1, xs.reduce((a, x) => a + x.requests, 0)),
  });
  return { api: total(slices.api), floor: total(slices.raw) };
}

/** A free TCP port (each side's workers share one; port 0 would give both sides the same). */
const freePort = () => new Promise<number>((done) => { const s = createServer().listen(0, '127.0.0.1', () => { const { port } = s.address() as { port: number }; s.close(() => done(port)); }); });

/** In a worker: serve one side on the given port, then tell the primary. */
async function serveWorker() {
  const { ROLE, DATABASE_URL, OWNER, PORT } = process.env as Record<string, string>;
  if (ROLE === 'raw') await startRawServer(DATABASE_URL, OWNER, Number(PORT));
  else await (await createRuntime({ appDir: APP_DIR, databaseUrl: DATABASE_URL, adminPassword: 'bench-admin-password', appPlugins: benchPlugins(process.argv), logger: { info: () => undefined, error: console.error } })).listen(Number(PORT), '127.0.0.1');
  // The primary asks for this process's CPU time around each slice: CPU per request per side.
  process.on('message', (m) => { if (m === 'cpu?') { const { user, system } = process.cpuUsage(); process.send!({ cpu: user + system }); } });
  process.send!('up');
}

type Served = Awaited<ReturnType<typeof startWorkers>>;

/** N workers per side; resolves with each side's URL and a function that stops them all. */
async function startWorkers(databaseUrl: string, owner: string) {
  const ports = { api: await freePort(), raw: await freePort() };
  const workers = (['api', 'raw'] as const).flatMap((role) => Array.from({ length: WORKERS }, () => cluster.fork({ ROLE: role, DATABASE_URL: databaseUrl, OWNER: owner, PORT: String(ports[role]) })));
  await Promise.all(workers.map((w) => new Promise<void>((up, fail) => { w.once('message', () => up()); w.once('exit', (code) => fail(new Error(`bench worker exited with ${code}`))); })));
  const cpuOf = (role: 'api' | 'raw') => Promise.all(workers.filter((_, i) => (i < WORKERS) === (role === 'api')).map((w) => new Promise<number>((done) => {
    const answer = (m: unknown) => { if (m && typeof m === 'object' && 'cpu' in m) { w.off('message', answer); done((m as { cpu: number }).cpu); } };
    w.on('message', answer);
    w.send('cpu?');
  }))).then((xs) => xs.reduce((a, b) => a + b, 0));
  return {
    cpuOf,
    api: `http://127.0.0.1:${ports.api}`,
    raw: `http://127.0.0.1:${ports.raw}`,
    stop: () => Promise.all(workers.map((w) => new Promise((gone) => { w.removeAllListeners('exit'); w.once('exit', gone); w.kill(); }))),
  };
}

async function main() {
  const admin = knexFactory({ client: 'pg', connection: SERVER, pool: { min: 0, max: 1 } });
  const lines: string[] = [];
  for (const rows of SIZES) {
    await admin.raw('drop database if exists ?? with (force)', [DB]);
    await admin.raw('create database ??', [DB]);
    const databaseUrl = withDb(SERVER, DB);
    const runtime = await createRuntime({ appDir: APP_DIR, databaseUrl, adminPassword: 'bench-admin-password', appPlugins: benchPlugins(process.argv), logger: { info: () => undefined, error: console.error } });
    const { url } = await runtime.listen(0, '127.0.0.1');
    const session = await createSessionClient(url, 'admin', 'bench-admin-password');
    const token = (await session.call('POST', '/api/auth/tokens', { name: 'bench', scopes: ['write'] })).body.data.token as string;
    const t0 = Date.now();
    const ids = await seedCrm(runtime.knex, rows, session.user.id);
    console.log(`seeded ${rows} customers + ${rows * 3} contacts in ${Date.now() - t0} ms`);
    if (!benchPlugins(process.argv)) console.log(`dedup key back-fill: ${await fillDedupKeys(runtime.knex, runtime.jobs)}`);
    // The setup runtime steps aside: both sides run in processes of their own.
    await runtime.close();
    const served = await startWorkers(databaseUrl, session.user.id);
    const db = knexFactory({ client: 'pg', connection: databaseUrl, pool: { min: 0, max: 1 } });
    for (const s of SCENARIOS.filter((x) => x.name.includes(ONLY))) {
      // Each scenario starts from vacuumed tables, as pgbench's runs do: otherwise the count
      // after the write scenarios reads ~24k rows whose pages are not yet marked all-visible.
      if (VACUUM) await db.raw('vacuum (analyze) app_crm.customer, app_crm.contact');
      const { api, floor } = await compare(served, s, ids, token);
      const line = `| ${rows} | ${s.name} | ${api.rps.toFixed(0)} | ${api.p99} | ${floor.rps.toFixed(0)} | ${floor.p99} | ${((api.rps / floor.rps) * 100).toFixed(0)}% | ${api.cpu.toFixed(0)} | ${floor.cpu.toFixed(0)} | ${(api.cpu / floor.cpu).toFixed(2)}× |${api.bad || floor.bad ? ` non-2xx/errors: ${api.bad}/${floor.bad}` : ''}`;
      console.log(line);
      lines.push(line);
    }
    await db.destroy();
    await served.stop();
  }
  await admin.destroy();
  console.log(`\n${WORKERS} process(es) per side`);
  console.log(`\n${benchPlugins(process.argv) ? 'field-type plugins only' : 'every plugin of app.json (--plugins app)'}`);
  console.log(['', '| rows | scenario | API req/s | API p99 ms | raw req/s | raw p99 ms | API/raw | API CPU µs/req | raw CPU µs/req | CPU API/raw |', '|---|---|---|---|---|---|---|---|---|---|', ...lines].join('\n'));
}

if (cluster.isWorker) serveWorker().catch((err) => { console.error(err); process.exit(1); });
else main().then(() => process.exit(0), (err) => { console.error(err); process.exit(1); });
