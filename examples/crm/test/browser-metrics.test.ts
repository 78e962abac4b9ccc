/**
 * Issue 21, the CRM's metrics in a real browser: an executive opens the Management dashboard;
 * every metric card shows what `GET /api/_metrics/{name}` answers them (a figure formatted as
 * its metric says, a bar per salesperson, a point per month), and choosing "This year" in the
 * dashboard bar changes the cards to the API's numbers for this year.
 */
import type { Browser, Page } from 'playwright-core';
import type { DashboardDefinition, DashboardMetricCard, MetricFormat } from '@tessera/metadata';
import type { SessionClient, TestRuntime } from '@tessera/runtime';
import { hasChromium, launchChromium, screenshot, signIn, startExampleApp } from './browser-harness';

if (!hasChromium) console.warn('browser tests skipped: /usr/bin/chromium not found');
const describeBrowser = hasChromium ? describe : describe.skip;

interface MetricRow { key?: string | null; value: number | null }

/** How the app writes a metric in English, spelled out here rather than taken from the app. */
function written(value: number | null, format: MetricFormat, currency?: string): string {
  if (value === null) return '—';
  if (format === 'percent') return new Intl.NumberFormat('en-US', { style: 'percent', maximumFractionDigits: 1 }).format(value);
  if (format === 'currency') return new Intl.NumberFormat('en-US', { style: 'currency', currency }).format(value);
  if (format === 'days') return `${new Intl.NumberFormat('en-US', { maximumFractionDigits: 1 }).format(value)} days`;
  return new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 }).format(value);
}

describeBrowser('the Management dashboard\'s metrics in the browser', () => {
  let server: TestRuntime;
  let executive: SessionClient;
  let browser: Browser;
  let page: Page;
  const year = new Date(Date.now() + 8 * 3600_000).getUTCFullYear(); // on the Shanghai calendar
  const table = (entity: string) => server.runtime.knex.withSchema('app_crm').table(entity);
  const ok = async (client: SessionClient, method: string, pathname: string, body?: unknown) => {
    const res = await client.call(method, pathname, body);
    if (res.status >= 300) throw new Error(`${method} ${pathname}: ${res.status} ${res.text}`);
    return res.body.data;
  };

  beforeAll(async () => {
    server = await startExampleApp();
    executive = await server.login('executive', 'executive-demo-123');
    const users = Object.fromEntries(((await ok(server.admin, 'GET', '/api/admin/users')) as { id: string; username: string }[]).map((u) => [u.username, u.id]));
    const customer = (await ok(server.admin, 'POST', '/api/customers', { name: 'Metric Works' })).id;
    // Leads: one of four converted.
    for (const [i, status] of ['converted', 'new', 'contacted', 'new'].entries()) {
      const { id } = await ok(server.admin, 'POST', '/api/leads', { name: `Metric lead ${i}` });
      await table('lead').where({ id }).update({ status, owner: i % 2 ? users.sales1 : users.sales2 });
    }
    // Deals closed this year and last, by two reps, created 20 to 50 days before their close.
    for (const [owner, stage, close, days, amount] of [
      [users.sales1, 'won', `${year}-01-20`, 20, 50000], [users.sales1, 'lost', `${year}-01-25`, 30, 9000],
      [users.sales2, 'won', `${year}-01-10`, 50, 30000], [users.sales2, 'won', `${year - 1}-06-15`, 40, 80000], [users.sales2, 'lost', `${year - 1}-07-01`, 10, 7000],
    ] as const) {
      const { id } = await ok(server.admin, 'POST', '/api/opportunities', { name: `Metric deal ${close} ${stage}`, customer, amount, expected_close: close });
      await table('opportunity').where({ id }).update({ owner, stage, created_at: new Date(Date.parse(`${close}T04:00:00Z`) - days * 86_400_000) });
    }
    for (const [score, at] of [[4, `${year - 1}-11-05T10:00:00+08:00`], [2, `${year - 1}-12-05T10:00:00+08:00`], [5, `${year}-01-05T10:00:00+08:00`]] as const) {
      await ok(server.admin, 'POST', '/api/surveys', { title: `Metric survey ${at}`, customer, score, surveyed_at: at });
    }
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1440, height: 1000 }, locale: 'en-US' });
    page.on('pageerror', (error) => console.error('page error:', error.message));
    await signIn(page, server.url, 'executive', 'executive-demo-123');
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  /** Every metric card drawn for the current filter. */
  const ready = () => page.waitForFunction(() => {
    const cards = [...document.querySelectorAll('[data-testid^="metric-"][data-state]')];
    return cards.length > 0 && cards.every((c) => c.getAttribute('data-state') === 'ready');
  });
  /** What a card shows: its figure's text, or key → value of its bars or points. */
  const shown = async (card: DashboardMetricCard) => {
    const root = page.getByTestId(`metric-${card.id}`);
    if (card.chart === 'number') return root.getByTestId(`metric-figure-${card.id}`).textContent();
    const items = card.chart === 'bar' ? root.locator('[data-testid="metric-bar"]') : root.getByTestId(`metric-points-${card.id}`).locator('li');
    return items.evaluateAll((els) => Object.fromEntries(els.map((e) => [e.getAttribute('data-key'), Number(e.getAttribute('data-value'))])));
  };
  /** The same, from the API for the same range. */
  const fromApi = async (card: DashboardMetricCard, range: string) => {
    const query = new URLSearchParams(range);
    if (card.group) query.set('group', card.group);
    const result = await ok(executive, 'GET', `/api/_metrics/${card.metric}?${query}`);
    if (card.chart === 'number') return written(result.rows[0].value, result.format, result.currency);
    return Object.fromEntries((result.rows as MetricRow[]).map((r) => [r.key ?? '', r.value ?? 0]));
  };

  it('shows every metric with the API\'s numbers, and follows the dashboard\'s time range', async () => {
    const { app } = await executive.call('GET', '/api/_meta/app').then((r) => r.body);
    const cards = (app.dashboards as DashboardDefinition[]).find((d) => d.name === 'steering')!.metrics!;
    expect(cards.map((c) => c.id)).toContain('churn-rate');
    await page.getByTestId('nav-dashboard').click();
    await page.getByTestId('dashboard-tab-steering').click();
    await ready();
    for (const card of cards) expect([card.id, await shown(card)]).toEqual([card.id, await fromApi(card, '')]);
    // Spot checks written out: 1 of 4 leads converted; 3 of 5 deals won; the reps' win rates; 50, 20 and 40 days.
    expect(await shown(cards.find((c) => c.id === 'lead-conversion')!)).toBe('25%');
    expect(await shown(cards.find((c) => c.id === 'win-rate')!)).toBe('60%');
    expect(await shown(cards.find((c) => c.id === 'deal-cycle')!)).toBe('36.7 days');
    expect(await page.getByTestId('metric-ratio-win-rate').textContent()).toBe('3 of 5');
    // Churn has its own period when the bar names none.
    expect(await page.getByTestId('metric-range-churn-rate').textContent()).toBe('Period: This month');
    await screenshot(page, 'app-dashboard-metrics');

    await page.getByTestId('dashboard-range').selectOption('this-year');
    // This year: the deals closed in January only, 2 of 3 won.
    await page.waitForFunction(() => document.querySelector('[data-testid="metric-figure-win-rate"]')?.textContent === '66.7%');
    await ready();
    for (const card of cards) expect([card.id, await shown(card)]).toEqual([card.id, await fromApi(card, 'range=this-year')]);
    expect(await page.getByTestId('metric-range-churn-rate').count()).toBe(0);
  });
});
