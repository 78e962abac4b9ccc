import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import knexFactory, { type Knex } from 'knex';
import type { EntityDefinition, WorkflowDefinition } from '@tessera/metadata';
import { createSessionClient, type SessionClient, waitFor } from '@tessera/runtime';
import { writeAppDir } from './app-files';
import { webhookReceiver } from './workflow-webhook-receiver';

// Issue 6, horizontally scaled: two `tessera start` OS processes on one PostgreSQL database,
// each with its own pool, pg-boss workers and outbox dispatch. workflow-shared-database.test.ts
// runs two runtimes in one Node process; here they share nothing but the database, and one of
// them can die with SIGKILL (no graceful stop, no pg-boss drain).

const ROOT = path.resolve(__dirname, '..', '..');
const SERVER_URL = process.env.TEST_DATABASE_URL;
const describeWithServer = SERVER_URL ? describe : describe.skip;
const reason = SERVER_URL ? '' : ' (skipped: TEST_DATABASE_URL is unset, and two OS processes need a PostgreSQL server to share)';

const WAIT_MS = 1000; // `waiting`: the timer every record of the first phase runs
const HOLD_MS = 3000; // `held`: long enough that the batch is still pending when its process is killed
const WAIT_EVENT = `after:${WAIT_MS}`;
const HOLD_EVENT = `after:${HOLD_MS}`;

const ticketEntity = (): EntityDefinition => ({
  type: 'object',
  'x-name': 'ticket',
  'x-plural': 'tickets',
  'x-label': { en: 'Ticket' },
  'x-display-field': 'name',
  required: ['name'],
  properties: {
    name: { 'x-id': 't_name', 'x-type': 'text', 'x-label': { en: 'Name' }, maxLength: 100 },
    stage: {
      'x-id': 't_stage',
      'x-type': 'select',
      'x-label': { en: 'Stage' },
      'x-options': ['new', 'waiting', 'held', 'done'].map((value) => ({ value, label: { en: value } })),
    },
  },
});

/** new →START→ waiting →after 1 s→ done, new →HOLD→ held →after 3 s→ done; each timer calls the webhook and notifies the owner. */
const ticketWorkflow = (hookUrl: string): WorkflowDefinition => {
  const leave = (target: string) => ({
    target,
    actions: [
      // retryDelay 1 s: a failed first attempt would be visible (as a second call) within the test.
      { type: 'webhook', params: { url: hookUrl, retryLimit: 2, retryDelay: 1 } },
      { type: 'notify', params: { template: 'Ticket {{name}} is {{stage}}', to: ['owner'] } },
    ],
  });
  return {
    name: 'ticket_flow',
    entity: 'ticket',
    stateField: 'stage',
    version: 1,
    machine: {
      initial: 'new',
      states: {
        new: { on: { START: { target: 'waiting' }, HOLD: { target: 'held' } } },
        waiting: { after: { [String(WAIT_MS)]: leave('done') } },
        held: { after: { [String(HOLD_MS)]: leave('done') } },
        done: { type: 'final' },
      },
    },
  };
};

/** The app folder `tessera start` reads: app.json, entities/, workflows/. */
async function writeProcessApp(hookUrl: string): Promise<string> {
  const dir = await writeAppDir({ name: 'proc_test', label: { en: 'Processes test' }, entities: [ticketEntity()], layouts: [] });
  await mkdir(path.join(dir, 'workflows'), { recursive: true });
  await writeFile(path.join(dir, 'workflows', 'ticket-flow.workflow.json'), JSON.stringify(ticketWorkflow(hookUrl), null, 2));
  return dir;
}

interface Child {
  name: string;
  child: ChildProcess;
  url: string;
  output: () => string;
  exited: Promise<number | null>;
}

/**
 * `tessera start <appDir>` as its own OS process (plain node with tsx's loader, so the pid is the
 * runtime itself) in its own process group, on a free port; resolves once it listens.
 */
function startChild(name: string, databaseUrl: string, appDir: string, adminPassword: string): Promise<Child> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'runtime/src/cli/main.ts', 'start', appDir], {
    cwd: ROOT,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, DATABASE_URL: databaseUrl, TESSERA_DATA_DIR: '', PORT: '0', HOST: '127.0.0.1', TESSERA_SEED: '0', TESSERA_ADMIN_PASSWORD: adminPassword },
  });
  let output = '';
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      // A failed start can hang instead of exiting (its pg-boss is left running): never leave it behind.
      signalGroup(child, 'SIGKILL');
      reject(new Error(`${name} did not start within 60 s:\n${output}`));
    }, 60_000);
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /Tessera is running at (http:\/\/\S+)/.exec(output);
      if (!match) return;
      clearTimeout(timer);
      resolve({ name, child, url: match[1].replace('localhost', '127.0.0.1'), output: () => output, exited });
    };
    child.stdout!.on('data', read);
    child.stderr!.on('data', read);
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`${name} exited with ${code} before it listened:\n${output}`));
    });
  });
}

