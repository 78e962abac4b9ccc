import { createTestRuntime, forEachDatabase, waitFor } from '@tessera/runtime';
import { webhookReceiver } from './workflow-webhook-receiver';
import { workflowApp } from './workflow-fixtures';

forEachDatabase('outbox dead-letter replay', (getCtx) => {
  it('re-queues a dead webhook once: attempts reset, delivered when the endpoint is back, audited', async () => {
    const hook = await webhookReceiver(2); // fails twice, then answers 200
    const rt = await createTestRuntime({ app: workflowApp({ timerMs: 300, webhook: { url: hook.url, retryLimit: 1, retryDelay: 1 } }), databaseUrl: getCtx().databaseUrl, dataDir: getCtx().dataDir });
    try {
      const { id } = (await rt.admin.call('POST', '/api/customers', { name: 'Replayed' })).body.data;
      expect((await rt.admin.call('POST', `/api/customers/${id}/transitions/ACTIVATE`, {})).status).toBe(200);
      const dead = await waitFor('the dead letter', async () => (await rt.admin.call('GET', '/api/_meta/outbox?status=dead')).body.data[0]);
      expect(dead).toMatchObject({ kind: 'webhook', attempts: 2 });
      expect(hook.calls).toHaveLength(2);

      await rt.createUser({ username: 'clerk', password: 'clerk-password-1', roles: ['user'] });
      const clerk = await rt.login('clerk', 'clerk-password-1');
      expect((await clerk.call('POST', `/api/_meta/outbox/${dead.id}/replay`, {})).status).toBe(403);

      const res = await rt.admin.call('POST', `/api/_meta/outbox/${dead.id}/replay`, {});
      expect(res.status).toBe(202);
      expect(res.body.data).toEqual({ id: dead.id, kind: 'webhook', status: 'queued', attempts: 0 });
      // Not dead any more: a second replay is a conflict, not a second delivery.
      const again = await rt.admin.call('POST', `/api/_meta/outbox/${dead.id}/replay`, {});
      expect(again.status).toBe(409);
      expect(again.body.error.code).toBe('outbox_not_dead');

      const sent = await waitFor('the replayed delivery', async () => (await rt.admin.call('GET', '/api/_meta/outbox?status=sent')).body.data.find((r: { id: string }) => r.id === dead.id));
      expect(sent).toMatchObject({ attempts: 1, lastError: null, deadAt: null });
      expect(hook.calls).toHaveLength(3);
      expect(hook.calls[2].headers['x-tessera-delivery']).toBe(dead.id);
      expect(hook.calls[2].headers['x-tessera-attempt']).toBe('1');
      expect((await rt.admin.call('GET', '/api/_meta/outbox?status=dead')).body.data).toEqual([]);

      const audit = await rt.runtime.knex('tessera.audit_log').where({ action: 'outbox.replay' });
      expect(audit).toEqual([expect.objectContaining({ entity: 'customer', record_id: id, meta: { outbox: dead.id, kind: 'webhook' } })]);
      expect((await rt.admin.call('POST', `/api/_meta/outbox/${dead.id}/replay`, {})).body.error.message).toContain('sent');
    } finally {
      await rt.close();
      await hook.close();
    }
  }, 90_000);

  it('404 for an unknown row, 409 for a kind that never dies, 405 for another method', async () => {
    const rt = await createTestRuntime({ app: workflowApp(), databaseUrl: getCtx().databaseUrl, dataDir: getCtx().dataDir });
    try {
      expect((await rt.admin.call('POST', '/api/_meta/outbox/00000000-0000-4000-8000-000000000000/replay', {})).status).toBe(404);
      expect((await rt.admin.call('POST', '/api/_meta/outbox/not-a-uuid/replay', {})).status).toBe(404);
      const [row] = await rt.runtime.knex('tessera.outbox').insert({ kind: 'notify', payload: JSON.stringify({ to: [] }), dead_at: rt.runtime.knex.fn.now() }).returning('id');
      const res = await rt.admin.call('POST', `/api/_meta/outbox/${row.id}/replay`, {});
      expect(res.status).toBe(409);
      expect(res.body.error.code).toBe('outbox_not_replayable');
      expect((await rt.runtime.knex('tessera.outbox').where({ id: row.id }).first()).dead_at).not.toBeNull();
      expect((await rt.admin.call('GET', `/api/_meta/outbox/${row.id}/replay`)).status).toBe(405);
    } finally {
      await rt.close();
    }
  });
});
