/**
 * The example CRM runs the first-party plugins with the initial settings its app.json gives
 * (ADR 0024), over HTTP on a real runtime: duplicates are refused, leads are scored by rules
 * over their own fields, the China region field validates codes, and the notifications plugin
 * without settings stays quiet (in-app notifications still arrive, no dead letters).
 */
import { createTestRuntime, forEachDatabase, type SessionClient, type TestRuntime } from '@tessera/runtime';
import { exampleDir } from './browser-harness';

forEachDatabase('the example CRM with its plugins', (getCtx) => {
  let server: TestRuntime;
  let sales1: SessionClient;
  beforeAll(async () => {
    server = await createTestRuntime({ appDir: exampleDir, databaseUrl: getCtx().databaseUrl, demoUsers: true });
    sales1 = await server.login('sales1', 'sales1-demo-123');
  });
  afterAll(() => server?.close());

  it('lists every plugin enabled, with app.json settings stored on the first start', async () => {
    const plugins = (await server.admin.call('GET', '/api/_meta/plugins')).body.data as { name: string; enabled: boolean; settings: Record<string, unknown> }[];
    expect(plugins.map((p) => [p.name, p.enabled])).toEqual([
      ['@tessera/plugin-rating', true], ['@tessera/plugin-region', true], ['@tessera/plugin-dedup', true],
      ['@tessera/plugin-lead-scoring', true], ['@tessera/plugin-notifications', true],
    ]);
    const dedup = plugins.find((p) => p.name === '@tessera/plugin-dedup')!.settings;
    expect(dedup).toMatchObject({ entities: { customer: { fields: ['name', 'phone', 'email'] }, contact: { fields: ['phone', 'email'] } }, mergeRoles: ['admin'] });
    expect((plugins.find((p) => p.name === '@tessera/plugin-lead-scoring')!.settings.rules as unknown[]).length).toBe(11);
  });

  it('runs plugins only on the entities their settings name: other writes stay one statement', async () => {
    const customer = (await sales1.call('POST', '/api/customers', { name: 'One Statement Trading', industry: 'retail', level: 'B', region: 'east' })).body.data.id as string;
    const statements: string[] = [];
    const listen = (q: { sql: string }) => statements.push(q.sql);
    server.runtime.knex.on('query', listen);
    try {
      // Opportunities are in no plugin's settings (dedup: customers and contacts; scoring: leads).
      const created = await sales1.call('POST', '/api/opportunities', { name: 'Fast path deal', customer });
      expect(created.status).toBe(201);
      const writes = statements.splice(0).filter((sql) => /^(insert|update|delete|begin|commit)\b/i.test(sql.trim()));
      expect(writes.filter((sql) => /^insert/i.test(sql.trim()))).toHaveLength(1);
      expect(writes.some((sql) => /^(begin|commit)/i.test(sql.trim()))).toBe(false);
      // A customer still goes through the dedup hook, in a transaction.
      expect((await sales1.call('POST', '/api/customers', { name: 'one statement trading ltd', industry: 'retail', level: 'B', region: 'east' })).status).toBe(422);
    } finally {
      server.runtime.knex.off('query', listen);
    }
  });

  it('refuses a duplicate customer by normalized name and a duplicate contact by phone, naming the field', async () => {
    const first = await sales1.call('POST', '/api/customers', { name: 'Lakeside Trading Co., Ltd.', industry: 'retail', level: 'B', region: 'east' });
    expect(first.status).toBe(201);
    const again = await sales1.call('POST', '/api/customers', { name: ' lakeside trading ', industry: 'retail', level: 'C', region: 'east' });
    expect(again.status).toBe(422);
    expect(again.body.error).toMatchObject({ code: 'rejected_by_plugin', details: [expect.objectContaining({ field: 'name' })] });
    expect(again.body.error.message).toContain(`Possible duplicate of ${first.body.data.id} (same name)`);

    const customer = first.body.data.id as string;
    expect((await sales1.call('POST', '/api/contacts', { name: 'Lin Tao', customer, phone: '13800139000' })).status).toBe(201);
    const twin = await sales1.call('POST', '/api/contacts', { name: 'Tao Lin', customer, phone: '138 0013 9000' });
    expect(twin.status).toBe(422);
    expect(twin.body.error.details).toEqual([expect.objectContaining({ field: 'phone' })]);
  });

  it('keeps dedup keys in the plugin\'s own table (its migrations, its store), written in the create\'s transaction', async () => {
    const created = await sales1.call('POST', '/api/customers', { name: 'Keyed Holdings Co., Ltd.', phone: '13900002222', industry: 'retail', level: 'B', region: 'east' });
    expect(created.status).toBe(201);
    const applied = await server.runtime.knex('tessera.plugin_migrations').where({ plugin: '@tessera/plugin-dedup' }).pluck('name');
    expect(applied).toEqual(['0.2.0-01-dedup-keys']);
    const keys = await server.runtime.knex.withSchema('plugin_dedup_crm').table('dedup_keys').where({ record_id: created.body.data.id }).orderBy('key_kind').select('key_kind', 'key');
    expect(keys.map((k) => k.key_kind)).toEqual(expect.arrayContaining(['name', 'phone']));
  });

  it('scores a lead by the rules (a typed-in score is replaced) and lets a well-scored lead qualify', async () => {
    const lead = await sales1.call('POST', '/api/leads', { name: 'Zhou Min', company: 'Lakeview Robotics', source: 'web_form', industry: 'manufacturing', region: 'east', score: 5, phone: '13800138000', email: 'zhou.min@lakeview.example' });
    expect(lead.status).toBe(201);
    // web_form 20 + manufacturing 20 + east 10 + company, phone, email 10 each.
    expect(lead.body.data.score).toBe(80);
    const cold = await sales1.call('POST', '/api/leads', { name: 'Wu Lei', source: 'cold_call', industry: 'retail', region: 'overseas' });
    expect(cold.body.data.score).toBe(0);
    // Adding contact details re-scores it.
    const patched = await sales1.call('PATCH', `/api/leads/${cold.body.data.id}`, { phone: '13900001111', email: 'wu.lei@example.com' });
    expect(patched.body.data.score).toBe(20);

    const id = lead.body.data.id as string;
    expect((await sales1.call('POST', `/api/leads/${id}/transitions/CONTACT`, {})).status).toBe(200);
    expect((await sales1.call('POST', `/api/leads/${id}/transitions/QUALIFY`, {})).status).toBe(200);
  });

  it('stores a China region code on a customer and refuses an unknown one at the field', async () => {
    const ok = await sales1.call('POST', '/api/customers', { name: 'Xihu Optics', industry: 'manufacturing', level: 'B', region: 'east', address_region: '330106' });
    expect(ok.status).toBe(201);
    expect(ok.body.data.address_region).toBe('330106');
    const bad = await sales1.call('POST', '/api/customers', { name: 'Nowhere Optics', industry: 'manufacturing', level: 'B', region: 'east', address_region: '999999' });
    expect(bad.status).toBe(422);
    expect(bad.body.error.details).toEqual([expect.objectContaining({ field: 'address_region' })]);
  });

  it('keeps the unconfigured notification channels quiet: in-app notifications arrive, no dead letters', async () => {
    const lead = await server.admin.call('POST', '/api/leads', { name: 'Qian Hui', company: 'Harbor Logistics', source: 'referral', region: 'east' });
    expect((await server.admin.call('POST', `/api/leads/${lead.body.data.id}/transitions/ASSIGN`, {})).status).toBe(200);
    let unread: { subject?: string }[] = [];
    for (let i = 0; i < 50 && unread.length === 0; i++) {
      unread = (await sales1.call('GET', '/api/notifications?unread=true')).body.data;
      if (unread.length === 0) await new Promise((r) => setTimeout(r, 100));
    }
    expect(JSON.stringify(unread)).toContain('Harbor Logistics');
    expect((await server.admin.call('GET', '/api/_meta/outbox?status=dead')).body.data).toEqual([]);
  });
});
