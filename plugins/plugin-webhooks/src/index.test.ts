import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { AppDefinition } from '@tessera/metadata';
import { createTestRuntime, forEachDatabase, httpCall, type SessionClient, type TestRuntime } from '@tessera/runtime';
import { createWebhooksPlugin, signBody } from './index';

const app: AppDefinition = {
  name: 'webhooks_test',
  label: { en: 'Webhooks test' },
  layouts: [],
  entities: [
    {
      type: 'object', 'x-name': 'lead', 'x-plural': 'leads', 'x-label': { en: 'Lead' }, required: ['name'],
      properties: { name: { 'x-id': 'l_name', 'x-type': 'text', 'x-label': { en: 'Name' } }, email: { 'x-id': 'l_email', 'x-type': 'email', 'x-label': { en: 'Email' } } },
    },
    {
      type: 'object', 'x-name': 'note', 'x-plural': 'notes', 'x-label': { en: 'Note' },
      properties: { body: { 'x-id': 'n_body', 'x-type': 'text', 'x-label': { en: 'Body' } } },
    },
  ],
  permissions: {
    roles: {
      reader: { label: { en: 'Reader' }, entities: { lead: { actions: ['read'], scope: 'all' } } },
      // The incoming webhook's service user: may create leads (and read its own), nothing else.
      webform: { label: { en: 'Web form' }, entities: { lead: { actions: ['create', 'read'], scope: 'own' } } },
    },
  },
};

interface Received { headers: Record<string, string | string[] | undefined>; body: string }

