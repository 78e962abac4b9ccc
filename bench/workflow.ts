/**
 * Workflow benchmark (issue 6) on PostgreSQL, in a fresh database `tessera_bench_wf`:
 *  1. sustained transitions/s: `--records` tickets toggled open ⇄ closed through
 *     `POST /api/tickets/{id}/transitions/TOGGLE` by `--concurrency` workers for `--duration` s;
 *     each transition writes the state (compare-and-set), a history row, the audit row (trigger)
 *     and a notify outbox row, which the dispatcher delivers meanwhile. Target ≥ 300/s.
 *  2. the inbox of one approver with 10,000 pending tasks: `GET /api/approvals/inbox` p99 over
 *     `--inbox-requests` requests (autocannon, 8 connections). Target p99 < 30 ms.
 *
 *   npx tsx bench/workflow.ts [--records 2000 --concurrency 24 --duration 10 --inbox-requests 2000 --url postgres://postgres@127.0.0.1:5432/postgres]
 */
import autocannon from 'autocannon';
import knexFactory from 'knex';
import type { AppDefinition } from '@tessera/metadata';
import { createRuntime, createSessionClient } from '@tessera/runtime';

const arg = (name: string, fallback: string) => { const i = process.argv.indexOf(`--${name}`); return i > 0 ? process.argv[i + 1] : fallback; };
const SERVER = arg('url', process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres');
const RECORDS = Number(arg('records', '2000'));
const CONCURRENCY = Number(arg('concurrency', '24'));
const DURATION = Number(arg('duration', '10'));
const INBOX_REQUESTS = Number(arg('inbox-requests', '2000'));
const INBOX_TASKS = 10_000;
const DB = 'tessera_bench_wf';
const withDb = (url: string, db: string) => { const u = new URL(url); u.pathname = `/${db}`; return u.toString(); };

const app: AppDefinition = {
  name: 'wf_bench',
  label: { en: 'Workflow bench' },
  layouts: [],
  entities: [{
    type: 'object', 'x-name': 'ticket', 'x-plural': 'tickets', 'x-label': { en: 'Ticket' }, 'x-display-field': 'title', required: ['title'],
    properties: {
      title: { 'x-id': 't_title', 'x-type': 'text', 'x-label': { en: 'Title' } },
      status: { 'x-id': 't_status', 'x-type': 'select', 'x-label': { en: 'Status' }, 'x-options': ['open', 'closed'].map((value) => ({ value, label: { en: value } })) },
    },
  }],
  workflows: [{
    name: 'ticket_status', entity: 'ticket', stateField: 'status', version: 1,
    machine: {
      initial: 'open',
      states: {
        open: { on: { TOGGLE: { target: 'closed', actions: [{ type: 'notify', params: { template: '{{title}} closed', to: ['owner'] } }] } } },
        closed: { on: { TOGGLE: { target: 'open', actions: [{ type: 'notify', params: { template: '{{title}} reopened', to: ['owner'] } }] } } },
      },
    },
  }],
};

async function freshDatabase(): Promise<string> {
  const admin = knexFactory({ client: 'pg', connection: SERVER, pool: { min: 0, max: 1 } });
  try {
    await admin.raw('drop database if exists ?? with (force)', [DB]);
    await admin.raw('create database ??', [DB]);
  } finally {
    await admin.destroy();
  }
  return withDb(SERVER, DB);
}

async function main() {
  const databaseUrl = await freshDatabase();
  const runtime = await createRuntime({ app, databaseUrl, adminPassword: 'bench-admin-password', logger: { error: (m: unknown) => console.error(m), info: () => undefined } });
  const { url } = await runtime.listen(0, '127.0.0.1');
  const admin = await createSessionClient(url, 'admin', 'bench-admin-password');
  const knex = runtime.knex;
  try {
    // Seed through the API (16 at a time): ordinary records in the initial state.
    const ids: string[] = [];
    for (let i = 0; i < RECORDS; i += 16) {
      const batch = await Promise.all(Array.from({ length: Math.min(16, RECORDS - i) }, (_, k) => admin.call('POST', '/api/tickets', { title: `Ticket ${i + k}` })));
      ids.push(...batch.map((r) => r.body.data.id as string));
    }
    const headers = { cookie: admin.cookie, 'x-csrf-token': admin.csrfToken, 'content-type': 'application/json' };
    // Warm-up, then the measured window: each worker owns its records, so no two requests race on one.
    await Promise.all(ids.slice(0, CONCURRENCY).map((id) => fetch(`${url}/api/tickets/${id}/transitions/TOGGLE`, { method: 'POST', headers, body: '{}' })));
    const historyBefore = Number((await knex('tessera.workflow_history').count({ n: '*' }))[0].n);
    const latencies: number[] = [];
    let failed = 0;
    const stopAt = Date.now() + DURATION * 1000;
    const started = Date.now();
    await Promise.all(Array.from({ length: CONCURRENCY }, async (_, w) => {
      for (let i = w; Date.now() < stopAt; i += CONCURRENCY) {
        const t0 = performance.now();
        const res = await fetch(`${url}/api/tickets/${ids[i % ids.length]}/transitions/TOGGLE`, { method: 'POST', headers, body: '{}' });
        await res.arrayBuffer();
        latencies.push(performance.now() - t0);
        if (res.status !== 200) failed += 1;
      }
    }));
    const seconds = (Date.now() - started) / 1000;
    latencies.sort((a, b) => a - b);
    const p = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(latencies.length * q))].toFixed(1);
    const history = Number((await knex('tessera.workflow_history').count({ n: '*' }))[0].n) - historyBefore;
    const outbox = Number((await knex('tessera.outbox').count({ n: '*' }))[0].n);
    const audit = Number((await knex('tessera.audit_log').where('action', 'like', '%update%').count({ n: '*' }))[0].n);
    console.log(`transitions: ${(latencies.length - failed) / seconds | 0}/s over ${seconds.toFixed(1)} s, concurrency ${CONCURRENCY}, ${RECORDS} records; p50 ${p(0.5)} ms p99 ${p(0.99)} ms; non-200 ${failed}`);
    console.log(`  written: ${history} history rows in the window; outbox rows ${outbox}; audit update rows ${audit} (target ≥ 300/s)`);

    // The inbox: one approver, 10,000 pending tasks (each its own instance), plus others' tasks.
    const approver = await createUser(admin, 'approver');
    const other = await createUser(admin, 'bystander');
    for (let i = 0; i < INBOX_TASKS; i += 1000) {
      const n = Math.min(1000, INBOX_TASKS - i);
      const instances = Array.from({ length: n }, (_, k) => ({ id: crypto.randomUUID(), entity: 'ticket', record_id: ids[(i + k) % ids.length], workflow: 'ticket_status', workflow_version: 1, app_version: 1, state_name: 'open', definition: '{}', state: '{}', status: 'running', submitter: admin.user.id }));
      await knex('tessera.approval_instances').insert(instances);
      await knex('tessera.approval_tasks').insert(instances.flatMap((inst, k) => [
        { instance_id: inst.id, task_key: 't1', step: 's1', round: 1, assignee: approver, status: 'pending', created_at: new Date(Date.now() - (INBOX_TASKS - i - k) * 1000) },
        { instance_id: inst.id, task_key: 't2', step: 's1', round: 1, assignee: other, status: 'pending' },
      ]));
    }
    await knex.raw('analyze tessera.approval_tasks');
    const approverClient = await createSessionClient(url, 'approver', 'approver-password-1');
    const inbox = await autocannon({ url: `${url}/api/approvals/inbox?limit=50`, connections: 8, amount: INBOX_REQUESTS, headers: { cookie: approverClient.cookie } });
    const first = await approverClient.call('GET', '/api/approvals/inbox?limit=50');
    console.log(`inbox (10,000 pending for one approver, ${INBOX_REQUESTS} requests, 8 connections): p50 ${inbox.latency.p50} ms p99 ${inbox.latency.p99} ms, ${inbox.requests.average} req/s, non-2xx ${inbox.non2xx}; page size ${first.body.data.length}, next ${first.body.next ? 'yes' : 'no'} (target p99 < 30 ms)`);
  } finally {
    await runtime.close();
  }
}

/** Through the public admin API, like an operator would: the bench reaches no runtime internals. */
async function createUser(admin: Awaited<ReturnType<typeof createSessionClient>>, username: string): Promise<string> {
  const res = await admin.call('POST', '/api/admin/users', { username, password: `${username}-password-1`, roles: ['user'] });
  if (res.status !== 201) throw new Error(`creating ${username}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.data.id as string;
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
