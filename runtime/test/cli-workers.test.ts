import { execFileSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import knexFactory, { type Knex } from 'knex';
import { createSessionClient, waitFor } from '@tessera/runtime';
import { withDatabase } from '../src/testing/for-each-database';
import { workerCount } from '../src/cli/cluster-workers';
import { startTesseraProcess } from './start-process';

const SERVER_URL = process.env.TEST_DATABASE_URL;
const describeWithServer = SERVER_URL ? describe : describe.skip;

describe('workerCount', () => {
  it('reads TESSERA_WORKERS, and refuses more than one process on the embedded database', () => {
    const db = { DATABASE_URL: 'postgres://127.0.0.1/x' };
    expect(workerCount(db)).toBe(1);
    expect(workerCount({ ...db, TESSERA_WORKERS: '3' })).toBe(3);
    expect(workerCount({ ...db, TESSERA_WORKERS: 'auto' })).toBeGreaterThanOrEqual(1);
    expect(() => workerCount({ ...db, TESSERA_WORKERS: 'many' })).toThrow(/TESSERA_WORKERS: must be a whole number from 1 to 64/);
    expect(() => workerCount({ TESSERA_WORKERS: '2' })).toThrow(/needs DATABASE_URL/);
  });
});

/**
 * The worker processes under `launcher`: `runtime/src/cli/main.ts` processes whose parent is one too (launcher
 * (tsx cli) → primary → workers; other children, such as esbuild's service, do not match).
 */
const workerPids = (launcher: number): number[] => {
  const procs = execFileSync('ps', ['-e', '-o', 'pid=,ppid=,args='], { encoding: 'utf8' })
    .split('\n')
    .map((line) => /^\s*(\d+)\s+(\d+)\s+(.*)$/.exec(line))
    .filter((m): m is RegExpExecArray => m !== null)
    .map(([, pid, ppid, args]) => ({ pid: Number(pid), ppid: Number(ppid), args }));
  const below = new Set([launcher]);
  for (let grew = true; grew; ) {
    grew = false;
    for (const p of procs) if (below.has(p.ppid) && !below.has(p.pid)) (below.add(p.pid), (grew = true));
  }
  const runtime = new Set(procs.filter((p) => below.has(p.pid) && p.args.includes('runtime/src/cli/main.ts') && !p.args.includes('tsx/dist/cli.mjs')).map((p) => p.pid));
  return procs.filter((p) => runtime.has(p.pid) && runtime.has(p.ppid)).map((p) => p.pid);
};

// Several `tessera start` worker processes share one port (node:cluster) and one PostgreSQL.
describeWithServer(`tessera start with TESSERA_WORKERS=2${SERVER_URL ? '' : ' (skipped: TEST_DATABASE_URL is unset)'}`, () => {
  const dbName = `tessera_workers_${randomBytes(4).toString('hex')}`;
  let admin: Knex;
  let child: ChildProcess;
  let url = '';
  let output: () => string = () => '';
  beforeAll(async () => {
    admin = knexFactory({ client: 'pg', connection: SERVER_URL!, pool: { min: 0, max: 1 } });
    await admin.raw('create database ??', [dbName]);
    const started = await startTesseraProcess(withDatabase(SERVER_URL!, dbName), { TESSERA_WORKERS: '2', TESSERA_ADMIN_PASSWORD: 'workers-admin-password' }, /2 worker processes are serving the app/, 90_000);
    child = started.child;
    url = started.url;
    output = started.output;
  });
  afterAll(async () => {
    if (child && child.exitCode === null) {
      child.kill('SIGTERM');
      await new Promise((r) => child.once('exit', r));
    }
    await admin.raw('drop database if exists ?? with (force)', [dbName]);
    await admin.destroy();
  });

  it('prints the address once, serves from both processes, and a session made in one works in the other', async () => {
    expect(output().match(/Tessera is running at/g)).toHaveLength(1);
    expect(workerPids(child.pid!)).toHaveLength(2);
    const session = await createSessionClient(url, 'admin', 'workers-admin-password');
    const created = await session.call('POST', '/api/customers', { name: 'Served by either' });
    expect(created.status).toBe(201);
    // Fresh connections are spread over the workers; each must know the session and the record.
    for (let i = 0; i < 8; i++) {
      const res = await fetch(`${url}/api/customers/${created.body.data.id}`, { headers: { cookie: session.cookie, connection: 'close' } });
      expect(res.status).toBe(200);
    }
  });

  it('replaces a worker that dies, and stops all of them on SIGTERM', async () => {
    const [first] = workerPids(child.pid!);
    process.kill(first, 'SIGKILL');
    await waitFor('a replacement worker', async () => (workerPids(child.pid!).length === 2 && !workerPids(child.pid!).includes(first) ? true : undefined), 90_000);
    expect(output()).toMatch(/worker \d+ exited \(code null\); starting another/);
    await waitFor('the app to answer', async () => ((await fetch(`${url}/healthz`, { headers: { connection: 'close' } }).catch(() => undefined))?.status === 200 ? true : undefined), 60_000);
    const workers = workerPids(child.pid!);
    child.kill('SIGTERM');
    const code = await new Promise((r) => child.once('exit', r));
    expect(code).toBe(0);
    for (const pid of workers) expect(() => process.kill(pid, 0)).toThrow();
  }, 240_000);
});
