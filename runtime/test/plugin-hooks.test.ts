import { definePlugin, type PluginRecord } from '@tessera/engine';
import { createTestRuntime, forEachDatabase, type TestRuntime } from '@tessera/runtime';
import { testApp } from './fixtures';

interface Customer extends PluginRecord {
  id: string;
  name: string;
  notes?: string | null;
  employees?: number | null;
  tier?: string | null;
}

const seenAfterCreate: (Customer | undefined)[] = [];

/** One test plugin exercising every extension point the tests below need. */
const testPlugin = definePlugin<{ customer: Customer }>({
  name: '@test/hooks',
  version: '1.0.0',
  tessera: '^0.1.0',
  settings: { type: 'object', properties: { suffix: { type: 'string', default: '!' } } },
  hooks: {
    customer: {
      beforeCreate(ctx) {
        if (ctx.data.name === 'boom') throw new Error('kaboom');
        if (ctx.data.name === 'hang') return new Promise<void>(() => undefined);
        if (ctx.data.name === 'bad') ctx.data.employees = -5;
        ctx.data.notes = `checked for ${ctx.user.username}${String(ctx.settings.suffix)}`;
      },
      async afterCreate(ctx) {
        seenAfterCreate.push(await ctx.records('customer').get(ctx.id));
      },
      beforeUpdate(ctx) {
        if (ctx.data.tier === 'gold' && (ctx.previous.employees ?? 0) < 10) ctx.reject('Gold customers need at least 10 employees', 'tier');
      },
    },
  },
  routes(router) {
    router.get('/peek/:id', async (ctx) => ({ body: { data: (await ctx.records('customer').get(ctx.params.id)) ?? null } }));
  },
});

const until = async (check: () => boolean) => {
  for (let i = 0; i < 100 && !check(); i++) await new Promise((r) => setTimeout(r, 20));
};

