import { createHmac } from 'node:crypto';
import { createTestRuntime, forEachDatabase, type TestRuntime, waitFor } from '@tessera/runtime';
import { webhookReceiver } from './workflow-webhook-receiver';
import { workflowApp } from './workflow-fixtures';

const SECRET = 'a-webhook-secret-of-some-length';

forEachDatabase('workflow webhooks (signed, retried, dead letters)', (getCtx) => {
  const boot = (webhook: Record<string, unknown>) => createTestRuntime({ app: workflowApp({ timerMs: 300, webhook }), databaseUrl: getCtx().databaseUrl, dataDir: getCtx().dataDir });
  const activate = async (rt: TestRuntime, name: string) => {
    const { id } = (await rt.admin.call('POST', '/api/customers', { name })).body.data;
    expect((await rt.admin.call('POST', `/api/customers/${id}/transitions/ACTIVATE`, {})).status).toBe(200);
    return id as string;
  };

  it('signs the body, retries a failing endpoint with backoff and delivers once it answers', async () => {
    const hook = await webhookReceiver(2);
    const rt = await boot({ url: hook.url, secret: SECRET, retryLimit: 3, retryDelay: 1 });
    try {
      const id = await activate(rt, 'Hooked');
      const sent = await waitFor('delivery', async () => {
        const res = await rt.admin.call('GET', '/api/_meta/outbox?status=sent');
        return res.body.data.find((r: { kind: string }) => r.kind === 'webhook');
      });
      expect(sent).toMatchObject({ attempts: 3, lastError: null, payload: { recordId: id, delivery: { secret: '***', retryLimit: 3 } } });
      expect(hook.calls).toHaveLength(3);
      for (const call of hook.calls) {
        expect(call.headers['x-tessera-signature']).toBe(`sha256=${createHmac('sha256', SECRET).update(call.body).digest('hex')}`);
        expect(call.headers['x-tessera-delivery']).toBe(sent.id);
      }
      expect(hook.calls.map((c) => c.headers['x-tessera-attempt'])).toEqual(['1', '2', '3']);
      expect(JSON.parse(hook.calls[2].body)).toMatchObject({ record: { id, stage: 'dormant' }, transition: { from: 'active', to: 'dormant' } });
      expect((await rt.admin.call('GET', '/api/_meta/outbox?status=dead')).body.data).toEqual([]);
    } finally {
      await rt.close();
      await hook.close();
    }
  }, 90_000);

  it('gives up after the retry limit: the row becomes a visible dead letter, admin only', async () => {
    const hook = await webhookReceiver(Infinity);
    const rt = await boot({ url: hook.url, retryLimit: 1, retryDelay: 1 });
    try {
      const id = await activate(rt, 'Unlucky');
      const dead = await waitFor('the dead letter', async () => {
        const res = await rt.admin.call('GET', '/api/_meta/outbox?status=dead');
        expect(res.status).toBe(200);
        return res.body.data[0];
      });
      expect(dead).toMatchObject({ kind: 'webhook', status: 'dead', attempts: 2, lastError: expect.stringContaining('answered 500'), payload: { recordId: id } });
      expect(hook.calls).toHaveLength(2);
      expect(hook.calls[0].headers['x-tessera-signature']).toBeUndefined(); // no secret, no signature
      await new Promise((r) => setTimeout(r, 3000)); // nothing retries a dead letter
      expect(hook.calls).toHaveLength(2);

      const bad = await rt.admin.call('GET', '/api/_meta/outbox?status=lost&limit=0');
      expect(bad.status).toBe(400);
      expect(bad.body.error.details.map((d: { field: string }) => d.field)).toEqual(['status', 'limit']);
      expect((await rt.admin.call('DELETE', '/api/_meta/outbox')).status).toBe(405);
      await rt.createUser({ username: 'clerk', password: 'clerk-password-1', displayName: 'Clerk', roles: ['user'] });
      const clerk = await rt.login('clerk', 'clerk-password-1');
      const denied = await clerk.call('GET', '/api/_meta/outbox?status=dead');
      expect(denied.status).toBe(403);
      expect(denied.body.error.code).toBe('forbidden');
    } finally {
      await rt.close();
      await hook.close();
    }
  }, 90_000);
});
