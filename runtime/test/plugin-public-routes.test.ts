/**
 * Public plugin routes (issue 9): `{ public: true, verify, actAs }` is the only way past
 * sign-in, and then only verified, rate-limited, body-limited and as the named service user.
 */
import { definePlugin } from '@tessera/engine';
import { createTestRuntime, forEachDatabase, httpCall, type TestRuntime } from '@tessera/runtime';
import { testApp } from './fixtures';

const verifyToken = (req: { headers: Record<string, string> }) => req.headers['x-token'] === 'right';
const actAs = (settings: Record<string, unknown>) => settings.serviceUser as string | undefined;

const publicPlugin = definePlugin({
  name: '@test/plugin-public',
  version: '1.0.0',
  settings: { type: 'object', properties: { serviceUser: { type: 'string' } } },
  routes(router) {
    router.post('/hook', async (ctx) => ({ status: 201, body: { data: await ctx.records('customer').create({ name: String((ctx.body as { name?: unknown }).name) }), as: ctx.user.username } }), { public: true, verify: verifyToken, actAs });
    router.get('/tight', (ctx) => ({ body: { as: ctx.user.username } }), { public: true, verify: verifyToken, actAs, rateLimitPerMinute: 3 });
    router.get('/private', (ctx) => ({ body: { as: ctx.user.username } }));
  },
});

const PATH = '/api/plugins/@test/plugin-public';

forEachDatabase('public plugin routes', (getCtx) => {
  let rt: TestRuntime;
  const anon = (method: string, path: string, body?: unknown, headers: Record<string, string> = {}) => httpCall(rt.url, method, `${PATH}${path}`, body, headers);
  beforeAll(async () => {
    const app = testApp();
    app.permissions = { roles: { intake: { label: { en: 'Intake' }, entities: { customer: { actions: ['create', 'read'], scope: 'own' } } } } };
    rt = await createTestRuntime({ app, plugins: [publicPlugin], databaseUrl: getCtx().databaseUrl });
    await rt.createUser({ username: 'intake', password: 'intake-password-1', roles: ['intake'] });
  });
  afterAll(() => rt?.close());

  it('without a service user in the settings, a verified request is a 503 and nothing runs', async () => {
    const res = await anon('POST', '/hook', { name: 'Nobody' }, { 'x-token': 'right' });
    expect(res.status).toBe(503);
    expect(res.body.error).toMatchObject({ code: 'plugin_not_configured', details: [{ field: 'settings' }] });
  });

  it('runs verified requests as the service user, with its permissions', async () => {
    expect((await rt.admin.call('POST', '/api/_meta/plugins/@test/plugin-public/enable', { settings: { serviceUser: 'intake' } })).status).toBe(200);
    const res = await anon('POST', '/hook', { name: 'From outside' }, { 'x-token': 'right' });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ as: 'intake', data: { name: 'From outside' } });
    const stored = (await rt.admin.call('GET', `/api/customers/${res.body.data.id}`)).body.data;
    expect(stored.owner).toBe((await rt.admin.call('GET', '/api/admin/users')).body.data.find((u: { username: string }) => u.username === 'intake').id);
  });

  it('keeps every other plugin route for signed-in users', async () => {
    expect((await anon('GET', '/private', undefined, { 'x-token': 'right' })).status).toBe(401);
    expect((await rt.admin.call('GET', `${PATH}/private`)).body).toEqual({ as: 'admin' });
  });

  it('refuses bodies over the public limit (64 KB) and non-JSON bodies', async () => {
    const big = await anon('POST', '/hook', { name: 'x'.repeat(70 * 1024) }, { 'x-token': 'right' });
    expect(big.status).toBe(413);
    expect(big.body.error.message).toContain('64kb');
    expect((await anon('POST', '/hook', 'name=x', { 'x-token': 'right', 'content-type': 'application/x-www-form-urlencoded' })).status).toBe(415);
  });

  it('rate-limits per address, with Retry-After', async () => {
    const statuses = [];
    for (let i = 0; i < 4; i++) statuses.push((await anon('GET', '/tight', undefined, { 'x-token': 'right' })).status);
    expect(statuses).toEqual([200, 200, 200, 429]);
    const limited = await anon('GET', '/tight', undefined, { 'x-token': 'right' });
    expect(limited.body.error.code).toBe('too_many_requests');
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
  });

  it('locks an address out after 10 failed verifications, even with the right token afterwards', async () => {
    for (let i = 0; i < 10; i++) {
      const res = await anon('POST', '/hook', { name: 'guess' }, { 'x-token': `wrong-${i}` });
      expect(res.status).toBe(401);
      expect(res.body.error.code).toBe('verification_failed');
    }
    const locked = await anon('POST', '/hook', { name: 'late' }, { 'x-token': 'right' });
    expect(locked.status).toBe(429);
    expect(Number(locked.headers.get('retry-after'))).toBeGreaterThan(60);
    expect((await rt.admin.call('GET', '/api/customers?filter[name][eq]=late')).body.data).toEqual([]);
  });

  it('a disabled plugin\'s public route is a 404', async () => {
    await rt.admin.call('POST', '/api/_meta/plugins/@test/plugin-public/disable');
    expect((await anon('GET', '/tight', undefined, { 'x-token': 'right' })).status).toBe(404);
  });
});

describe('declaring public routes', () => {
  it('refuses to start an app whose public route has no verify function', async () => {
    const careless = definePlugin({
      name: '@test/plugin-careless',
      version: '1.0.0',
      routes(router) {
        router.post('/open', () => ({ status: 204 }), { public: true, actAs: () => 'someone' } as never);
      },
    });
    await expect(createTestRuntime({ app: testApp(), plugins: [careless] })).rejects.toThrow(
      'Plugin "@test/plugin-careless" has a public route POST /open without a verify function',
    );
  });
});
