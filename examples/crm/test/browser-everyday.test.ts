/**
 * Issue 18 in a real browser on the example CRM, "the app a sales team lives in": a rep picks a
 * customer by typing part of its Chinese name (300 newer customers push it off the picker's first
 * page, so only the server-side search finds it) and a contact from a picker narrowed to that
 * customer, all by keyboard; a contact started from the customer's related list returns to the
 * customer; a manager sees the Owner column, filters by owner and "updated in the last 7 days",
 * and transfers a customer; at 390×844 the list, record, inbox and dashboard fit the screen.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { TestRuntime } from '@tessera/runtime';
import { hasChromium, launchChromium, screenshot, signIn, startExampleApp } from './browser-harness';

if (!hasChromium) console.warn('browser tests skipped: /usr/bin/chromium not found');
const describeBrowser = hasChromium ? describe : describe.skip;

type Client = Awaited<ReturnType<TestRuntime['login']>>;

const TARGET = '杭州西湖精密仪器有限公司';
const DECOY = '宁波北仑港口物流有限公司';
const FILLERS = 300;

describeBrowser('everyday use: pickers that search, owners, transfer, phone width', () => {
  let server: TestRuntime;
  let browser: Browser;
  let sales1: Client;
  const ids: Record<string, string> = {};

  const ok = async (client: Client, method: string, pathname: string, body?: unknown) => {
    const res = await client.call(method, pathname, body);
    if (res.status >= 300) throw new Error(`${method} ${pathname}: ${res.status} ${res.text}`);
    return res.body;
  };

  async function openAs(username: string, password: string, viewport = { width: 1280, height: 900 }): Promise<{ context: BrowserContext; page: Page }> {
    const context = await browser.newContext({ viewport, locale: 'en-US' });
    const page = await context.newPage();
    page.on('pageerror', (error) => console.error('page error:', error.message));
    await signIn(page, server.url, username, password);
    return { context, page };
  }

  beforeAll(async () => {
    server = await startExampleApp();
    sales1 = await server.login('sales1', 'sales1-demo-123');
    // The target first: it is the oldest, so the 300 created after it fill the picker's first pages.
    ids.target = (await ok(sales1, 'POST', '/api/customers', { name: TARGET, industry: 'manufacturing', level: 'A' })).data.id;
    ids.decoy = (await ok(sales1, 'POST', '/api/customers', { name: DECOY, industry: 'energy', level: 'B' })).data.id;
    ids.targetContact = (await ok(sales1, 'POST', '/api/contacts', { name: '林晓 Lin Xiao', customer: ids.target })).data.id;
    ids.decoyContact = (await ok(sales1, 'POST', '/api/contacts', { name: '周杰 Zhou Jie', customer: ids.decoy })).data.id;
    const bulk = await ok(sales1, 'POST', '/api/customers/bulk', { create: Array.from({ length: FILLERS }, (_, i) => ({ name: `Filler customer ${String(i).padStart(3, '0')}`, level: 'C' })) });
    expect(bulk.data).toHaveLength(FILLERS);
    // A quote waiting for the manager, so the phone's inbox has a row to lay out.
    const quote = (await ok(sales1, 'POST', '/api/quotes', { name: '西湖精密 2027 报价', customer: ids.target, discount: 15 })).data.id;
    await ok(sales1, 'POST', `/api/quotes/${quote}/transitions/SUBMIT`, {});
    browser = await launchChromium();
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('a rep picks the customer by part of its Chinese name, then a contact narrowed to it, by keyboard', async () => {
    const { context, page } = await openAs('sales1', 'sales1-demo-123');
    await page.goto(`${server.url}/#/follow_ups/new`);
    const customer = page.locator('#root_customer');
    await customer.waitFor();

    // Unsearched, the picker offers the newest records: the target is not among them.
    await customer.focus();
    await page.keyboard.press('ArrowDown');
    await page.getByTestId('relation-option').first().waitFor();
    expect(await page.getByTestId('relation-option').allTextContents()).not.toContain(TARGET);
    expect(await page.getByTestId('relation-more').count()).toBe(1);

    // Typing part of the Chinese name searches on the server (q, ILIKE).
    await customer.fill('西湖精密');
    await page.getByTestId('relation-option').filter({ hasText: TARGET }).waitFor();
    expect(await page.getByTestId('relation-option').allTextContents()).toEqual([TARGET]);
    expect(await customer.getAttribute('aria-expanded')).toBe('true');
    await page.keyboard.press('Enter');
    await page.locator(`[data-testid="relation-customer"][data-value="${ids.target}"]`).waitFor();
    expect(await customer.inputValue()).toBe(TARGET);

    // The contact picker lists the chosen customer's contacts only.
    const contact = page.locator('#root_contact');
    await contact.focus();
    await page.keyboard.press('ArrowDown');
    await page.getByTestId('relation-option').first().waitFor();
    expect(await page.getByTestId('relation-option').allTextContents()).toEqual(['林晓 Lin Xiao']);
    await screenshot(page, 'app-everyday-dependent-picker');
    await page.keyboard.press('Enter');
    await page.locator(`[data-testid="relation-contact"][data-value="${ids.targetContact}"]`).waitFor();

    await page.locator('#root_subject').fill('回访 西湖精密');
    await page.locator('#root_method').selectOption({ label: 'Phone' });
    await page.getByTestId('record-save').click();
    await page.getByTestId('record-list-follow_up').waitFor();
    const list = await ok(sales1, 'GET', `/api/follow_ups?filter[customer]=${ids.target}`);
    expect(list.data).toHaveLength(1);
    expect(list.data[0]).toMatchObject({ customer: ids.target, contact: ids.targetContact, method: 'phone' });

    // An existing record's picker shows its value's title even though it is on no page loaded.
    await page.goto(`${server.url}/#/follow_ups/${list.data[0].id}`);
    await page.locator('#root_customer').waitFor();
    await page.waitForFunction((name) => (document.querySelector('#root_customer') as HTMLInputElement | null)?.value === name, TARGET);
    await context.close();
  });

  it('a contact started from the customer’s related list returns to the customer when saved', async () => {
    const { context, page } = await openAs('sales1', 'sales1-demo-123');
    await page.goto(`${server.url}/#/customers/${ids.target}`);
    await page.getByTestId('related-new-contacts').click();
    await page.waitForFunction((name) => (document.querySelector('#root_customer') as HTMLInputElement | null)?.value === name, TARGET);
    await page.locator('#root_name').fill('陈静 Chen Jing');
    await page.getByTestId('record-save').click();
    await page.waitForFunction((id) => window.location.hash === `#/customers/${id}`, ids.target);
    await page.getByTestId('related-contacts').getByText('陈静 Chen Jing').waitFor();
    await context.close();
  });

  it('a manager filters by owner and "updated in the last 7 days", and transfers a customer', async () => {
    const { context, page } = await openAs('manager', 'manager-demo-123');
    await page.getByTestId('nav-customer').click();
    await page.getByTestId('column-owner').waitFor();
    await page.getByTestId('cell-owner').first().filter({ hasText: 'Li Wei (sales rep, East)' }).waitFor();

    // Owner is Li Wei.
    await page.getByTestId('filter-add').click();
    const ownerRow = page.getByTestId('filter-row').nth(0);
    await ownerRow.getByTestId('filter-field').selectOption('owner');
    await ownerRow.getByTestId('filter-value-search').fill('Li Wei');
    await ownerRow.getByTestId('filter-value').locator('option', { hasText: 'Li Wei' }).waitFor({ state: 'attached' });
    await ownerRow.getByTestId('filter-value').selectOption({ label: 'Li Wei (sales rep, East) (sales1)' });
    // Updated in the last 7 days.
    await page.getByTestId('filter-add').click();
    const dateRow = page.getByTestId('filter-row').nth(1);
    await dateRow.getByTestId('filter-field').selectOption('updated_at');
    expect(await dateRow.getByTestId('filter-op').inputValue()).toBe('lastDays');
    await dateRow.getByTestId('filter-value').fill('7');
    await page.getByTestId('list-range').filter({ hasText: `of ${(FILLERS + 2).toLocaleString('en-US')}` }).waitFor();
    await screenshot(page, 'app-everyday-owner-filter');

    // Nobody else's customers match Zhang Min.
    await ownerRow.getByTestId('filter-value-search').fill('Zhang Min');
    await ownerRow.getByTestId('filter-value').locator('option', { hasText: 'Zhang Min' }).waitFor({ state: 'attached' });
    await ownerRow.getByTestId('filter-value').selectOption({ label: 'Zhang Min (sales rep, West) (sales2)' });
    await page.getByTestId('list-empty').waitFor();
    await page.getByTestId('filter-remove').first().click();

    // Transfer the target to Zhang Min.
    await page.goto(`${server.url}/#/customers/${ids.target}`);
    await page.getByTestId('record-owner-name').filter({ hasText: 'Li Wei (sales rep, East)' }).waitFor();
    await page.getByTestId('record-transfer').click();
    await page.getByTestId('transfer-user-search').fill('Zhang');
    await page.getByTestId('transfer-user').locator('option', { hasText: 'Zhang Min' }).waitFor({ state: 'attached' });
    await page.getByTestId('transfer-user').selectOption({ label: 'Zhang Min (sales rep, West) (sales2)' });
    await page.getByTestId('transfer-confirm').click();
    await page.getByTestId('record-owner-name').filter({ hasText: 'Zhang Min (sales rep, West)' }).waitFor();
    await screenshot(page, 'app-everyday-transferred');

    const sales2 = await server.login('sales2', 'sales2-demo-123');
    expect((await ok(sales2, 'GET', `/api/customers/${ids.target}`)).data.name).toBe(TARGET);
    expect((await sales1.call('GET', `/api/customers/${ids.target}`)).status).toBe(404);
    await context.close();
  });

  it('a rep without the transfer capability gets no Transfer button, but sees the owner', async () => {
    const { context, page } = await openAs('sales1', 'sales1-demo-123');
    await page.goto(`${server.url}/#/customers/${ids.decoy}`);
    await page.getByTestId('record-owner-name').filter({ hasText: 'Li Wei' }).waitFor();
    await page.getByTestId('record-save').waitFor();
    expect(await page.getByTestId('record-transfer').count()).toBe(0);
    await context.close();
  });

  it('at 390×844 the list, record, inbox and dashboard have no horizontal scroll', async () => {
    const { context, page } = await openAs('manager', 'manager-demo-123', { width: 390, height: 844 });
    const pages: [string, string, string][] = [
      ['customers', '#/customers', 'record-row'],
      ['record', `#/customers/${ids.decoy}`, 'record-form'],
      ['inbox', '#/_approvals', 'inbox-row'],
      ['dashboard', '#/_dashboard', 'nav-dashboard'],
    ];
    for (const [name, hash, testId] of pages) {
      await page.goto(`${server.url}/${hash}`);
      await page.getByTestId(testId).first().waitFor({ state: 'attached' });
      await page.waitForTimeout(400); // charts and names settle
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      await screenshot(page, `app-phone-${name}`);
      expect({ page: name, width }).toEqual({ page: name, width: expect.any(Number) });
      expect(width).toBeLessThanOrEqual(390);
    }
    // The menu is behind a button, and opens.
    await page.goto(`${server.url}/#/customers`);
    expect(await page.getByTestId('nav-customer').isVisible()).toBe(false);
    await page.getByTestId('menu-toggle').click();
    await page.getByTestId('nav-customer').waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await screenshot(page, 'app-phone-menu');
    await page.getByTestId('nav-contact').click();
    await page.getByTestId('record-list-contact').waitFor();
    expect(await page.getByTestId('nav-customer').isVisible()).toBe(false);
    await context.close();
  });
});
