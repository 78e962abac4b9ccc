import { createTestRuntime, forEachDatabase, type TestRuntime, waitFor } from '@tessera/runtime';
import { webhookReceiver } from './workflow-webhook-receiver';
import { workflowApp } from './workflow-fixtures';

// Two runtimes, each with its own pool and its own pg-boss, on one PostgreSQL database: what a
// horizontally scaled deployment looks like. (PGlite is one process's database, so it has no such case.)
forEachDatabase('workflow timers and webhooks with two runtimes on one database', (getCtx) => {
  const only = getCtx().kind === 'postgres' ? it : it.skip;

  only('fires each timer once and delivers each webhook once', async () => {
    const hook = await webhookReceiver(0);
    const app = workflowApp({ timerMs: 1000, webhook: { url: hook.url, retryLimit: 2, retryDelay: 1 } });
    const runtimes: TestRuntime[] = [];
    try {
      runtimes.push(await createTestRuntime({ app, databaseUrl: getCtx().databaseUrl }));
      runtimes.push(await createTestRuntime({ app, databaseUrl: getCtx().databaseUrl }));
      const [a, b] = runtimes;
      // Records moved through both processes, so both arm timers and both dispatch outboxes.
      const ids: string[] = [];
      for (let i = 0; i < 12; i++) {
        const rt = i % 2 === 0 ? a : b;
        const { id } = (await rt.admin.call('POST', '/api/customers', { name: `Shared ${i}` })).body.data;
        expect((await rt.admin.call('POST', `/api/customers/${id}/transitions/ACTIVATE`, {})).status).toBe(200);
        ids.push(id);
      }
      const knex = a.runtime.knex;
      await waitFor('every timer', async () => {
        const [{ n }] = await knex('tessera.workflow_history').whereIn('record_id', ids).where({ to_state: 'dormant' }).count({ n: '*' });
        return Number(n) === ids.length ? true : undefined;
      });
      await waitFor('every webhook', async () => (hook.calls.length >= ids.length ? true : undefined));
      await new Promise((r) => setTimeout(r, 2500)); // a second firing or delivery would show up by now
      const history = await knex('tessera.workflow_history').whereIn('record_id', ids).select('record_id', 'event');
      for (const id of ids) expect(history.filter((h) => h.record_id === id).map((h) => h.event).sort()).toEqual(['ACTIVATE', 'after:1000']);
      expect(hook.calls).toHaveLength(ids.length);
      const delivered = hook.calls.map((c) => JSON.parse(c.body).record.id as string).sort();
      expect(delivered).toEqual([...ids].sort());
      expect(new Set(hook.calls.map((c) => c.headers['x-tessera-delivery'])).size).toBe(ids.length);
      const sent = (await a.admin.call('GET', '/api/_meta/outbox?status=sent&limit=1000')).body.data.filter((r: { kind: string }) => r.kind === 'webhook');
      expect(sent.map((r: { attempts: number }) => r.attempts)).toEqual(ids.map(() => 1));
    } finally {
      for (const rt of runtimes) await rt.close();
      await hook.close();
    }
  });
});
