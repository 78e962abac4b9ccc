/**
 * Issue 18 in a real browser: Ctrl+K finds a customer by its phone typed without separators and
 * Enter opens it; the calendar (`#/_calendar`, the example's calendar views) shows a follow-up's
 * next-contact time and a bid deadline, and dragging the follow-up to another day reschedules it
 * through the API (checked by reading the record back).
 */
import type { Browser, Page } from 'playwright-core';
import type { TestRuntime } from '@tessera/runtime';
import { randomBytes } from 'node:crypto';
import knexFactory from 'knex';
import { hasChromium, launchChromium, signIn, startExampleApp } from './browser-harness';

if (!hasChromium) console.warn('browser tests skipped: /usr/bin/chromium not found');
const describeBrowser = hasChromium ? describe : describe.skip;

type Client = Awaited<ReturnType<TestRuntime['login']>>;

// This month in the app's time zone (Asia/Shanghai, +08:00), so the month view opens on it.
const month = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit' }).format(new Date()).slice(0, 7);

describeBrowser('global search and calendar', () => {
  let server: TestRuntime;
  let browser: Browser;
  let sales1: Client;
  const ids: Record<string, string> = {};

  const ok = async (client: Client, method: string, pathname: string, body?: unknown) => {
    const res = await client.call(method, pathname, body);
    if (res.status >= 300) throw new Error(`${method} ${pathname}: ${res.status} ${res.text}`);
    return res.body;
  };

  async function open(): Promise<Page> {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-US', timezoneId: 'Europe/London' });
    const page = await context.newPage();
    page.on('pageerror', (error) => console.error('page error:', error.message));
    await signIn(page, server.url, 'sales1', 'sales1-demo-123');
    return page;
  }

  // On PostgreSQL when TEST_DATABASE_URL is set (a database of its own, dropped afterwards): on a
  // busy machine an in-memory PGlite can take longer to start than the test may wait.
  const serverUrl = process.env.TEST_DATABASE_URL;
  const database = `tessera_test_${randomBytes(6).toString('hex')}`;
  const onServer = async (sql: string) => {
    const db = knexFactory({ client: 'pg', connection: serverUrl, pool: { min: 0, max: 1 } });
    try {
      await db.raw(sql, [database]);
    } finally {
      await db.destroy();
    }
  };

  beforeAll(async () => {
    let databaseUrl: string | undefined;
    if (serverUrl) {
      await onServer('create database ??');
      const url = new URL(serverUrl);
      url.pathname = `/${database}`;
      databaseUrl = url.toString();
    }
    server = await startExampleApp({ databaseUrl });
    sales1 = await server.login('sales1', 'sales1-demo-123');
    const sales2 = await server.login('sales2', 'sales2-demo-123');
    ids.customer = (await ok(sales1, 'POST', '/api/customers', { name: '上海星辰数据科技有限公司', phone: '021-6888 1234' })).data.id;
    // Another team's customer with the same number: a rep must not find it.
    ids.other = (await ok(sales2, 'POST', '/api/customers', { name: '西部星辰代理', phone: '021 6888 1234' })).data.id;
    ids.followUp = (await ok(sales1, 'POST', '/api/follow_ups', { subject: '回访星辰数据', method: 'phone', customer: ids.customer, next_contact_at: `${month}-10T10:00:00+08:00` })).data.id;
    ids.bid = (await ok(sales1, 'POST', '/api/bids', { name: '星辰数据中心招标', customer: ids.customer, deadline: `${month}-20T14:00:00+08:00` })).data.id;
    browser = await launchChromium();
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    if (serverUrl) await onServer('drop database if exists ?? with (force)');
  });

  it('Ctrl+K finds a customer by phone and Enter opens it', async () => {
    const page = await open();
    await page.keyboard.press('Control+k');
    const input = page.getByTestId('global-search-input');
    await input.waitFor();
    await input.fill('02168881234');
    const group = page.getByTestId('global-search-group-customer');
    await group.getByTestId('global-search-hit').first().waitFor();
    expect(await group.getByTestId('global-search-hit').allTextContents()).toEqual([expect.stringContaining('上海星辰数据科技有限公司')]);
    expect(await group.textContent()).toContain('021-6888 1234');
    await page.keyboard.press('Enter');
    await page.waitForFunction((id) => window.location.hash === `#/customers/${id}`, ids.customer);
    expect(await page.getByTestId('global-search').count()).toBe(0);
    await page.context().close();
  });

  it('the calendar shows a next-contact time and a bid deadline, and a drag reschedules', async () => {
    const page = await open();
    await page.getByTestId('nav-calendar').click();
    await page.getByTestId('calendar').waitFor();
    const followUp = page.locator(`[data-testid="calendar-entry"][data-record-id="${ids.followUp}"]`);
    const bid = page.locator(`[data-testid="calendar-entry"][data-record-id="${ids.bid}"]`);
    await followUp.waitFor();
    await bid.waitFor();
    expect(await followUp.textContent()).toContain('回访星辰数据');
    expect(await bid.textContent()).toContain('星辰数据中心招标');
    // On the days of the app's time zone, whatever the browser's (London here).
    expect(await page.locator(`td.fc-daygrid-day[data-date="${month}-10"]`).locator(`[data-record-id="${ids.followUp}"]`).count()).toBe(1);
    expect(await page.locator(`td.fc-daygrid-day[data-date="${month}-20"]`).locator(`[data-record-id="${ids.bid}"]`).count()).toBe(1);

    // Drag the follow-up from the 10th to the 12th.
    const from = (await followUp.boundingBox())!;
    const to = (await page.locator(`td.fc-daygrid-day[data-date="${month}-12"]`).boundingBox())!;
    await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
    await page.mouse.down();
    await page.mouse.move(from.x + from.width / 2 + 8, from.y + from.height / 2 + 8, { steps: 4 });
    await page.mouse.move(to.x + to.width / 2, to.y + to.height / 2, { steps: 20 });
    await page.mouse.up();
    await page.getByTestId('calendar-notice').waitFor();
    expect(await page.getByTestId('calendar-notice').getAttribute('role')).toBe('status');
    await page.waitForFunction(async (id) => {
      const res = await fetch(`/api/follow_ups/${id}`);
      return (await res.json()).data.next_contact_at !== null;
    }, ids.followUp);
    const saved = (await ok(sales1, 'GET', `/api/follow_ups/${ids.followUp}`)).data;
    // Same time of day, two days later: 10:00 in Shanghai is 02:00 UTC.
    expect(new Date(saved.next_contact_at).toISOString()).toBe(`${month}-12T02:00:00.000Z`);
    expect(await page.locator(`td.fc-daygrid-day[data-date="${month}-12"]`).locator(`[data-record-id="${ids.followUp}"]`).count()).toBe(1);
    await page.context().close();
  });
});