/** A real endpoint on 127.0.0.1 that answers 500 to its first `failTimes` calls, then 200. */
async function receiver(failTimes: number) {
  const calls: Received[] = [];
  const server: Server = createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      calls.push({ headers: req.headers, body });
      res.statusCode = calls.length <= failTimes ? 500 : 200;
      res.end();
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`, calls, close: () => new Promise<void>((r) => server.close(() => r())) };
}

const until = async (check: () => boolean, ms = 5000) => {
  for (const end = Date.now() + ms; !check() && Date.now() < end; ) await new Promise((r) => setTimeout(r, 20));
};

const SECRET = 'shared-secret-0123456789';
const INCOMING = '/api/plugins/@tessera/plugin-webhooks/incoming';
const DELIVERIES = '/api/plugins/@tessera/plugin-webhooks/deliveries';

forEachDatabase('@tessera/plugin-webhooks', (getCtx) => {
  let rt: TestRuntime;
  let ok: Awaited<ReturnType<typeof receiver>>;
  let flaky: Awaited<ReturnType<typeof receiver>>;
  let down: Awaited<ReturnType<typeof receiver>>;
  let reader: SessionClient;
  beforeAll(async () => {
    [ok, flaky, down] = await Promise.all([receiver(0), receiver(2), receiver(Infinity)]);
    rt = await createTestRuntime({ app, plugins: [createWebhooksPlugin()], databaseUrl: getCtx().databaseUrl });
    const settings = {
      endpoints: [
        { url: ok.url, secret: SECRET, entities: ['lead'], events: ['created', 'updated', 'deleted'] },
        { url: flaky.url, secret: SECRET, entities: ['note'], events: ['created'] },
        { url: down.url, secret: SECRET, entities: ['note'], events: ['deleted'] },
      ],
      retry: { attempts: 3, baseDelayMs: 20 },
      incoming: { secret: SECRET, entities: ['lead', 'note'], serviceUser: 'webform' },
    };
    await rt.createUser({ username: 'webform', password: 'webform-password-1', roles: ['webform'] });
    expect((await rt.admin.call('POST', '/api/_meta/plugins/@tessera/plugin-webhooks/enable', { settings })).status).toBe(200);
    await rt.createUser({ username: 'reader', password: 'reader-password-1', roles: ['reader'] });
    reader = await rt.login('reader', 'reader-password-1');
  });
  afterAll(async () => {
    await rt?.close();
    await Promise.all([ok, flaky, down].map((r) => r?.close()));
  });

  it('POSTs signed JSON for created, updated and deleted records of the configured entities', async () => {
    const created = await rt.admin.call('POST', '/api/leads', { name: 'Web lead', email: 'w@x.cn' });
    const id = created.body.data.id;
    await rt.admin.call('PATCH', `/api/leads/${id}`, { name: 'Web lead 2' });
    await rt.admin.call('DELETE', `/api/leads/${id}`);
    await until(() => ok.calls.length >= 3);
    const events = ok.calls.map((c) => JSON.parse(c.body));
    expect(events.map((e) => e.event)).toEqual(['created', 'updated', 'deleted']);
    expect(events[0]).toMatchObject({ entity: 'lead', recordId: id, record: { name: 'Web lead' }, actor: 'admin' });
    expect(events[1]).toMatchObject({ record: { name: 'Web lead 2' }, previous: { name: 'Web lead' } });
    expect(events[2]).toMatchObject({ record: null, previous: { name: 'Web lead 2' } });
    for (const call of ok.calls) {
      expect(call.headers['x-tessera-signature']).toBe(signBody(SECRET, call.body));
      expect(call.headers['x-tessera-delivery']).toBe(JSON.parse(call.body).id);
    }
    expect(ok.calls[0].headers['x-tessera-event']).toBe('lead.created');
  });

  it('retries a failing endpoint with backoff until it answers, and logs a dead one as failed', async () => {
    const note = await rt.admin.call('POST', '/api/notes', { body: 'hello' });
    await until(() => flaky.calls.length >= 3);
    expect(flaky.calls.map((c) => c.headers['x-tessera-attempt'])).toEqual(['1', '2', '3']);
    expect(new Set(flaky.calls.map((c) => c.headers['x-tessera-delivery'])).size).toBe(1);
    await rt.admin.call('DELETE', `/api/notes/${note.body.data.id}`);
    let failed = await rt.admin.call('GET', `${DELIVERIES}?status=failed`);
    for (const end = Date.now() + 5000; failed.body.data.length === 0 && Date.now() < end; await new Promise((r) => setTimeout(r, 50))) {
      failed = await rt.admin.call('GET', `${DELIVERIES}?status=failed`);
    }
    await new Promise((r) => setTimeout(r, 200)); // longer than the next backoff would be
    expect(down.calls).toHaveLength(3); // bounded: no fourth attempt
    expect(failed.body.data).toEqual([expect.objectContaining({ url: down.url, entity: 'note', event: 'deleted', status: 'failed', attempts: 3, lastError: 'answered 500' })]);
    const sent = await rt.admin.call('GET', `${DELIVERIES}?status=sent`);
    expect(sent.body.data.find((d: { url: string }) => d.url === flaky.url)).toMatchObject({ status: 'sent', attempts: 3, lastError: null });
  });

  it('guards the delivery log: 403 for non-admins, 422 for a bad status', async () => {
    expect((await reader.call('GET', DELIVERIES)).status).toBe(403);
    const bad = await rt.admin.call('GET', `${DELIVERIES}?status=lost`);
    expect(bad.status).toBe(422);
    expect(bad.body.error).toMatchObject({ code: 'validation_failed', details: [{ field: 'status' }] });
  });

  const anonymous = (path: string, body: unknown, headers: Record<string, string> = {}) => httpCall(rt.url, 'POST', path, body, headers);
  const sign = (b: unknown) => ({ 'x-tessera-signature': signBody(SECRET, JSON.stringify(b)) });

  it('creates a lead from a signed anonymous POST, as the service user, audited as them', async () => {
    const body = { name: 'From the web form', email: 'form@x.cn' };
    const res = await anonymous(`${INCOMING}/lead`, body, sign(body));
    expect(res.status).toBe(201);
    expect(res.body.data).toMatchObject(body);
    const id = res.body.data.id;
    expect((await rt.admin.call('GET', `/api/leads/${id}`)).body.data).toMatchObject({ name: body.name });
    const history = await rt.admin.call('GET', `/api/leads/${id}/history`);
    expect(history.status).toBe(200);
    expect(history.body.data[0]).toMatchObject({ action: 'create', actor: { username: 'webform' } });
  });

  it('refuses unverified POSTs with 401 before anything runs, creating nothing', async () => {
    const body = { name: 'Forged' };
    const forged = await anonymous(`${INCOMING}/lead`, body, { 'x-tessera-signature': signBody('another-secret-0123456', JSON.stringify(body)) });
    expect(forged.status).toBe(401);
    expect(forged.body.error.code).toBe('verification_failed');
    expect((await anonymous(`${INCOMING}/lead`, body)).status).toBe(401);
    // Signed for another body: the signature covers the exact bytes.
    expect((await anonymous(`${INCOMING}/lead`, '{"name":"Forged" }', sign(body))).status).toBe(401);
    expect((await rt.admin.call('GET', '/api/leads?filter[name][eq]=Forged')).body.data).toEqual([]);
  });

  it('enforces the service user\'s permissions and the record rules', async () => {
    const note = { body: 'not allowed' };
    const denied = await anonymous(`${INCOMING}/note`, note, sign(note));
    expect(denied.status).toBe(403); // verified, but "webform" may not create notes
    expect((await rt.admin.call('GET', '/api/notes?filter[body][eq]=not%20allowed')).body.data).toEqual([]);
    const invalid = await anonymous(`${INCOMING}/lead`, { email: 'no name' }, sign({ email: 'no name' }));
    expect(invalid.status).toBe(422);
    expect(invalid.body.error.code).toBe('validation_failed');
    expect((await anonymous(`${INCOMING}/lead`, [1], sign([1]))).status).toBe(422);
    expect((await anonymous(`${INCOMING}/contract`, {}, sign({}))).status).toBe(404);
  });

  it('never acts as an admin: an admin service user is a 503 naming the setting', async () => {
    const current = (await rt.admin.call('GET', '/api/_meta/plugins')).body.data.find((p: { name: string }) => p.name === '@tessera/plugin-webhooks').settings;
    const enable = (serviceUser: string) => rt.admin.call('POST', '/api/_meta/plugins/@tessera/plugin-webhooks/enable', { settings: { ...current, incoming: { ...current.incoming, serviceUser } } });
    expect((await enable('admin')).status).toBe(200);
    try {
      const body = { name: 'As admin?' };
      const res = await anonymous(`${INCOMING}/lead`, body, sign(body));
      expect(res.status).toBe(503);
      expect(res.body.error).toMatchObject({ code: 'plugin_not_configured' });
      expect(res.body.error.message).toContain('"admin" is an administrator');
    } finally {
      expect((await enable('webform')).status).toBe(200);
    }
  });
});
