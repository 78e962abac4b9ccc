/**
 * Issue 17, the designer covers all of metadata: notify recipients picked (the owner's manager,
 * a role, a user) in an action editor without generated-form artifacts, a list view and a
 * dashboard card filtered with the designer's filter builder, the app's and a role's labels —
 * all through the UI, published, read back, and the filtered view used in the app's list.
 */
import type { Browser, Page } from 'playwright-core';
import type { TestRuntime } from '@tessera/runtime';
import { hasChromium, launchChromium, newDesktopPage, openDesigner, screenshot, startExampleApp } from './browser-harness';

const describeBrowser = hasChromium ? describe : describe.skip;

interface PublishedApp {
  app: {
    label: { en: string; zh?: string };
    permissions: { roles: Record<string, { label: { en: string; zh?: string } }> };
    views: Array<{ name: string; entity: string; kind: string; filter?: unknown }>;
    dashboards: Array<{ name: string; cards: Array<{ id: string; entity: string; filter?: unknown }> }>;
    workflows: Array<{ name: string; machine: { states: Record<string, { on?: Record<string, { actions?: Array<{ type: string; params: Record<string, unknown> }> }> }> } }>;
  };
}

// What a generated JSON-Schema form showed instead of words (issue 17).
const ARTIFACTS = /Option \d|\[object Object\]|\bto-\d|root_/;

