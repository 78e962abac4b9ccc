import path from 'node:path';
import { createTestRuntime, forEachDatabase, type TestRuntime } from '@tessera/runtime';
import type { AppDefinition } from '@tessera/metadata';
import { appToPackage, mergePackage } from '../src/http/app-package';

const exampleDir = path.resolve(__dirname, '..', '..', 'examples', 'crm');

/** Views and dashboards (issues 7, 8) as `GET /api/_meta/app` delivers them to each role, and in module packages. */
forEachDatabase('views and dashboards in the app metadata', (getCtx) => {
  let rt: TestRuntime;
  beforeAll(async () => {
    rt = await createTestRuntime({ appDir: exampleDir, demoUsers: true, databaseUrl: getCtx().databaseUrl, dataDir: getCtx().dataDir });
  }, 180_000);
  afterAll(() => rt?.close());

  const metaAs = async (username?: string): Promise<AppDefinition> => {
    const client = username ? await rt.login(username, `${username}-demo-123`) : rt.admin;
    const res = await client.call('GET', '/api/_meta/app');
    expect(res.status).toBe(200);
    return res.body.app;
  };
  const cards = (app: AppDefinition) => app.dashboards?.flatMap((d) => d.cards.map((c) => c.id));

  it('gives the admin every view and card of the example', async () => {
    const app = await metaAs();
    expect(app.views?.map((v) => v.name)).toEqual(['bid_deadlines', 'customer_all', 'customer_at_risk', 'customer_by_kind', 'customer_lifecycle_board', 'customer_my_key_accounts', 'follow_up_next_contacts', 'opportunity_expected_close', 'opportunity_pipeline']);
    expect(cards(app)).toEqual(['opportunity-funnel', 'won-amount', 'customer-industry', 'customer-level', 'sales-by-owner', 'sales-by-month', 'payment-collection']);
  });

  it('drops what a role cannot read: entities, measured or filtered hidden fields, hidden columns', async () => {
    const service = await metaAs('service');
    // service reads customers without annual_revenue/credit_rating, and no opportunities, orders or payments.
    expect(cards(service)).toEqual(['customer-industry', 'customer-level']);
    expect(service.views?.map((v) => v.name)).toEqual(['customer_all', 'customer_at_risk', 'customer_by_kind', 'customer_lifecycle_board', 'customer_my_key_accounts', 'follow_up_next_contacts']);
    expect(service.views?.find((v) => v.name === 'customer_all')?.columns).toEqual(['name', 'industry', 'level', 'region', 'lifecycle']);
    expect(service.views?.find((v) => v.name === 'customer_my_key_accounts')).toMatchObject({ columns: ['name', 'industry', 'level'], sort: [] });
    // marketing reads opportunities but not their amount: cards summing it go, the pipeline board stays without it.
    const marketing = await metaAs('marketing');
    expect(cards(marketing)).toEqual(['customer-industry', 'customer-level']);
    expect(marketing.views?.find((v) => v.name === 'opportunity_pipeline')).toMatchObject({ cardFields: ['customer', 'expected_close'], sort: [] });
  });

  it('carries views and dashboards in a module package, and refuses clashing names on import', async () => {
    const app = await metaAs();
    const pkg = appToPackage(app, ['customer']);
    expect(pkg.views?.map((v) => v.name)).toEqual(['customer_all', 'customer_at_risk', 'customer_by_kind', 'customer_lifecycle_board', 'customer_my_key_accounts']);
    // The Sales dashboard also charts opportunities, so it travels only with them.
    expect(pkg.dashboards).toBeUndefined();
    const all = appToPackage(app, ['customer', 'opportunity', 'order', 'payment_plan']);
    expect(all.dashboards?.map((d) => d.name)).toEqual(['sales']);
    const moved = new Set(['customer', 'opportunity', 'order', 'payment_plan']);
    const bare = { ...app, entities: app.entities.filter((e) => !moved.has(e['x-name'])), layouts: app.layouts.filter((l) => !moved.has(l.entity)), workflows: app.workflows?.filter((w) => !moved.has(w.entity)), views: [], dashboards: [] };
    const merged = mergePackage(bare, all);
    // Five lists and the pipeline board of customers and opportunities, and the expected-close calendar.
    expect(merged.app.views?.length).toBe(7);
    expect(merged.app.dashboards?.map((d) => d.name)).toEqual(['sales']);
    expect(() => mergePackage({ ...bare, dashboards: app.dashboards }, all)).toThrow(/dashboard "sales"/);
  });
});
