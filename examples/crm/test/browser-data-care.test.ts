/**
 * Data care in a real browser (issue 20): an administrator opens a contact, is asked for the
 * reason before erasing (an empty one is refused on the spot), erases it, and sees the record
 * with its personal fields emptied; a manager sees neither button.
 */
import type { Browser, Page } from 'playwright-core';
import type { TestRuntime } from '@tessera/runtime';
import { hasChromium, launchChromium, signIn, startExampleApp } from './browser-harness';

if (!hasChromium) console.warn('browser tests skipped: /usr/bin/chromium not found');
const describeBrowser = hasChromium ? describe : describe.skip;

describeBrowser('data care: erase a person from their record', () => {
  let server: TestRuntime;
  let browser: Browser;
  let contact: string;

  beforeAll(async () => {
    server = await startExampleApp();
    // The manager's own contact: they can read and edit it, and still get no data-care buttons.
    const manager = await server.login('manager', 'manager-demo-123');
    const customer = (await manager.call('POST', '/api/customers', { name: 'Browser Erasure Trading', level: 'C' })).body.data.id;
    contact = (await manager.call('POST', '/api/contacts', { name: 'Li Erasable', customer, email: 'li.erasable@example.cn', phone: '13700001111' })).body.data.id;
    browser = await launchChromium();
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  async function open(username: string, password: string): Promise<Page> {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-US' });
    const page = await context.newPage();
    page.on('pageerror', (error) => console.error('page error:', error.message));
    await signIn(page, server.url, username, password);
    await page.goto(`${server.url}/#/contacts/${contact}`);
    await page.getByTestId('record-form').waitFor();
    await page.getByTestId('record-back').waitFor();
    return page;
  }

  it('a manager sees no data-care buttons', async () => {
    const page = await open('manager', 'manager-demo-123');
    await page.locator('#root_name').waitFor();
    expect(await page.getByTestId('data-care-erase').count()).toBe(0);
    expect(await page.getByTestId('data-care-export').count()).toBe(0);
    await page.context().close();
  });

  it('an administrator gives a reason and erases the contact', async () => {
    const page = await open('admin', server.adminPassword);
    expect(await page.getByTestId('data-care-export').getAttribute('href')).toBe(`/api/_data-care/contacts/${contact}`);
    await page.getByTestId('data-care-erase').click();
    await page.getByTestId('erase-confirm').click();
    expect(await page.getByTestId('erase-problem').textContent()).toBe('Say why the person is erased.');
    await page.getByTestId('erase-reason').fill('Asked by phone on 2026-12-01');
    await page.getByTestId('erase-confirm').click();
    await page.waitForFunction(() => (document.querySelector('#root_name') as HTMLInputElement | null)?.value === '[erased]');
    const record = (await server.admin.call('GET', `/api/contacts/${contact}`)).body.data;
    expect(record).toMatchObject({ name: '[erased]' });
    expect(record.email ?? null).toBeNull();
    expect(record.phone ?? null).toBeNull();
    await page.context().close();
  });
});
