/**
 * Issue 18 in a real browser on the example CRM: list filters over a related record's fields and
 * the owner's department. A rep filters contacts by "Customer › Industry is IT" and opportunities
 * by "Owner's department is one of Sales West"; each time the rows are exactly the ids the API
 * returns for the same relation path, a reload keeps them (the first request after it already
 * carries the path), and a saved view brings them back in a fresh browser. A role that may not
 * see a customer field is not offered it through the contact list.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { TestRuntime } from '@tessera/runtime';
import { hasChromium, launchChromium, screenshot, signIn, startExampleApp } from './browser-harness';

if (!hasChromium) console.warn('browser tests skipped: /usr/bin/chromium not found');
const describeBrowser = hasChromium ? describe : describe.skip;

type Client = Awaited<ReturnType<TestRuntime['login']>>;

describeBrowser('list filters over related records and the owner\'s department', () => {
  let server: TestRuntime;
  let browser: Browser;
  let sales1: Client;
  let sales2: Client;

  const ok = async (client: Client, method: string, pathname: string, body?: unknown) => {
    const res = await client.call(method, pathname, body);
    if (res.status >= 300) throw new Error(`${method} ${pathname}: ${res.status} ${res.text}`);
    return res.body;
  };
  /** The ids the list API gives `client` (for a JSON filter, when given), sorted. */
  const apiIds = async (client: Client, plural: string, filter?: unknown): Promise<string[]> =>
    ((await ok(client, 'GET', `/api/${plural}?limit=500${filter ? `&filter=${encodeURIComponent(JSON.stringify(filter))}` : ''}`)).data as { id: string }[]).map((r) => r.id).sort();

  async function openAs(username: string, password: string): Promise<{ context: BrowserContext; page: Page }> {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-US' });
    const page = await context.newPage();
    page.on('pageerror', (error) => console.error('page error:', error.message));
    await signIn(page, server.url, username, password);
    return { context, page };
  }

  /** Waits until the list shows exactly `ids` (in any order), then returns what it shows. */
  async function rowsBecome(page: Page, ids: readonly string[]): Promise<string[]> {
    const wanted = [...ids].sort();
    await page.waitForFunction((w) => {
      const shown = [...document.querySelectorAll('[data-testid="record-row"]')].map((r) => r.getAttribute('data-record-id')).sort();
      return JSON.stringify(shown) === JSON.stringify(w);
    }, wanted, { timeout: 15_000 }).catch(() => undefined);
    return (await page.getByTestId('record-row').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-record-id') ?? ''))).sort();
  }

  beforeAll(async () => {
    server = await startExampleApp();
    sales1 = await server.login('sales1', 'sales1-demo-123');
    sales2 = await server.login('sales2', 'sales2-demo-123');
    const customer = async (client: Client, name: string, industry: string, level: string) => (await ok(client, 'POST', '/api/customers', { name, industry, level })).data.id as string;
    const alpha = await customer(sales1, 'Alpha Software', 'it', 'A');
    const beta = await customer(sales1, 'Beta Bank', 'finance', 'A');
    const gamma = await customer(sales1, 'Gamma Cloud', 'it', 'B');
    const west = await customer(sales2, 'West Mining', 'energy', 'A');
    for (const [name, c] of [['Ann Alpha', alpha], ['Al Alpha', alpha], ['Bo Beta', beta], ['Gus Gamma', gamma]] as const) await ok(sales1, 'POST', '/api/contacts', { name, customer: c });
    await ok(sales2, 'POST', '/api/contacts', { name: 'Wes West', customer: west });
    for (const [name, c] of [['Alpha renewal', alpha], ['Beta loans', beta]] as const) await ok(sales1, 'POST', '/api/opportunities', { name, customer: c, amount: 1000 });
    const shared = (await ok(sales2, 'POST', '/api/opportunities', { name: 'West drills', customer: west, amount: 5000 })).data.id as string;
    await ok(sales2, 'POST', '/api/opportunities', { name: 'West trucks', customer: west, amount: 7000 });
    // Sales West's deal shared with the East rep: the one record of theirs another department owns.
    const rep = (await ok(sales1, 'GET', '/api/auth/me')).data.user.id as string;
    await ok(server.admin, 'POST', `/api/opportunities/${shared}/shares`, { user: rep, access: 'read' });
    browser = await launchChromium();
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('a rep filters contacts by "Customer › Industry is IT": the rows are the API\'s, and a reload keeps them', async () => {
    const expected = await apiIds(sales1, 'contacts', { 'customer.industry': { eq: 'it' } });
    const all = await apiIds(sales1, 'contacts');
    expect(expected).toHaveLength(3); // Alpha's two and Gamma's one, of the rep's four
    expect(all).toHaveLength(4);

    const { context, page } = await openAs('sales1', 'sales1-demo-123');
    await page.goto(`${server.url}/#/contacts`);
    expect(await rowsBecome(page, all)).toEqual(all);
    await page.getByTestId('filter-add').click();
    const row = page.getByTestId('filter-row').first();
    const field = row.getByTestId('filter-field');
    expect(await field.locator('option[value="customer.industry"]').textContent()).toBe('Customer › Industry');
    expect(await field.locator('optgroup[label="Customer"] option').count()).toBeGreaterThan(5);
    await field.selectOption('customer.industry');
    expect(await row.getByTestId('filter-op').inputValue()).toBe('eq');
    // The value is picked from the customer's industries, as for a customer's own filter.
    await row.getByTestId('filter-value').selectOption({ label: 'IT' });
    expect(await row.getByTestId('filter-value').inputValue()).toBe('it');
    expect(await rowsBecome(page, expected)).toEqual(expected);
    await screenshot(page, 'app-list-filter-related');

    // A reload restores the row, and the first page asked for already has the path (no unfiltered flash).
    const asked: string[] = [];
    page.on('request', (r) => {
      const url = new URL(r.url());
      if (url.pathname === '/api/contacts' && url.searchParams.has('limit')) asked.push(url.searchParams.get('filter') ?? '');
    });
    await page.reload();
    expect(await rowsBecome(page, expected)).toEqual(expected);
    expect(await page.getByTestId('filter-field').first().inputValue()).toBe('customer.industry');
    expect(asked.length).toBeGreaterThan(0);
    for (const filter of asked) expect(JSON.parse(filter)).toEqual({ and: [{ 'customer.industry': { eq: 'it' } }] });
    await context.close();
  });

  it('a rep filters opportunities by the owner\'s department, saves the view, and gets the same rows after a reload and in a new browser', async () => {
    const expected = await apiIds(sales1, 'opportunities', { 'owner.department.name': { in: ['Sales West'] } });
    const east = await apiIds(sales1, 'opportunities', { 'owner.department.name': { in: ['Sales East'] } });
    expect(expected).toHaveLength(1); // the shared West deal, not the unshared one
    expect(east).toHaveLength(2);

    const first = await openAs('sales1', 'sales1-demo-123');
    let page = first.page;
    await page.goto(`${server.url}/#/opportunities`);
    expect(await rowsBecome(page, [...expected, ...east])).toEqual([...expected, ...east].sort());
    await page.getByTestId('filter-add').click();
    const row = page.getByTestId('filter-row').first();
    expect(await row.getByTestId('filter-field').locator('option[value="owner.department.name"]').textContent()).toBe("Owner's department");
    await row.getByTestId('filter-field').selectOption('owner.department.name');
    expect(await row.getByTestId('filter-op').inputValue()).toBe('in');
    await row.getByTestId('filter-value').fill('Sales West');
    expect(await rowsBecome(page, expected)).toEqual(expected);

    await page.getByTestId('view-save').click();
    await page.getByTestId('view-name').fill('West deals');
    await page.getByTestId('view-save-confirm').click();
    await page.getByTestId('saved-views').locator('option', { hasText: 'West deals' }).waitFor({ state: 'attached' });
    const views = (await ok(sales1, 'GET', '/api/_views?entity=opportunity')).data as { name: string; query: unknown }[];
    expect(views.find((v) => v.name === 'West deals')?.query).toEqual({ filter: { and: [{ 'owner.department.name': { in: ['Sales West'] } }] } });

    await page.reload();
    expect(await rowsBecome(page, expected)).toEqual(expected);
    await first.context.close();

    // A fresh browser has no view kept for the tab: the saved view brings the condition back.
    const second = await openAs('sales1', 'sales1-demo-123');
    page = second.page;
    await page.goto(`${server.url}/#/opportunities`);
    expect(await rowsBecome(page, [...expected, ...east])).toEqual([...expected, ...east].sort());
    await page.getByTestId('saved-views').selectOption({ label: 'West deals' });
    expect(await rowsBecome(page, expected)).toEqual(expected);
    const restored = page.getByTestId('filter-row').first();
    expect(await restored.getByTestId('filter-field').inputValue()).toBe('owner.department.name');
    expect(await restored.getByTestId('filter-op').inputValue()).toBe('in');
    expect(await restored.getByTestId('filter-value').inputValue()).toBe('Sales West');
    await page.reload();
    expect(await rowsBecome(page, expected)).toEqual(expected);
    await second.context.close();
  });

  it('a role that may not see a customer field is not offered it through the contact list', async () => {
    const { context, page } = await openAs('marketing', 'marketing-demo-123');
    await page.goto(`${server.url}/#/contacts`);
    await page.getByTestId('record-list-contact').waitFor();
    await page.getByTestId('filter-add').click();
    const offered = await page.getByTestId('filter-field').first().locator('option').evaluateAll((options) => options.map((o) => (o as HTMLOptionElement).value));
    expect(offered).toEqual(expect.arrayContaining(['customer.industry', 'customer.level', 'owner.department.name']));
    // Hidden from marketing: the customer's revenue and credit rating, the contact's own phone.
    for (const hidden of ['customer.annual_revenue', 'customer.credit_rating', 'phone']) expect(offered).not.toContain(hidden);
    // And the API refuses the hidden path, so offering it could only have failed.
    const marketing = await server.login('marketing', 'marketing-demo-123');
    expect((await marketing.call('GET', `/api/contacts?filter=${encodeURIComponent(JSON.stringify({ 'customer.annual_revenue': { gte: 1 } }))}`)).status).toBe(400);
    await context.close();
  });
});