/** Signals the child's whole process group (it was spawned detached, so the group is its pid). */
function signalGroup(c: ChildProcess, signal: NodeJS.Signals): void {
  if (c.pid === undefined || c.exitCode !== null || c.signalCode !== null) return;
  try {
    process.kill(-c.pid, signal);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ESRCH') throw err;
  }
}

describeWithServer(`workflows: two runtime processes sharing one database (each timer and webhook fires once)${reason}`, () => {
  const database = `tessera_test_${randomBytes(6).toString('hex')}`;
  const adminPassword = `proc-${randomBytes(9).toString('hex')}`;
  const server = () => knexFactory({ client: 'pg', connection: SERVER_URL, pool: { min: 0, max: 1 } });
  const databaseUrl = (() => {
    if (!SERVER_URL) return '';
    const url = new URL(SERVER_URL);
    url.pathname = `/${database}`;
    return url.toString();
  })();
  let hook: Awaited<ReturnType<typeof webhookReceiver>>;
  let appDir: string | undefined;
  let db: Knex | undefined;
  const children: Child[] = [];
  let a: SessionClient;
  let b: SessionClient;

  beforeAll(async () => {
    const admin = server();
    await admin.raw('create database ??', [database]).finally(() => admin.destroy());
    hook = await webhookReceiver(0);
    appDir = await writeProcessApp(hook.url);
    // Both at once on a fresh database: their first starts race on the bookkeeping schema and on
    // pg-boss's queues (create-job-queue.ts retries a create that lost the race).
    children.push(...(await Promise.all([startChild('A', databaseUrl, appDir, adminPassword), startChild('B', databaseUrl, appDir, adminPassword)])));
    expect(new Set(children.map((c) => c.child.pid)).size).toBe(2);
    expect(new Set(children.map((c) => c.url)).size).toBe(2);
    a = await createSessionClient(children[0].url, 'admin', adminPassword);
    b = await createSessionClient(children[1].url, 'admin', adminPassword);
    db = knexFactory({ client: 'pg', connection: databaseUrl, pool: { min: 0, max: 2 } });
  }, 90_000);

  afterAll(async () => {
    // The whole group of each child, gracefully first; SIGKILL whatever is still there after 10 s.
    for (const c of children) signalGroup(c.child, 'SIGTERM');
    await Promise.all(children.map(async (c) => {
      let timer: NodeJS.Timeout | undefined;
      const stopped = await Promise.race([c.exited.then(() => true), new Promise<boolean>((r) => (timer = setTimeout(() => r(false), 10_000)))]);
      clearTimeout(timer);
      if (!stopped) {
        signalGroup(c.child, 'SIGKILL');
        await c.exited;
      }
    }));
    await db?.destroy();
    await hook?.close();
    if (appDir) await rm(appDir, { recursive: true, force: true });
    const admin = server();
    await admin.raw('drop database if exists ?? with (force)', [database]).finally(() => admin.destroy());
  });

  /** Creates `n` tickets through `client` and moves each with `event` (both processes arm timers). */
  async function ticketsThrough(client: SessionClient, label: string, n: number, event: 'START' | 'HOLD'): Promise<string[]> {
    const ids: string[] = [];
    for (let i = 0; i < n; i++) {
      const created = await client.call('POST', '/api/tickets', { name: `${label} ${i}` });
      expect(created.status).toBe(201);
      expect(created.body.data.stage).toBe('new');
      ids.push(created.body.data.id);
    }
    // All at once, so the timers of a batch are armed within a short window of each other.
    const moved = await Promise.all(ids.map((id) => client.call('POST', `/api/tickets/${id}/transitions/${event}`, {})));
    expect(moved.map((m) => m.status)).toEqual(ids.map(() => 200));
    return ids;
  }

  const doneCount = async (ids: string[]) => Number((await db!('app_proc_test.ticket').whereIn('id', ids).where({ stage: 'done' }).count({ n: '*' }))[0].n);

  /** Every record left its timed state by `timerEvent` exactly once, its webhook arrived once, its notification exists once. */
  async function expectEachOnce(ids: string[], entryEvent: string, timerEvent: string): Promise<void> {
    const history = await db!('tessera.workflow_history').whereIn('record_id', ids).select('record_id', 'event', 'to_state');
    for (const id of ids) {
      expect({ id, events: history.filter((h) => h.record_id === id).map((h) => `${h.event}>${h.to_state}`).sort() })
        .toEqual({ id, events: [`${entryEvent}>${entryEvent === 'START' ? 'waiting' : 'held'}`, `${timerEvent}>done`].sort() });
    }
    const calls = hook.calls.map((c) => ({ record: JSON.parse(c.body).record.id as string, delivery: String(c.headers['x-tessera-delivery']), attempt: String(c.headers['x-tessera-attempt']) }));
    for (const id of ids) expect({ id, calls: calls.filter((c) => c.record === id).map((c) => c.attempt) }).toEqual({ id, calls: ['1'] });
    const outbox = await db!('tessera.outbox').whereRaw(`payload->>'recordId' = any(?)`, [ids]).select('id', 'kind', 'sent_at', 'attempts', 'dead_at', 'payload');
    for (const id of ids) {
      const rows = outbox.filter((r) => r.payload.recordId === id);
      expect({ id, kinds: rows.map((r) => r.kind).sort() }).toEqual({ id, kinds: ['notify', 'webhook'] });
      for (const r of rows) expect({ id, kind: r.kind, sent: r.sent_at !== null, attempts: r.attempts, dead: r.dead_at }).toEqual({ id, kind: r.kind, sent: true, attempts: 1, dead: null });
    }
    // Each webhook row was the one delivered, under its own delivery id.
    const webhookRows = outbox.filter((r) => r.kind === 'webhook').map((r) => r.id).sort();
    expect(calls.filter((c) => ids.includes(c.record)).map((c) => c.delivery).sort()).toEqual(webhookRows);
    const notifyRows = outbox.filter((r) => r.kind === 'notify').map((r) => r.id);
    const notes = await db!('tessera.notifications').whereIn('outbox_id', notifyRows).select('outbox_id', 'record_id');
    const perOutbox = new Map<string, number>();
    for (const n of notes) perOutbox.set(n.outbox_id, (perOutbox.get(n.outbox_id) ?? 0) + 1);
    expect(notifyRows.map((id) => perOutbox.get(id) ?? 0)).toEqual(notifyRows.map(() => 1));
    // ...and no notification for these records escaped the outbox (e.g. a second row without outbox_id).
    expect(Number((await db!('tessera.notifications').whereIn('record_id', ids).count({ n: '*' }))[0].n)).toBe(ids.length);
  }

  it('fires each timer once and delivers each webhook and notification once, whichever process armed it', async () => {
    // 10 through each process, interleaved in time: both arm timers, both dispatch outboxes.
    const [fromA, fromB] = await Promise.all([ticketsThrough(a, 'A', 10, 'START'), ticketsThrough(b, 'B', 10, 'START')]);
    const ids = [...fromA, ...fromB];
    expect(new Set(ids).size).toBe(20);
    // Each process sees the other's records: one database, not two.
    expect((await a.call('GET', `/api/tickets/${fromB[0]}`)).status).toBe(200);
    expect((await b.call('GET', `/api/tickets/${fromA[0]}`)).status).toBe(200);

    await waitFor('every ticket to leave `waiting`', async () => ((await doneCount(ids)) === ids.length ? true : undefined), 30_000);
    await waitFor('every webhook', async () => (new Set(hook.calls.map((c) => JSON.parse(c.body).record.id)).size >= ids.length ? true : undefined), 20_000);
    await waitFor('every notification', async () => (Number((await db!('tessera.notifications').whereIn('record_id', ids).count({ n: '*' }))[0].n) >= ids.length ? true : undefined), 20_000);
    // A second firing or delivery (a timer job run by both workers, an outbox row claimed twice) would show by now.
    await new Promise((r) => setTimeout(r, 2500));
    await expectEachOnce(ids, 'START', WAIT_EVENT);
    expect(hook.calls).toHaveLength(ids.length);
    // Both processes are still up.
    for (const c of children) expect({ name: c.name, exitCode: c.child.exitCode, signal: c.child.signalCode }).toEqual({ name: c.name, exitCode: null, signal: null });
  }, 90_000);

  it('after one process is killed with SIGKILL, the other fires the timers it armed, each once', async () => {
    const [survivor, victim] = children;
    const callsBefore = hook.calls.length;
    const ids = await ticketsThrough(b, 'Held', 10, 'HOLD');

    // No graceful stop: the victim's pg-boss, pool and outbox loop vanish mid-flight.
    signalGroup(victim.child, 'SIGKILL');
    await victim.exited;
    expect(victim.child.signalCode).toBe('SIGKILL');
    await expect(b.call('GET', '/healthz')).rejects.toThrow();

    // The premise: the victim armed these timers and none has run yet (queued in pg-boss, not taken).
    const jobs = await db!('tessera_jobs.job').where({ name: 'tessera-workflow-timer' }).whereRaw(`data->>'id' = any(?)`, [ids]).select('state');
    expect(jobs.map((j) => j.state)).toEqual(ids.map(() => 'created'));
    expect(await doneCount(ids)).toBe(0);

    await waitFor('the survivor to fire every held timer', async () => ((await doneCount(ids)) === ids.length ? true : undefined), 30_000);
    await waitFor('every webhook of the held batch', async () => (new Set(hook.calls.slice(callsBefore).map((c) => JSON.parse(c.body).record.id)).size >= ids.length ? true : undefined), 20_000);
    await waitFor('every notification of the held batch', async () => (Number((await db!('tessera.notifications').whereIn('record_id', ids).count({ n: '*' }))[0].n) >= ids.length ? true : undefined), 20_000);
    await new Promise((r) => setTimeout(r, 2500));
    await expectEachOnce(ids, 'HOLD', HOLD_EVENT);
    expect(hook.calls.length - callsBefore).toBe(ids.length);
    // The survivor still serves, and saw the batch move.
    const one = await a.call('GET', `/api/tickets/${ids[0]}`);
    expect(one.body.data.stage).toBe('done');
    expect({ exitCode: survivor.child.exitCode, signal: survivor.child.signalCode }).toEqual({ exitCode: null, signal: null });
  }, 90_000);
});
