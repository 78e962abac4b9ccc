/**
 * Server CPU per request for one API scenario (get by id unless --path): seeds --rows customers
 * into a fresh PostgreSQL database, starts the runtime, and drives it from a separate autocannon
 * process (with bench/api's plugins: field types only), so the CPU figure (and a profile with node --cpu-prof) is the server's alone — a
 * measure that holds up on a loaded machine, unlike req/s.
 *
 * `--method POST --body '{"name":"x [<id>]"}'` profiles a write instead (autocannon's -m/-b; `[<id>]` becomes a
 * fresh id per request, so the example's duplicate check sees new names, not one refused 409 after another).
 * `--cpu-prof FILE` writes a V8 CPU profile of the driving window only (not of seeding or startup).
 *
 *   npx tsx bench/profile-get.ts [--plugins app] [--rows 10000] [--seconds 8] [--path /api/customers?limit=50] [--raw] [--cpu-prof /tmp/get.cpuprofile]
 */
import { spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { resolve } from 'node:path';
import knexFactory from 'knex';
import { createRuntime, createSessionClient } from '@tessera/runtime';
import { benchPlugins } from './api/bench-plugins';
import { fillDedupKeys } from './api/fill-dedup-keys';
import { startRawServer } from './api/raw-server';
import { seedCrm } from './api/seed-crm';

const arg = (name: string, fallback: string) => { const i = process.argv.indexOf(`--${name}`); return i > 0 ? process.argv[i + 1] : fallback; };
const SERVER = arg('url', 'postgres://postgres@127.0.0.1:5432/postgres');
const DB = 'tessera_bench_profile';

/** All CPUs' non-idle time so far (/proc/stat, in µs): with the server's own figure it shows what PostgreSQL and the client cost. */
function machineBusyMicros(): number {
  const [, ...ticks] = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).map(Number);
  const idle = ticks[3] + ticks[4];
  return ((ticks.reduce((a, b) => a + b, 0) - idle) * 1e6) / 100; // USER_HZ = 100 on Linux
}

async function main() {
  const admin = knexFactory({ client: 'pg', connection: SERVER, pool: { min: 0, max: 1 } });
  await admin.raw('drop database if exists ?? with (force)', [DB]);
  await admin.raw('create database ??', [DB]);
  const u = new URL(SERVER); u.pathname = `/${DB}`;
  const runtime = await createRuntime({ appDir: resolve(__dirname, '../examples/crm'), databaseUrl: u.toString(), adminPassword: 'bench-admin-password', appPlugins: benchPlugins(process.argv), logger: { info: () => undefined, error: console.error } });
  const { url } = await runtime.listen(0, '127.0.0.1');
  const session = await createSessionClient(url, 'admin', 'bench-admin-password');
  const token = (await session.call('POST', '/api/auth/tokens', { name: 'bench', scopes: ['write'] })).body.data.token as string;
  const ids = await seedCrm(runtime.knex, Number(arg('rows', '10000')), session.user.id);
  if (!benchPlugins(process.argv)) console.log(`dedup key back-fill: ${await fillDedupKeys(runtime.knex, runtime.jobs)}`);
  // --raw: the same request against the floor server (node:http + pg, same SQL, same process).
  const raw = process.argv.includes('--raw') ? await startRawServer(u.toString(), session.user.id) : undefined;
  const path = raw ? arg('path', `/customers/${ids[7]}`) : arg('path', `/api/customers/${ids[7]}`);
  const target = raw ? raw.url : url;
  // Out of process, so the profile (node --cpu-prof) and the CPU figure are the server's.
  const profileTo = process.argv.includes('--cpu-prof') ? arg('cpu-prof', '') : '';
  const inspector = profileTo ? new Session() : undefined;
  if (inspector) { inspector.connect(); await inspector.post('Profiler.enable'); await inspector.post('Profiler.start'); }
  const cpu0 = process.cpuUsage();
  const busy0 = machineBusyMicros();
  const out = await new Promise<string>((done) => {
    // A driver of autocannon's API (its CLI's -I sends nothing): each request's `[<id>]` becomes a counter.
    const driver = `const ac = require(${JSON.stringify(require.resolve('autocannon'))}); let n = 0; const body = process.env.BODY;
      ac({ url: process.env.URL, connections: 32, duration: Number(process.env.SECONDS), method: process.env.METHOD,
        headers: { authorization: process.env.AUTH, 'content-type': 'application/json' },
        requests: [{ setupRequest: (req) => (body ? { ...req, body: body.split('[<id>]').join(String(++n)) } : req) }] },
        (err, result) => { if (err) throw err; process.stdout.write(JSON.stringify(result)); });`;
    const p = spawn(process.execPath, ['-e', driver], {
      stdio: ['ignore', 'pipe', 'inherit'],
      env: { ...process.env, URL: target + path, SECONDS: arg('seconds', '8'), METHOD: arg('method', 'GET'), AUTH: `Bearer ${token}`, BODY: process.argv.includes('--body') ? arg('body', '') : '' },
    });
    let text = '';
    p.stdout.on('data', (d) => (text += d));
    p.on('exit', () => done(text));
  });
  const cpu = process.cpuUsage(cpu0);
  const busy = machineBusyMicros() - busy0;
  if (inspector) writeFileSync(profileTo, JSON.stringify((await inspector.post('Profiler.stop')).profile));
  const result = JSON.parse(out) as { requests: { total: number; average: number }; latency: { p99: number } };
  // CPU per request is what the server spends, whatever else loads the machine.
  console.log(`${path}: ${result.requests.total} requests, ${result.requests.average} req/s, p99 ${result.latency.p99} ms; server CPU ${((cpu.user + cpu.system) / result.requests.total).toFixed(0)} µs/request (user ${(cpu.user / result.requests.total).toFixed(0)}, system ${(cpu.system / result.requests.total).toFixed(0)}); machine ${(busy / result.requests.total).toFixed(0)} µs/request (server + PostgreSQL + autocannon + anything else running)`);
  await raw?.close();
  await runtime.close();
  await admin.raw('drop database if exists ?? with (force)', [DB]);
  await admin.destroy();
}
main().catch((e) => { console.error(e); process.exit(1); });
