/**
 * Issue 19 in a real browser on the example CRM: a rep files a distributor — choosing the kind
 * brings the distributor's form (territory, distribution level, rebate) — and an end customer
 * shows none of those fields; switching the kind away clears them. Tags chosen on the form show
 * in the customer list.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { TestRuntime } from '@tessera/runtime';
import { hasChromium, launchChromium, newDesktopPage, openDesigner, screenshot, signIn, startExampleApp } from './browser-harness';

if (!hasChromium) console.warn('browser tests skipped: /usr/bin/chromium not found');
const describeBrowser = hasChromium ? describe : describe.skip;

type Client = Awaited<ReturnType<TestRuntime['login']>>;

describeBrowser('customer kinds and tags in the app', () => {
  let server: TestRuntime;
  let browser: Browser;
  let sales1: Client;
  let endCustomer: string;

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
    endCustomer = (await ok(sales1, 'POST', '/api/customers', { name: 'Plain End Customer Ltd', industry: 'retail', level: 'C' })).data.id;
    browser = await launchChromium();
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('a rep creates a distributor: the kind brings its fields; another kind hides and clears them', async () => {
    const { context, page } = await openAs('sales1', 'sales1-demo-123');
    await page.getByTestId('nav-customer').click();
    await page.getByTestId('record-new').click();
    await page.locator('#root_kind').waitFor();
    // A new customer starts as an end customer: no distributor fields.
    expect(await page.locator('#root_kind option:checked').textContent()).toBe('End customer');
    expect(await page.locator('#root_territory').count()).toBe(0);
    expect(await page.locator('#root_rebate_rate').count()).toBe(0);
    await page.locator('#root_name').fill('Jingjin Channel Partners');
    await page.locator('#root_kind').selectOption({ label: 'Distributor' });
    await page.locator('#root_territory select >> nth=0 >> option[value="13"]').waitFor({ state: 'attached' });
    expect(await page.getByText('Distribution', { exact: true }).count()).toBeGreaterThan(0);
    await page.locator('#root_territory select').first().selectOption('13');
    await page.locator('#root_rebate_rate').fill('3.5');
    // Agent instead: the distributor's fields go, the agent's come; back to distributor, the rebate is gone.
    await page.locator('#root_kind').selectOption({ label: 'Agent' });
    await page.locator('#root_commission_rate').waitFor();
    expect(await page.locator('#root_territory').count()).toBe(0);
    await page.locator('#root_kind').selectOption({ label: 'Distributor' });
    await page.locator('#root_rebate_rate').waitFor();
    expect(await page.locator('#root_rebate_rate').inputValue()).toBe('');
    await page.locator('#root_territory select >> nth=0 >> option[value="13"]').waitFor({ state: 'attached' });
    await page.locator('#root_territory select').first().selectOption('13');
    await page.locator('#root_rebate_rate').fill('3.5');
    await page.locator('#root_tags-0').check();
    await page.locator('#root_tags-1').check();
    await screenshot(page, 'app-customer-distributor');
    await page.getByTestId('record-save').click();
    await page.getByTestId('record-list-customer').waitFor();
    const saved = (await ok(sales1, 'GET', `/api/customers?filter=${encodeURIComponent(JSON.stringify({ name: { eq: 'Jingjin Channel Partners' } }))}`)).data;
    expect(saved).toHaveLength(1);
    expect(saved[0]).toMatchObject({ kind: 'distributor', territory: '13', rebate_rate: 3.5, commission_rate: null, tags: ['key_account', 'strategic'] });

    // The tags show in the list.
    const row = page.getByTestId('record-row').filter({ hasText: 'Jingjin Channel Partners' });
    await row.filter({ hasText: 'Key account' }).filter({ hasText: 'Strategic' }).waitFor();
    await context.close();
  });

  it('an agent turned end customer loses its agent fields on save; a distributor is offered no kind of another process', async () => {
    const id = (await ok(sales1, 'POST', '/api/customers', { name: 'Former Agency Co', kind: 'agent', commission_rate: 2 })).data.id;
    const distributor = (await ok(sales1, 'POST', '/api/customers', { name: 'Settled Distribution Co', kind: 'distributor', territory: '11' })).data.id;
    const { context, page } = await openAs('sales1', 'sales1-demo-123');
    await page.goto(`${server.url}/#/customers/${id}`);
    await page.locator('#root_commission_rate').waitFor();
    expect(await page.locator('#root_commission_rate').inputValue()).toBe('2');
    // Agents and end customers share one process: both are offered, a distributor is not.
    expect(await page.locator('#root_kind option').allTextContents()).toEqual(expect.arrayContaining(['End customer', 'Agent']));
    expect(await page.locator('#root_kind option').allTextContents()).not.toContain('Distributor');
    await page.locator('#root_kind').selectOption({ label: 'End customer' });
    await page.locator('#root_commission_rate').waitFor({ state: 'detached' });
    await page.getByTestId('record-save').click();
    await page.getByTestId('record-list-customer').waitFor();
    expect((await ok(sales1, 'GET', `/api/customers/${id}`)).data).toMatchObject({ kind: 'end_customer', commission_rate: null });
    await page.goto(`${server.url}/#/customers/${distributor}`);
    await page.locator('#root_territory').waitFor();
    expect((await page.locator('#root_kind option').allTextContents()).filter((o) => o.trim())).toEqual(['Distributor']);
    await context.close();
  });

  it('a distributor runs its own process: the rep submits the agreement, its terms lock, the sales manager approves it', async () => {
    const id = (await ok(sales1, 'POST', '/api/customers', { name: 'Agreement Pending Trading', kind: 'distributor', territory: '31', rebate_rate: 4 })).data.id;
    const rep = await openAs('sales1', 'sales1-demo-123');
    await rep.page.goto(`${server.url}/#/customers/${id}`);
    await rep.page.getByTestId('transition-SUBMIT_AGREEMENT').click();
    await rep.page.getByTestId('record-locked').filter({ hasText: 'Agreement in review' }).filter({ hasText: 'Rebate rate' }).waitFor();
    // An end customer's buttons are not a distributor's.
    expect(await rep.page.getByTestId('transition-ACTIVATE').count()).toBe(0);
    expect(await rep.page.getByTestId('transition-APPROVE_AGREEMENT').count()).toBe(0);
    await screenshot(rep.page, 'app-distributor-agreement');
    await rep.context.close();
    const mgr = await openAs('manager', 'manager-demo-123');
    await mgr.page.goto(`${server.url}/#/customers/${id}`);
    await mgr.page.getByTestId('transition-APPROVE_AGREEMENT').click();
    await mgr.page.getByTestId('transition-GO_DORMANT').waitFor();
    expect((await ok(sales1, 'GET', `/api/customers/${id}`)).data.lifecycle).toBe('active');
    await mgr.context.close();
  });

  it('an end customer opens without the distributor\'s fields', async () => {
    const { context, page } = await openAs('sales1', 'sales1-demo-123');
    await page.goto(`${server.url}/#/customers/${endCustomer}`);
    await page.locator('#root_kind').waitFor();
    expect(await page.locator('#root_kind option:checked').textContent()).toBe('End customer');
    await page.locator('#root_tags-0').waitFor();
    for (const field of ['territory', 'distribution_level', 'rebate_rate', 'commission_rate', 'agent_since']) expect(await page.locator(`#root_${field}`).count()).toBe(0);
    await context.close();
  });

  it('the designer shows the customer kinds in the entity settings and refuses a kind requiring another kind\'s field', async () => {
    const page = await newDesktopPage(browser);
    await openDesigner(page, server.url);
    await page.getByTestId('entity-customer').click();
    await page.getByTestId('entity-settings-open').click();
    expect(await page.getByTestId('entity-record-types-field').inputValue()).toBe('kind');
    expect(await page.getByTestId('entity-record-type-distributor-layout').inputValue()).toBe('customer-distributor-form');
    expect(await page.getByTestId('entity-record-type-distributor-fields').inputValue()).toBe('territory, distribution_level, rebate_rate');
    expect(await page.getByTestId('entity-record-type-agent-required').inputValue()).toBe('');
    expect(await page.getByTestId('entity-record-type-distributor-workflow').inputValue()).toBe('distributor_lifecycle');
    expect(await page.getByTestId('entity-record-type-agent-workflow').inputValue()).toBe('');
    await page.getByTestId('entity-record-type-agent-required').fill('territory');
    await page.getByTestId('entity-settings-problems').filter({ hasText: 'Record type "agent": it may only require its own fields or fields every kind has.' }).waitFor();
    expect(await page.getByTestId('entity-settings-apply').isDisabled()).toBe(true);
    await page.getByTestId('entity-record-type-agent-required').fill('agent_since');
    await page.getByTestId('entity-settings-problems').waitFor({ state: 'detached' });
    await screenshot(page, 'designer-record-types');
    await page.close();
  });
});
