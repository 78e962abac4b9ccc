/**
 * Issue 19's batch survey sending, in a real browser: service staff select customers in the
 * customer list and send each a satisfaction survey at once (`x-relation.bulkCreate` on the
 * survey's customer link). One survey per selected customer, with the values given once; a
 * refused value creates none; a sales rep (who may not create surveys) is not offered the action.
 */
import type { Browser, Page } from 'playwright-core';
import type { TestRuntime } from '@tessera/runtime';
import { hasChromium, launchChromium, screenshot, signIn, startExampleApp } from './browser-harness';

if (!hasChromium) console.warn('browser tests skipped: /usr/bin/chromium not found');
const describeBrowser = hasChromium ? describe : describe.skip;

type Client = Awaited<ReturnType<TestRuntime['login']>>;
const NAMES = ['Survey Alpha Trading', 'Survey Beta Foods', 'Survey Gamma Tools'];

describeBrowser('sending a satisfaction survey to several customers at once', () => {
  let server: TestRuntime;
  let browser: Browser;
  let service: Client;
  const ids: string[] = [];

  const ok = async (client: Client, method: string, pathname: string, body?: unknown) => {
    const res = await client.call(method, pathname, body);
    if (res.status >= 300) throw new Error(`${method} ${pathname}: ${res.status} ${res.text}`);
    return res.body;
  };
  const surveysOf = async (customer: string) => (await ok(service, 'GET', `/api/surveys?filter[customer][eq]=${customer}`)).data as { title: string; channel: string }[];

  async function openList(username: string, locale = 'en-US'): Promise<Page> {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale });
    const page = await context.newPage();
    page.on('pageerror', (error) => console.error('page error:', error.message));
    await signIn(page, server.url, username, `${username}-demo-123`);
    await page.getByTestId('nav-customer').click();
    await page.getByTestId('record-list-customer').waitFor();
    // A new page of rows clears the selection: select only once the searched page has arrived.
    const searched = page.waitForResponse((r) => r.url().includes('/api/customers?') && r.url().includes('q=Survey'));
    await page.getByTestId('list-search').fill('Survey ');
    await searched;
    for (const name of NAMES) await page.getByRole('checkbox', { name: new RegExp(name) }).waitFor();
    return page;
  }

  beforeAll(async () => {
    server = await startExampleApp();
    service = await server.login('service', 'service-demo-123');
    for (const name of NAMES) ids.push((await ok(server.admin, 'POST', '/api/customers', { name, industry: 'retail', level: 'B' })).data.id);
    browser = await launchChromium();
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('service staff send one survey to each selected customer, with the values given once', async () => {
    const page = await openList('service');
    await page.getByRole('checkbox', { name: /Survey Alpha Trading/ }).check();
    await page.getByRole('checkbox', { name: /Survey Gamma Tools/ }).check();
    await page.getByTestId('bulk-create-survey').filter({ hasText: 'Send satisfaction survey (2)' }).click();
    const dialog = page.getByTestId('bulk-create-dialog');
    await dialog.filter({ hasText: 'Send satisfaction survey (2 selected)' }).filter({ hasText: 'One Satisfaction survey is created for each selected record' }).waitFor();
    // Only what the action asks for: no score, no customer picker.
    expect(await dialog.locator('#root_score').count()).toBe(0);
    expect(await dialog.locator('#root_customer').count()).toBe(0);
    await dialog.locator('#root_title').fill('Q4 satisfaction');
    await dialog.locator('#root_channel').selectOption({ label: 'WeChat' });
    await screenshot(page, 'app-bulk-create-survey');
    await dialog.getByTestId('bulk-create-confirm').click();
    await page.getByTestId('bulk-notice').filter({ hasText: '2 created.' }).waitFor();
    await dialog.waitFor({ state: 'detached' });

    expect(await surveysOf(ids[0]!)).toEqual([expect.objectContaining({ title: 'Q4 satisfaction', channel: 'wechat' })]);
    expect(await surveysOf(ids[1]!)).toEqual([]);
    expect(await surveysOf(ids[2]!)).toEqual([expect.objectContaining({ title: 'Q4 satisfaction', channel: 'wechat' })]);
    await page.context().close();
  });

  it('a value the survey refuses creates none and says why, in Chinese too', async () => {
    const page = await openList('service', 'zh-CN');
    await page.getByRole('checkbox', { name: /Survey Beta Foods/ }).check();
    await page.getByRole('checkbox', { name: /Survey Gamma Tools/ }).check();
    await page.getByTestId('bulk-create-survey').filter({ hasText: '发放满意度调查（2）' }).click();
    const dialog = page.getByTestId('bulk-create-dialog');
    await dialog.locator('#root_title').fill('x'.repeat(201)); // the title allows 200 characters
    await dialog.getByTestId('bulk-create-confirm').click();
    await dialog.filter({ hasText: '200' }).waitFor();
    expect(await surveysOf(ids[1]!)).toEqual([]);
    expect((await surveysOf(ids[2]!)).length).toBe(1);
    await dialog.getByTestId('bulk-create-cancel').click();
    await dialog.waitFor({ state: 'detached' });
    await page.context().close();
  });

  it('a sales rep, who may not create surveys, is not offered the action', async () => {
    const sales1 = await server.login('sales1', 'sales1-demo-123');
    for (const name of NAMES) await ok(sales1, 'POST', '/api/customers', { name: `${name} (rep)` });
    const page = await openList('sales1');
    await page.getByRole('checkbox', { name: /Survey Alpha Trading/ }).check();
    await page.getByTestId('bulk-bar').waitFor();
    expect(await page.getByTestId('bulk-create-survey').count()).toBe(0);
    await page.context().close();
  });
});