describeBrowser('designer: recipients, filters and labels by pickers (issue 17)', () => {
  let server: TestRuntime;
  let browser: Browser;
  let page: Page;
  const click = (id: string) => page.getByTestId(id).click();
  const fill = (id: string, value: string) => page.getByTestId(id).fill(value);
  const select = (id: string, value: string) => page.getByTestId(id).selectOption(value);

  beforeAll(async () => {
    server = await startExampleApp();
    browser = await launchChromium();
    page = await newDesktopPage(browser);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('picks recipients, builds a filtered view and card, labels the app and a role, publishes, and the list shows only matches', async () => {
    // Customers for the filtered list: only the first is level A with revenue at or above the bar.
    let adminId = '';
    for (const [name, level, revenue] of [['Picker Alpha', 'A', 987_654_321], ['Picker Beta', 'B', 987_654_321], ['Picker Gamma', 'A', 1000]] as const) {
      const made = await server.admin.call('POST', '/api/customers', { name, level, annual_revenue: revenue });
      expect(made.status).toBe(201);
      adminId = (made.body as { data: { owner: string } }).data.owner;
    }

    await openDesigner(page, server.url);

    // The won deal's notify: written words, picked recipients, no generated-form leftovers.
    await click('page-workflows');
    await select('workflow-pick', 'opportunity_pipeline');
    await click('wf-transition-negotiation-WIN');
    const notify = 'transition-action-1';
    await page.getByTestId(`${notify}-params`).waitFor();
    expect(await page.getByTestId(`${notify}-message-en`).inputValue()).toBe('{{name}} was won.');
    expect(await page.getByTestId(`${notify}-subject-en`).inputValue()).toBe('Deal won');
    expect(await page.getByTestId(`${notify}-to-owner`).isChecked()).toBe(true);
    await page.getByTestId(`${notify}-to-owner.manager`).check();
    await page.getByTestId(`${notify}-to-role-sales_manager`).check();
    await select(`${notify}-to-user-add`, 'sales1');
    await page.getByTestId(`${notify}-to-user-remove-sales1`).waitFor();
    await fill(`${notify}-message-zh`, '{{name}} 已赢单。');
    await screenshot(page, 'designer-notify-recipients');
    expect(await page.getByTestId('transition-inspector').innerText()).not.toMatch(ARTIFACTS);

    // assignOwner has its own editor: users are picked from the directory, no generated-form leftovers.
    await select('transition-action-add', 'assignOwner');
    await select('transition-action-2-users-user-add', 'sales1');
    await page.getByTestId('transition-action-2-users-user-remove-sales1').waitFor();
    expect(await page.getByTestId('transition-action-2-params').innerText()).not.toMatch(/Option \d|\[object Object\]|\b(users|rules)-\d/);
    await click('transition-action-2-remove');

    // Another workflow and back: the editor shows this workflow's action again, nothing stale.
    await select('workflow-pick', 'ticket_service');
    await select('workflow-pick', 'opportunity_pipeline');
    await click('wf-transition-negotiation-WIN');
    expect(await page.getByTestId(`${notify}-message-zh`).inputValue()).toBe('{{name}} 已赢单。');
    expect(await page.getByTestId(`${notify}-to-owner.manager`).isChecked()).toBe(true);
    expect(await page.getByTestId('transition-inspector').innerText()).not.toMatch(ARTIFACTS);

    // A list view of customers: level is A and annual revenue at least 987,654,321.
    await click('page-views');
    await select('view-new-entity', 'customer');
    await click('view-new-list');
    await click('view-filter-add');
    await select('view-filter-row-0-field', 'level');
    // A select's condition offers the engine's operators for it, not ones the API refuses.
    const ops = await page.getByTestId('view-filter-row-0-op').locator('option').evaluateAll((o) => o.map((x) => (x as HTMLOptionElement).value));
    expect(ops).toContain('eq');
    expect(ops).not.toContain('contains');
    await select('view-filter-row-0-value', 'A');
    await click('view-filter-add');
    await select('view-filter-row-1-field', 'annual_revenue');
    await select('view-filter-row-1-op', 'gte');
    expect(await page.getByTestId('view-filter-row-1-value').getAttribute('type')).toBe('number');
    await fill('view-filter-row-1-value', '987654321');
    // The app's name and a role's label in Chinese.
    await fill('app-label-zh', '演示客户管理');
    await screenshot(page, 'designer-view-filter');

    // A dashboard card counting my customers of level A or B.
    await click('page-dashboards');
    await click('dashboard-new');
    await select('card-new-entity', 'customer');
    await click('card-add');
    const card = (await page.locator('[data-testid^="card-filter-"][data-testid$="-add"]').last().getAttribute('data-testid'))!.replace(/-add$/, '');
    await click(`${card}-add`);
    await select(`${card}-row-0-field`, 'level');
    await select(`${card}-row-0-op`, 'in');
    await page.getByTestId(`${card}-row-0-value-A`).check();
    await page.getByTestId(`${card}-row-0-value-B`).check();
    await click(`${card}-add`);
    await select(`${card}-row-1-field`, 'owner');
    expect(await page.getByTestId(`${card}-row-1-value`).inputValue()).toBe('$me');

    await click('page-permissions');
    await select('perm-role', 'sales_manager');
    await fill('perm-role-label-zh', '销售经理（演示）');

    await click('plan-preview');
    await click('plan-publish');
    await page.getByTestId('publish-success').waitFor();

    const { app } = (await server.admin.call('GET', '/api/_meta/app')).body as PublishedApp;
    const win = app.workflows.find((w) => w.name === 'opportunity_pipeline')!.machine.states.negotiation.on!.WIN;
    expect(win.actions![1]).toEqual({ type: 'notify', params: { subject: 'Deal won', template: { en: '{{name}} was won.', zh: '{{name}} 已赢单。' }, to: ['owner', 'owner.manager', 'role:sales_manager', 'sales1'] } });
    const view = app.views.find((v) => v.entity === 'customer' && JSON.stringify(v.filter ?? {}).includes('987654321'))!;
    expect(view.filter).toEqual({ and: [{ level: { eq: 'A' } }, { annual_revenue: { gte: '987654321' } }] });
    const published = app.dashboards.flatMap((d) => d.cards).find((c) => c.id === card.replace(/^card-filter-/, '') && c.entity === 'customer' && c.filter)!;
    expect(published.filter).toEqual({ and: [{ level: { in: ['A', 'B'] } }, { owner: { eq: '$me' } }] });
    expect(app.label).toMatchObject({ zh: '演示客户管理' });
    expect(app.permissions.roles.sales_manager.label).toMatchObject({ zh: '销售经理（演示）' });

    // The card's filter, $me bound to the admin (who owns the three customers above), as the API answers it.
    const bound = JSON.parse(JSON.stringify(published.filter).split('"$me"').join(JSON.stringify(adminId))) as unknown;
    const counted = await server.admin.call('GET', `/api/customers/aggregate?measures=count&filter=${encodeURIComponent(JSON.stringify({ and: [bound, { name: { startsWith: 'Picker' } }] }))}`);
    expect((counted.body as { data: Array<{ count: number }> }).data[0].count).toBe(3);

    // In the app, the view lists exactly the matching customer.
    await page.goto(`${server.url}/#/customers`);
    await page.getByTestId('list-view-picker').selectOption(view.name);
    await page.getByTestId('record-row').filter({ hasText: 'Picker Alpha' }).waitFor();
    const names = await page.getByTestId('record-row').allInnerTexts();
    expect(names.some((n) => n.includes('Picker Alpha'))).toBe(true);
    expect(names.some((n) => n.includes('Picker Beta') || n.includes('Picker Gamma'))).toBe(false);
    expect(names).toHaveLength(1);
  }, 180_000);
});
