/**
 * Issue 19 in a real browser on the example CRM: a rep opens the public pool (公海) from the
 * customer list and claims a customer; a quote under approval opens read-only, saying which state
 * locks it; a manager transfers a customer and the new owner sees its contacts and open
 * opportunities (the lost one stays with the old owner).
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { TestRuntime } from '@tessera/runtime';
import { hasChromium, launchChromium, screenshot, signIn, startExampleApp } from './browser-harness';

if (!hasChromium) console.warn('browser tests skipped: /usr/bin/chromium not found');
const describeBrowser = hasChromium ? describe : describe.skip;

type Client = Awaited<ReturnType<TestRuntime['login']>>;

describeBrowser('the pool, locked quotes and transfer with related records', () => {
  let server: TestRuntime;
  let browser: Browser;
  let sales1: Client;
  const ids: Record<string, string> = {};

  const ok = async (client: Client, method: string, pathname: string, body?: unknown) => {
    const res = await client.call(method, pathname, body);
    if (res.status >= 300) throw new Error(`${method} ${pathname}: ${res.status} ${res.text}`);
    return res.body;
  };

  async function openAs(username: string, password: string): Promise<{ context: BrowserContext; page: Page }> {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-US' });
    const page = await context.newPage();
    page.on('pageerror', (error) => console.error('page error:', error.message));
    await signIn(page, server.url, username, password);
    return { context, page };
  }

  beforeAll(async () => {
    server = await startExampleApp();
    sales1 = await server.login('sales1', 'sales1-demo-123');
    // Two customers in the pool: created by the admin, then released.
    for (const name of ['Pool Alpha Ltd', 'Pool Beta Ltd']) {
      const id = (await ok(server.admin, 'POST', '/api/customers', { name, industry: 'retail', level: 'B' })).data.id;
      await ok(server.admin, 'POST', `/api/customers/${id}/release`);
      ids[name] = id;
    }
    // A quote waiting for approval.
    ids.mine = (await ok(sales1, 'POST', '/api/customers', { name: 'Locked Quote Customer' })).data.id;
    ids.quote = (await ok(sales1, 'POST', '/api/quotes', { name: 'Q-2027 big discount', customer: ids.mine, discount: 15 })).data.id;
    await ok(sales1, 'POST', `/api/quotes/${ids.quote}/transitions/SUBMIT`, {});
    // A customer with a contact, an open and a lost opportunity.
    ids.moving = (await ok(sales1, 'POST', '/api/customers', { name: 'Transfer Gamma Co' })).data.id;
    await ok(sales1, 'POST', '/api/contacts', { name: 'Gamma Buyer', customer: ids.moving });
    await ok(sales1, 'POST', '/api/opportunities', { name: 'Gamma open deal', customer: ids.moving });
    const lost = (await ok(sales1, 'POST', '/api/opportunities', { name: 'Gamma lost deal', customer: ids.moving })).data.id;
    await ok(sales1, 'POST', `/api/opportunities/${lost}/transitions/LOSE`, { reason: 'Budget cut' });
    browser = await launchChromium();
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('a rep opens the public pool from the customer list and claims a customer', async () => {
    const { context, page } = await openAs('sales1', 'sales1-demo-123');
    await page.getByTestId('nav-customer').click();
    await page.getByTestId('pool-open').click();
    await page.getByTestId('pool-table').waitFor();
    await page.getByTestId(`pool-row-${ids['Pool Beta Ltd']}`).filter({ hasText: 'Pool Beta Ltd' }).waitFor();
    await page.getByTestId(`pool-row-${ids['Pool Alpha Ltd']}`).filter({ hasText: 'Retail' }).waitFor();
    await screenshot(page, 'app-pool');
    await page.getByTestId(`pool-claim-${ids['Pool Alpha Ltd']}`).click();
    // The claimed customer opens, now the rep's.
    await page.waitForURL(new RegExp(`#/customers/${ids['Pool Alpha Ltd']}$`));
    await page.getByTestId('record-owner-name').filter({ hasText: 'Li Wei' }).waitFor();
    const pool = (await ok(sales1, 'GET', '/api/customers?pool=true')).data.map((r: { name: string }) => r.name);
    expect(pool).not.toContain('Pool Alpha Ltd');
    expect(pool).toContain('Pool Beta Ltd');
    await context.close();
  });

  it('a quote under approval opens read-only and says which state locks it', async () => {
    const { context, page } = await openAs('sales1', 'sales1-demo-123');
    await page.goto(`${server.url}/#/quotes/${ids.quote}`);
    await page.getByTestId('record-locked').filter({ hasText: 'Locked while it is “Pending approval”' }).waitFor();
    await page.getByTestId('record-readonly').waitFor();
    expect(await page.getByTestId('record-save').count()).toBe(0);
    await screenshot(page, 'app-quote-locked');
    // The API says the same to anything that tries.
    const res = await sales1.call('PATCH', `/api/quotes/${ids.quote}`, { discount: 60 });
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('record_locked');
    await context.close();
  });

  it('a manager transfers a customer; the new owner sees its contacts and open opportunities', async () => {
    const { context, page } = await openAs('manager', 'manager-demo-123');
    await page.goto(`${server.url}/#/customers/${ids.moving}`);
    await page.getByTestId('record-owner-name').filter({ hasText: 'Li Wei (sales rep, East)' }).waitFor();
    await page.getByTestId('record-transfer').click();
    await page.getByTestId('transfer-user-search').fill('Zhang');
    await page.getByTestId('transfer-user').locator('option', { hasText: 'Zhang Min' }).waitFor({ state: 'attached' });
    await page.getByTestId('transfer-user').selectOption({ label: 'Zhang Min (sales rep, West) (sales2)' });
    await page.getByTestId('transfer-confirm').click();
    await page.getByTestId('record-owner-name').filter({ hasText: 'Zhang Min (sales rep, West)' }).waitFor();
    await context.close();

    const second = await openAs('sales2', 'sales2-demo-123');
    await second.page.goto(`${server.url}/#/customers/${ids.moving}`);
    await second.page.getByTestId('related-contacts').getByTestId('related-row').filter({ hasText: 'Gamma Buyer' }).waitFor();
    const deals = second.page.getByTestId('related-opportunities');
    await deals.getByTestId('related-row').filter({ hasText: 'Gamma open deal' }).waitFor();
    expect(await deals.getByTestId('related-row').filter({ hasText: 'Gamma lost deal' }).count()).toBe(0);
    await screenshot(second.page, 'app-transferred-with-children');
    await second.context.close();
    // The old owner keeps the lost deal, and no longer the contact.
    const left = (await ok(sales1, 'GET', `/api/opportunities?filter[customer]=${ids.moving}`)).data.map((r: { name: string }) => r.name);
    expect(left).toEqual(['Gamma lost deal']);
    expect((await ok(sales1, 'GET', `/api/contacts?filter[customer]=${ids.moving}`)).data).toEqual([]);
  });
});