forEachDatabase('plugin hooks, routes and switches', (getCtx) => {
  let rt: TestRuntime;
  beforeAll(async () => {
    const app = testApp();
    app.permissions = { roles: { sales_rep: { label: { en: 'Rep' }, entities: { customer: { actions: ['read', 'create', 'update'], scope: 'own' } } } } };
    rt = await createTestRuntime({ app, plugins: [testPlugin], databaseUrl: getCtx().databaseUrl, pluginTimeoutMs: 300 });
    await rt.createUser({ username: 'rep', password: 'rep-password-1', roles: ['sales_rep'] });
  });
  afterAll(() => rt?.close());

  it('before-create changes the data (with the settings default) and after-create sees the committed record', async () => {
    const created = await rt.admin.call('POST', '/api/customers', { name: 'Acme' });
    expect(created.status).toBe(201);
    expect(created.body.data.notes).toBe('checked for admin!');
    await until(() => seenAfterCreate.some((c) => c?.id === created.body.data.id));
    expect(seenAfterCreate.find((c) => c?.id === created.body.data.id)).toMatchObject({ name: 'Acme', notes: 'checked for admin!' });
  });

  it('re-validates what a hook changed: 422 naming the plugin, nothing stored', async () => {
    const res = await rt.admin.call('POST', '/api/customers', { name: 'bad' });
    expect(res.status).toBe(422);
    expect(res.body.error.message).toContain('Plugin "@test/hooks" changed the customer');
    expect((await rt.admin.call('GET', '/api/customers?filter[name]=bad')).body.data).toEqual([]);
  });

  it('before-update rejects with its message: 422 rejected_by_plugin, nothing written', async () => {
    const { body } = await rt.admin.call('POST', '/api/customers', { name: 'Small', employees: 3 });
    const res = await rt.admin.call('PATCH', `/api/customers/${body.data.id}`, { tier: 'gold', employees: 50 });
    expect(res.status).toBe(422);
    expect(res.body.error).toMatchObject({ code: 'rejected_by_plugin', message: 'Rejected by plugin "@test/hooks": Gold customers need at least 10 employees' });
    expect(res.body.error.details[0]).toMatchObject({ field: 'tier', plugin: '@test/hooks' });
    const after = await rt.admin.call('GET', `/api/customers/${body.data.id}`);
    expect(after.body.data).toMatchObject({ employees: 3, tier: null, version: 1 });
  });

  it('a throwing hook fails its own request with plugin_failed and the request id; the server keeps serving', async () => {
    const res = await rt.admin.call('POST', '/api/customers', { name: 'boom' });
    expect(res.status).toBe(502);
    expect(res.body.error.code).toBe('plugin_failed');
    expect(res.body.error.message).toContain('Plugin "@test/hooks" failed in beforeCreate on customer');
    expect(res.body.error.message).toContain(res.headers.get('x-request-id') ?? 'no request id header');
    expect((await rt.admin.call('GET', '/api/customers?filter[name]=boom')).body.data).toEqual([]);
    expect((await rt.admin.call('POST', '/api/customers', { name: 'Still up' })).status).toBe(201);
  });

  it('a hanging hook times out with plugin_timeout and the write is rolled back', async () => {
    const res = await rt.admin.call('POST', '/api/customers', { name: 'hang' });
    expect(res.status).toBe(504);
    expect(res.body.error).toMatchObject({ code: 'plugin_timeout' });
    expect(res.body.error.message).toContain('Plugin "@test/hooks" did not answer within 300 ms');
    expect((await rt.admin.call('GET', '/api/customers?filter[name]=hang')).body.data).toEqual([]);
  });

  it('disable stops the hooks and routes at once; enable (with settings) brings them back', async () => {
    const rep = await rt.login('rep', 'rep-password-1');
    expect((await rep.call('POST', '/api/_meta/plugins/@test/hooks/disable')).status).toBe(403);
    const off = await rt.admin.call('POST', '/api/_meta/plugins/@test/hooks/disable');
    expect(off.status).toBe(200);
    const plain = await rt.admin.call('POST', '/api/customers', { name: 'Unchecked' });
    expect(plain.body.data.notes).toBeNull();
    expect((await rt.admin.call('GET', `/api/plugins/@test/hooks/peek/${plain.body.data.id}`)).status).toBe(404);

    expect((await rt.admin.call('POST', '/api/_meta/plugins/@test/hooks/enable', { settings: { suffix: 42 } })).status).toBe(422);
    expect((await rt.admin.call('POST', '/api/_meta/plugins/@test/hooks/enable', { settings: { suffix: '?' } })).status).toBe(200);
    const checked = await rt.admin.call('POST', '/api/customers', { name: 'Checked again' });
    expect(checked.body.data.notes).toBe('checked for admin?');
    const list = await rt.admin.call('GET', '/api/_meta/plugins');
    expect(list.body.data).toEqual([{ name: '@test/hooks', version: '1.0.0', tessera: '^0.1.0', enabled: true, settings: { suffix: '?' } }]);
    expect((await rt.admin.call('POST', '/api/_meta/plugins/@nope/x/enable')).status).toBe(404);
  });

  it('plugin routes live under /api/plugins/<name>/, need a signed-in user, and see only what the user may', async () => {
    const { body } = await rt.admin.call('POST', '/api/customers', { name: 'Admin owned' });
    const anonymous = await fetch(`${rt.url}/api/plugins/@test/hooks/peek/${body.data.id}`);
    expect(anonymous.status).toBe(401);
    expect((await rt.admin.call('GET', `/api/plugins/@test/hooks/peek/${body.data.id}`)).body.data).toMatchObject({ name: 'Admin owned' });

    const rep = await rt.login('rep', 'rep-password-1');
    // The plugin's records API acts as the rep: the admin's customer is outside the rep's scope.
    expect((await rep.call('GET', `/api/plugins/@test/hooks/peek/${body.data.id}`)).body).toEqual({ data: null });
    const own = await rep.call('POST', '/api/customers', { name: 'Rep owned' });
    expect((await rep.call('GET', `/api/plugins/@test/hooks/peek/${own.body.data.id}`)).body.data).toMatchObject({ name: 'Rep owned' });
    expect((await rep.call('GET', '/api/plugins/@test/hooks/nothing')).status).toBe(404);
  });
});
