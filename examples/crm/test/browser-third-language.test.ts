/**
 * Issue 22, languages as data, in a real browser: the example app ships a third language only as
 * files (runtime/web/src/i18n/locales/zh-Hant.json and "zh-Hant" keys on the contact entity's
 * labels). The login screen's switch offers 繁體中文; choosing it shows the shell in Traditional
 * Chinese, the contact labels from metadata, Simplified Chinese where a label or string has no
 * Traditional text, and the choice survives a reload.
 */
import type { Browser } from 'playwright-core';
import type { TestRuntime } from '@tessera/runtime';
import { hasChromium, launchChromium, screenshot, startExampleApp } from './browser-harness';

if (!hasChromium) console.warn('browser tests skipped: /usr/bin/chromium not found');
const describeBrowser = hasChromium ? describe : describe.skip;

describeBrowser('a third language from a locale file (zh-Hant)', () => {
  let server: TestRuntime;
  let browser: Browser;

  beforeAll(async () => {
    server = await startExampleApp();
    browser = await launchChromium();
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('is offered on the login screen, translates the shell and metadata labels, and is remembered', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-US' });
    const page = await context.newPage();
    page.on('pageerror', (error) => console.error('page error:', error.message));
    await page.goto(server.url + '/');
    const submit = page.getByTestId('login-submit');
    await submit.waitFor();
    expect(await submit.textContent()).toBe('Sign in');
    const options = await page.getByTestId('language-switch').locator('option').allTextContents();
    expect(options).toEqual(['English', '中文', '繁體中文']);

    await page.getByTestId('language-switch').selectOption('zh-Hant');
    await page.waitForFunction(() => document.querySelector('[data-testid="login-submit"]')?.textContent === '登入');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('zh-Hant');

    await page.getByTestId('login-username').fill('sales1');
    await page.getByTestId('login-password').fill('sales1-demo-123');
    await submit.click();
    await page.getByTestId('user-menu').waitFor();
    // Contact has Traditional labels; customer has none, so it falls back to Simplified.
    expect((await page.getByTestId('nav-contact').textContent())?.trim()).toBe('聯絡人');
    expect((await page.getByTestId('nav-customer').textContent())?.trim()).toBe('客户');

    await page.goto(`${server.url}/#/contacts/new`);
    await page.locator('#root_title').waitFor();
    const labels = await page.locator('label').allTextContents();
    expect(labels.some((l) => l.includes('職務'))).toBe(true);
    expect(labels.some((l) => l.includes('所屬客戶'))).toBe(true);
    await screenshot(page, 'app-third-language-contact');

    await page.reload();
    await page.getByTestId('nav-contact').waitFor();
    await page.waitForFunction(() => document.querySelector('[data-testid="nav-contact"]')?.textContent?.trim() === '聯絡人');
    expect(await page.getByTestId('language-switch').inputValue()).toBe('zh-Hant');
    await context.close();
  });
});
