/**
 * What an operator sees (issue 22): readiness distinct from liveness (503 while a migration
 * holds the app's lock, and while shutting down), Prometheus metrics per declared route, an
 * access line per request, structured JSON logs, and a shutdown that lets requests in flight finish.
 */
import { Writable } from 'node:stream';
import { definePlugin } from '@tessera/engine';
import { createTestRuntime, forEachDatabase, httpCall, type TestRuntime } from '@tessera/runtime';
import { createLogger } from '../src/observe/create-logger';
import type { AccessEntry } from '../src/observe/access-log';
import { testApp } from './fixtures';

const slowPlugin = definePlugin({
  name: 'slow',
  version: '0.1.0',
  routes(router) {
    router.get('/wait', async () => {
      await new Promise((r) => setTimeout(r, 600));
      return { body: { done: true } };
    });
  },
});

forEachDatabase('observability', (getCtx) => {
  let rt: TestRuntime;
  const access: AccessEntry[] = [];
  beforeAll(async () => {
    rt = await createTestRuntime({ app: testApp(), databaseUrl: getCtx().databaseUrl, dataDir: getCtx().dataDir, logger: { info: () => undefined, error: () => undefined, access: (e) => access.push(e) } });
  });
  afterAll(() => rt?.close());

  it('is ready when the database answers, no migration runs and the queue is up', async () => {
    const ready = await httpCall(rt.url, 'GET', '/readyz');
    expect(ready.status).toBe(200);
    expect(ready.body).toEqual({ status: 'ready', checks: { database: true, migrations: true, jobs: true } });
    expect((await httpCall(rt.url, 'GET', '/healthz')).status).toBe(200);
  });

  // PGlite has one connection: no second one can hold the lock while /readyz asks.
  if (getCtx().kind === 'postgres') {
    it('is not ready while another process migrates the app (its advisory lock is held)', async () => {
      const trx = await rt.runtime.knex.transaction();
      try {
        await trx.raw('select pg_advisory_xact_lock(hashtext(?))', [`tessera:app:${rt.runtime.app().name}`]);
        const res = await httpCall(rt.url, 'GET', '/readyz');
        expect(res.status).toBe(503);
        expect(res.body.checks).toEqual({ database: true, migrations: false, jobs: true });
      } finally {
        await trx.rollback();
      }
      expect((await httpCall(rt.url, 'GET', '/readyz')).status).toBe(200);
    });
  }

  it('writes an access entry per request, by declared route, and counts it in the metrics', async () => {
    const created = await rt.admin.call('POST', '/api/customers', { name: 'Metered Ltd' }, { 'x-request-id': 'req-metered' });
    await rt.admin.call('GET', `/api/customers/${created.body.data.id}`);
    expect(access).toContainEqual({ requestId: 'req-metered', method: 'POST', route: '/api/:plural', status: 201, ms: expect.any(Number), userId: rt.admin.user.id });
    expect(access.some((e) => e.route === '/api/:plural/:id' && e.method === 'GET')).toBe(true);
    const metrics = await httpCall(rt.url, 'GET', '/metrics');
    expect(metrics.status).toBe(200);
    expect(metrics.text).toContain('tessera_http_request_duration_seconds_count{method="POST",route="/api/:plural",status="201"}');
    expect(metrics.text).toContain('tessera_metadata_version ');
    // Record ids never become label values.
    expect(metrics.text).not.toContain(created.body.data.id);
  });
});

describe('graceful shutdown and structured logs', () => {
  it('finishes a request in flight when the runtime closes', async () => {
    const rt = await createTestRuntime({ app: testApp(), plugins: [slowPlugin] });
    const inFlight = rt.admin.call('GET', '/api/plugins/slow/wait');
    await new Promise((r) => setTimeout(r, 150));
    const closing = rt.close();
    const res = await inFlight;
    await closing;
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ done: true });
  });

  it('logs JSON lines with level, message and the access fields', () => {
    const lines: string[] = [];
    const sink = new Writable({ write(chunk, _enc, done) { lines.push(String(chunk)); done(); } });
    const log = createLogger('info', sink);
    log.info('hello', { extra: 1 });
    log.access({ requestId: 'r1', method: 'GET', route: '/api/:plural', status: 200, ms: 1.5, userId: null });
    const parsed = lines.map((l) => JSON.parse(l));
    expect(parsed[0]).toMatchObject({ level: 30, msg: 'hello', service: 'tessera', args: [{ extra: 1 }] });
    expect(parsed[1]).toMatchObject({ kind: 'access', requestId: 'r1', route: '/api/:plural', status: 200 });
  });
});
