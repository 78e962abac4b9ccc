/**
 * Plugin metadata packages (issue 9): a plugin brings a `ticket` entity with a layout and role
 * grants. Enabling it changes no schema; the admin reads the plan, then applies it with
 * `confirm: true`; name clashes are a 409 listing them.
 */
import { definePlugin, type PluginPackage } from '@tessera/engine';
import { createTestRuntime, forEachDatabase, type TestRuntime } from '@tessera/runtime';
import { testApp } from './fixtures';

const ticketPackage: PluginPackage = {
  format: 'tessera-package',
  version: 1,
  entities: [{
    type: 'object', 'x-name': 'ticket', 'x-plural': 'tickets', 'x-label': { en: 'Ticket', zh: '工单' }, required: ['subject'],
    properties: {
      subject: { 'x-id': 'tk_subject', 'x-type': 'text', 'x-label': { en: 'Subject', zh: '主题' } },
      customer: { 'x-id': 'tk_customer', 'x-type': 'relation', 'x-label': { en: 'Customer', zh: '客户' }, 'x-relation': { entity: 'customer', kind: 'many-to-one', onDelete: 'restrict' } },
    },
  }],
  layouts: [{ name: 'ticket_form', entity: 'ticket', kind: 'form', sections: [{ id: 'basic', label: { en: 'Ticket', zh: '工单' }, columns: 1, fields: ['subject', 'customer'] }] }],
  permissions: { roles: { sales_rep: { label: { en: 'Rep' }, entities: { ticket: { actions: ['read', 'create'], scope: 'own' } } } } },
} as unknown as PluginPackage;

const ticketsPlugin = definePlugin({ name: '@test/plugin-tickets', version: '1.0.0', package: ticketPackage });
/** Brings a `customer` again, and a layout name the other package already took. */
const clashingPlugin = definePlugin({
  name: '@test/plugin-clash',
  version: '1.0.0',
  package: { ...ticketPackage, entities: [{ ...ticketPackage.entities[0], 'x-name': 'customer', 'x-plural': 'clients' }] },
});

const BASE = '/api/_meta/plugins/@test/plugin-tickets/package';

forEachDatabase('plugin metadata packages', (getCtx) => {
  let rt: TestRuntime;
  beforeAll(async () => {
    const app = testApp();
    app.permissions = { roles: { sales_rep: { label: { en: 'Rep' }, entities: { customer: { actions: ['read', 'create'], scope: 'own' } } } } };
    rt = await createTestRuntime({ app, plugins: [ticketsPlugin, clashingPlugin], databaseUrl: getCtx().databaseUrl });
    await rt.createUser({ username: 'rep', password: 'rep-password-1', roles: ['sales_rep'] });
  });
  afterAll(() => rt?.close());

  it('enabling the plugin changes no schema; it points at the plan', async () => {
    const enabled = await rt.admin.call('POST', '/api/_meta/plugins/@test/plugin-tickets/enable', {});
    expect(enabled.status).toBe(200);
    expect(enabled.body.data.package).toEqual({ entities: ['ticket'], applied: false, plan: `${BASE}/plan` });
    expect((await rt.admin.call('GET', '/api/tickets')).status).toBe(404);
  });

  it('plans the package like an import: the ticket table, nothing applied yet', async () => {
    const before = (await rt.admin.call('GET', '/api/_meta/app')).body.version;
    const planned = await rt.admin.call('GET', `${BASE}/plan`);
    expect(planned.status).toBe(200);
    expect(planned.body).toMatchObject({ plugin: '@test/plugin-tickets', baseVersion: before, added: ['ticket'] });
    expect(planned.body.plan.blockers).toEqual([]);
    expect(JSON.stringify(planned.body.plan.steps)).toMatch(/ticket/);
    expect((await rt.admin.call('GET', '/api/_meta/app')).body.version).toBe(before);
  });

  it('applies only with confirm: true, and only for admins', async () => {
    const rep = await rt.login('rep', 'rep-password-1');
    expect((await rep.call('GET', `${BASE}/plan`)).status).toBe(403);
    expect((await rep.call('POST', `${BASE}/apply`, { confirm: true })).status).toBe(403);
    const unconfirmed = await rt.admin.call('POST', `${BASE}/apply`, {});
    expect(unconfirmed.status).toBe(409);
    expect(unconfirmed.body.error).toMatchObject({ code: 'confirmation_required', details: [{ field: 'confirm' }] });
    expect((await rt.admin.call('GET', '/api/tickets')).status).toBe(404);

    const applied = await rt.admin.call('POST', `${BASE}/apply`, { confirm: true });
    expect(applied.status).toBe(200);
    expect(applied.body).toMatchObject({ plugin: '@test/plugin-tickets', added: ['ticket'] });
    const customer = (await rep.call('POST', '/api/customers', { name: 'Ticket Co' })).body.data;
    const ticket = await rep.call('POST', '/api/tickets', { subject: 'Printer on fire', customer: customer.id });
    expect(ticket.status).toBe(201); // the package's grant reached the rep's role
    const list = (await rt.admin.call('GET', '/api/_meta/plugins')).body.data;
    expect(list.find((p: { name: string }) => p.name === '@test/plugin-tickets').package).toMatchObject({ applied: true });
  });

  it('a second apply, or a package whose names clash, is a 409 listing every clash', async () => {
    const again = await rt.admin.call('GET', `${BASE}/plan`);
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('import_conflict');
    expect(again.body.error.message).toContain('entity "ticket"');
    const clash = await rt.admin.call('GET', '/api/_meta/plugins/@test/plugin-clash/package/plan');
    expect(clash.status).toBe(409);
    expect(clash.body.error.details.map((d: { message: string }) => d.message)).toEqual(['already in the app: entity "customer"', 'already in the app: layout "ticket_form"']);
  });

  it('a disabled plugin\'s package cannot be applied', async () => {
    await rt.admin.call('POST', '/api/_meta/plugins/@test/plugin-clash/disable');
    const res = await rt.admin.call('POST', '/api/_meta/plugins/@test/plugin-clash/package/apply', { confirm: true });
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('plugin_disabled');
  });
});
