/**
 * Dashboards and views from metadata through a real browser on a real runtime (issues 7, 8):
 * the example's Sales dashboard draws every card with the API's numbers, a kanban view groups
 * opportunities by stage, and a bar card added in the designer shows up in the app once published.
 */
import type { Browser, Page } from 'playwright-core';
import type { DashboardDefinition } from '@tessera/metadata';
import { DEMO_ADMIN_PASSWORD, type TestRuntime } from '@tessera/runtime';
import { hasChromium, launchChromium, screenshot, signIn, startExampleApp } from './browser-harness';

if (!hasChromium) console.warn('browser tests skipped: /usr/bin/chromium not found');
const describeBrowser = hasChromium ? describe : describe.skip;

describeBrowser('example CRM dashboards and views in the browser', () => {
  let server: TestRuntime;
  let browser: Browser;
  let page: Page;
  const won: string[] = [];
  let steps = 0;
  const click = async (id: string) => { steps++; await page.getByTestId(id).click(); };
  const select = async (id: string, value: string) => { steps++; await page.getByTestId(id).selectOption(value); };
  const fill = async (id: string, value: string) => { steps++; await page.getByTestId(id).fill(value); };

  const call = async (method: string, pathname: string, body?: unknown) => {
    const response = await server.admin.call(method, pathname, body);
    if (response.status >= 300) throw new Error(`${method} ${pathname}: ${response.status} ${response.text}`);
    return response.body;
  };

  beforeAll(async () => {
    server = await startExampleApp();
    const customers = await call('POST', '/api/customers/bulk', { create: ['it', 'it', 'finance', 'retail'].map((industry, i) => ({ name: `Dash ${i}`, industry, level: i % 2 ? 'A' : 'B' })) });
    const customer = customers.data[0].id as string;
    for (const [name, amount, win] of [['Small deal', 1000, false], ['Big deal', 2500, true], ['Huge deal', 4000, true]] as const) {
      const opp = (await call('POST', '/api/opportunities', { name, customer, amount })).data.id as string;
      if (!win) continue;
      for (const event of ['ADVANCE', 'ADVANCE', 'ADVANCE', 'WIN']) await call('POST', `/api/opportunities/${opp}/transitions/${event}`, {});
      won.push(opp);
    }
    await call('POST', '/api/leads', { name: 'Lead one' });
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1440, height: 1000 }, locale: 'en-US' });
    page.on('pageerror', (error) => console.error('page error:', error.message));
    await signIn(page, server.url, 'admin', DEMO_ADMIN_PASSWORD);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('draws every card of the Sales dashboard, with the won amount the API computes', async () => {
    const { app } = await call('GET', '/api/_meta/app');
    const sales = (app.dashboards as DashboardDefinition[]).find((d) => d.name === 'sales')!;
    await page.getByTestId('nav-dashboard').click();
    for (const card of sales.cards) {
      const chart = page.getByTestId(`chart-${card.id}`);
      await (card.chart === 'number' ? chart.getByTestId(`figure-${card.id}`) : chart.locator('svg.recharts-surface').first()).waitFor();
    }
    const filter = encodeURIComponent(JSON.stringify({ stage: { eq: 'won' } }));
    const [total] = (await call('GET', `/api/opportunities/aggregate?measures=sum:amount&filter=${filter}`)).data;
    expect(Number(total['sum:amount'])).toBe(6500);
    expect(await page.getByTestId('figure-won-amount').textContent()).toBe(new Intl.NumberFormat('en-US', { style: 'currency', currency: 'CNY' }).format(6500));
    // Customers by industry: one bar per industry option (zero bars included), it the tallest.
    await page.getByTestId('chart-customer-industry').locator('.recharts-bar-rectangle').first().waitFor();
    await screenshot(page, 'app-dashboard');
  });

  it('groups opportunities by stage on the kanban view from metadata', async () => {
    await page.getByTestId('nav-opportunity').click();
    await page.getByTestId('view-board').click();
    expect(await page.getByTestId('board-view').inputValue()).toBe('opportunity_pipeline');
    expect(await page.getByTestId('board-field').inputValue()).toBe('stage');
    for (const id of won) await page.getByTestId('board-column-won').getByTestId(`board-card-${id}`).waitFor();
    expect(await page.getByTestId('board-column-qualification').getByTestId(/^board-card-/).count()).toBe(1);
    // Card fields: the related customer by its name (expanded), and the amount.
    expect(await page.getByTestId(`board-card-${won[0]}`).textContent()).toContain('Dash 0');
  });

  it('adds a bar card in the designer, publishes it, and the app shows it', async () => {
    await page.goto(server.url + '/designer/');
    steps = 0;
    await click('page-dashboards');
    await page.getByTestId('dashboards-page').waitFor();
    await select('card-new-entity', 'lead');
    await click('card-add');
    await fill('card-title-lead-en', 'Leads by status');
    await select('card-group-lead', 'status');
    expect(await page.getByTestId('card-chart-lead').inputValue()).toBe('bar');
    await click('publish');
    await page.getByTestId('publish-success').waitFor();
    expect(steps).toBeLessThanOrEqual(6);
    await page.goto(server.url + '/#/_dashboard');
    await page.getByTestId('chart-lead').getByText('Leads by status').waitFor();
    await page.getByTestId('chart-lead').locator('.recharts-bar-rectangle').first().waitFor();
  });
});
