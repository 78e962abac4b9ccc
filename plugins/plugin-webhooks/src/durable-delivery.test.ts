import { mkdtemp } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type { AppDefinition } from '@tessera/metadata';
import { createTestRuntime, forEachDatabase, type TestRuntime } from '@tessera/runtime';
import { createWebhooksPlugin } from './index';

const app: AppDefinition = {
  name: 'webhooks_restart',
  label: { en: 'Webhooks restart' },
  layouts: [],
  entities: [{ type: 'object', 'x-name': 'lead', 'x-plural': 'leads', 'x-label': { en: 'Lead' }, properties: { name: { 'x-id': 'l_name', 'x-type': 'text', 'x-label': { en: 'Name' } } } }],
};
const DELIVERIES = '/api/plugins/@tessera/plugin-webhooks/deliveries';

/** A receiver that answers 503 while `down`, then 200; it records every call. */
async function receiver() {
  const calls: Array<{ delivery: string; status: number }> = [];
  const state = { down: true };
  const server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      res.statusCode = state.down ? 503 : 200;
      calls.push({ delivery: String(req.headers['x-tessera-delivery']), status: res.statusCode });
      res.end();
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`, calls, state, close: () => new Promise<void>((r) => server.close(() => r())) };
}

const until = async (check: () => boolean | Promise<boolean>, ms = 60_000) => {
  for (const end = Date.now() + ms; !(await check()) && Date.now() < end; ) await new Promise((r) => setTimeout(r, 100));
};

forEachDatabase('@tessera/plugin-webhooks: deliveries survive a restart', (getCtx) => {
  it('a delivery queued by one runtime is sent once by the next one on the same database, and an admin can replay it', async () => {
    const hook = await receiver();
    const dataDir = getCtx().databaseUrl ? undefined : path.join(await mkdtemp(path.join(os.tmpdir(), 'tessera-webhooks-')), 'pglite');
    const boot = () => createTestRuntime({ app, plugins: [createWebhooksPlugin()], databaseUrl: getCtx().databaseUrl, dataDir });
    let rt: TestRuntime | undefined = await boot();
    try {
      const settings = { endpoints: [{ url: hook.url, secret: 'shared-secret-0123456789', entities: ['lead'], events: ['created'] }], retry: { attempts: 5, baseDelayMs: 3000 } };
      expect((await rt.admin.call('POST', '/api/_meta/plugins/@tessera/plugin-webhooks/enable', { settings })).status).toBe(200);
      expect((await rt.admin.call('POST', '/api/leads', { name: 'Before the restart' })).status).toBe(201);
      await until(() => hook.calls.length >= 1);
      expect(hook.calls).toEqual([{ delivery: expect.any(String), status: 503 }]);
      const [pending] = (await rt.admin.call('GET', `${DELIVERIES}?status=pending`)).body.data;
      expect(pending).toMatchObject({ id: hook.calls[0].delivery, attempts: 1, lastError: 'answered 503' });
      await rt.close();
      rt = undefined;

      hook.state.down = false;
      rt = await boot();
      await until(() => hook.calls.some((c) => c.status === 200));
      await new Promise((r) => setTimeout(r, 2500)); // two more polls: nothing is sent twice
      expect(hook.calls.filter((c) => c.status === 200)).toEqual([{ delivery: pending.id, status: 200 }]);
      const [sent] = (await rt.admin.call('GET', `${DELIVERIES}?status=sent`)).body.data;
      expect(sent).toMatchObject({ id: pending.id, status: 'sent', attempts: 2, lastError: null });

      const replayed = await rt.admin.call('POST', `${DELIVERIES}/${pending.id}/replay`);
      expect(replayed.status).toBe(200);
      await until(() => hook.calls.filter((c) => c.status === 200).length >= 2);
      expect(hook.calls.filter((c) => c.status === 200).map((c) => c.delivery)).toEqual([pending.id, pending.id]);
      expect((await rt.admin.call('POST', `${DELIVERIES}/00000000-0000-0000-0000-000000000000/replay`)).status).toBe(404);
    } finally {
      await rt?.close();
      await hook.close();
    }
  }, 600_000);
});
