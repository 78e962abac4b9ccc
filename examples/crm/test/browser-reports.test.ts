/**
 * Issue 21 in a real browser on the example CRM: a manager builds "won amount by owner by month"
 * over opportunities in the report builder (group by owner and expected close by month, sum of
 * amount, stage is Won), shares it with the sales reps and saves it; a rep opens the shared
 * report and sees only their own numbers; the manager clicks a bar and the list shows exactly
 * the records behind it.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { TestRuntime } from '@tessera/runtime';
import { hasChromium, launchChromium, signIn, startExampleApp } from './browser-harness';

if (!hasChromium) console.warn('browser tests skipped: /usr/bin/chromium not found');
const describeBrowser = hasChromium ? describe : describe.skip;

type Client = Awaited<ReturnType<TestRuntime['login']>>;
const LABEL = 'Won amount by owner by month';

describeBrowser('reports people build themselves', () => {
  let server: TestRuntime;
  let browser: Browser;
  const ids: Record<string, string> = {};

  const ok = async (client: Client, method: string, pathname: string, body?: unknown) => {
    const res = await client.call(method, pathname, body);
    if (res.status >= 300) throw new Error(`${method} ${pathname}: ${res.status} ${res.text}`);
    return res.body;
  };

  async function openAs(username: string, password: string): Promise<{ context: BrowserContext; page: Page }> {
    const context = await browser.newContext({ viewport: { width: 1280, height: 1000 }, locale: 'en-US' });
    const page = await context.newPage();
    page.on('pageerror', (error) => console.error('page error:', error.message));
    await signIn(page, server.url, username, password);
    return { context, page };
  }

  beforeAll(async () => {
    server = await startExampleApp();
    const sales1 = await server.login('sales1', 'sales1-demo-123');
    const sales2 = await server.login('sales2', 'sales2-demo-123');
    const deal = async (who: Client, key: string, amount: number, close: string, won: boolean) => {
      const customer = (await ok(who, 'POST', '/api/customers', { name: `Report customer ${key}`, level: 'B' })).data.id;
      const id = (await ok(who, 'POST', '/api/opportunities', { name: `Report deal ${key}`, customer, amount, expected_close: close })).data.id;
      if (won) for (const event of ['ADVANCE', 'ADVANCE', 'ADVANCE', 'WIN']) await ok(who, 'POST', `/api/opportunities/${id}/transitions/${event}`, {});
      ids[key] = id;
    };
    await deal(sales1, 's1-nov', 100, '2026-11-10', true);
    await deal(sales1, 's1-dec-a', 200, '2026-12-05', true);
    await deal(sales1, 's1-dec-b', 50, '2026-12-28', true);
    await deal(sales1, 's1-dec-open', 999, '2026-12-06', false);
    await deal(sales2, 's2-dec', 400, '2026-12-20', true);
    browser = await launchChromium();
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  const cellText = (page: Page, row: string) => page.getByTestId('report-table').locator('tbody tr', { hasText: row }).locator('td').allTextContents();

  it('a manager builds and shares it, a rep sees their own numbers, a bar drills into its records', async () => {
    const { context, page } = await openAs('manager', 'manager-demo-123');
    await page.getByTestId('nav-reports').click();
    await page.getByTestId('report-builder').waitFor();
    await page.getByTestId('report-label').fill(LABEL);
    await page.getByTestId('report-entity').selectOption('opportunity');
    await page.getByTestId('report-group-0').selectOption('owner');
    await page.getByTestId('report-group-1').selectOption('expected_close');
    expect(await page.getByTestId('report-bucket-1').inputValue()).toBe('month');
    await page.getByTestId('report-fn').selectOption('sum');
    await page.getByTestId('report-measure-field').selectOption('amount');
    await page.getByTestId('filter-add').click();
    const row = page.getByTestId('filter-row').last();
    await row.getByTestId('filter-field').selectOption('stage');
    await row.getByTestId('filter-op').selectOption('eq');
    await row.getByTestId('filter-value').selectOption('won');
    // Two groups: a stacked bar and a pivot with the months across.
    await page.getByTestId('report-table').locator('thead th', { hasText: 'Dec 2026' }).waitFor();
    expect(await page.getByTestId('report-chart').getAttribute('data-chart')).toBe('stacked');
    expect(await cellText(page, 'Li Wei')).toEqual(['100', '250', '350']);
    expect(await page.getByTestId('report-total').textContent()).toBe('750');
    await page.getByTestId('report-share-sales_rep').check();
    // And with one colleague by name (a sales rep already sees it through the role; the name is what is checked).
    await page.getByTestId('report-share-user-picker-search').fill('Zhang');
    await page.getByTestId('report-share-user-picker').locator('option', { hasText: 'Zhang Min' }).waitFor({ state: 'attached' });
    await page.getByTestId('report-share-user-picker').selectOption({ label: 'Zhang Min (sales rep, West) (sales2)' });
    await page.getByTestId('report-share-user').filter({ hasText: 'Zhang Min' }).waitFor();
    await page.getByTestId('report-save').click();
    await page.getByTestId('report-notice').waitFor();
    await page.getByTestId(`report-open-${LABEL}`).waitFor();
    const manager = await server.login('manager', 'manager-demo-123');
    const stored = (await ok(manager, 'GET', '/api/_reports')).data.find((r: { label: string }) => r.label === LABEL);
    expect(stored).toMatchObject({ groups: ['owner', 'expected_close:month'], measures: ['sum:amount'], filter: { and: [{ stage: { eq: 'won' } }] }, chart: 'bar', sharedWith: { roles: ['sales_rep'], users: [expect.any(String)] } });
    expect(await page.getByTestId('report-chart').getAttribute('data-chart')).toBe('stacked'); // saved as drawn

    // The rep opens the shared report: the same question, their own records only.
    const rep = await openAs('sales1', 'sales1-demo-123');
    await rep.page.getByTestId('nav-reports').click();
    await rep.page.getByText(`${LABEL} (shared by`).click();
    await rep.page.getByTestId('report-shared-note').waitFor();
    await rep.page.getByTestId('report-table').locator('tbody tr').first().waitFor();
    expect(await rep.page.getByTestId('report-table').locator('tbody tr').count()).toBe(1);
    expect(await cellText(rep.page, 'Li Wei')).toEqual(['100', '250', '350']);
    expect(await rep.page.getByTestId('report-total').textContent()).toBe('350');
    await rep.context.close();

    // The manager clicks the bar of Li Wei in December: exactly the two won December deals.
    const liWei = await page.getByTestId('report-table').locator('tbody tr', { hasText: 'Li Wei' }).getByTestId('report-cell').first().getAttribute('data-row');
    await page.locator(`[data-testid="report-bar"][data-row="${liWei}"][data-col="2026-12-01"]`).click();
    await page.waitForURL(/#\/opportunities$/);
    await page.getByTestId('record-row').first().waitFor();
    // The list filters as it loads: wait for the filtered page (its rows are exactly the drilled ones).
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="record-row"]').length === 2);
    const listed = await page.getByTestId('record-row').evaluateAll((els) => els.map((e) => e.getAttribute('data-record-id')));
    expect(listed.sort()).toEqual([ids['s1-dec-a'], ids['s1-dec-b']].sort());
    expect(await page.getByTestId('filter-row').count()).toBe(4);
    await context.close();
  }, 240_000);
});
