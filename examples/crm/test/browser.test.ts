/**
 * End to end through a real browser: the example CRM on a real runtime (in-memory PGlite, real
 * Koa over HTTP) and Debian's Chromium. Sign in as the demo admin, create a record through the form, see a validation
 * error at its field, add a field in the designer by dragging, publish, use the new field in
 * the app, switch to Chinese.
 */
import type { Browser, Page } from 'playwright-core';
import { createTestRuntime, DEMO_ADMIN_PASSWORD, type TestRuntime } from '@tessera/runtime';
import path from 'node:path';
import { ensureWebBuilt, exampleDir, hasChromium, launchChromium, mouseDrag, newDesktopPage, screenshot } from './browser-harness';

if (!hasChromium) console.warn('browser tests skipped: /usr/bin/chromium not found');
const describeBrowser = hasChromium ? describe : describe.skip;

describeBrowser('example CRM in the browser', () => {
  let server: TestRuntime;
  let browser: Browser;
  let page: Page;
  let customerId: string;

  const api = async (pathname: string) => {
    const response = await server.admin.call('GET', pathname);
    expect(response.status).toBe(200);
    return response.body as { data: Record<string, unknown> & Array<Record<string, unknown>> };
  };

  beforeAll(async () => {
    ensureWebBuilt();
    server = await createTestRuntime({
      appDir: exampleDir,
      webDir: path.join(exampleDir, 'dist/app'),
      designerDir: path.join(exampleDir, 'dist/designer'),
      demoUsers: true,
    });
    browser = await launchChromium();
    page = await newDesktopPage(browser);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('signs in through the login screen (a wrong password is refused first)', async () => {
    await page.goto(server.url + '/');
    await page.getByTestId('login-username').fill('admin');
    await page.getByTestId('login-password').fill('not-the-password');
    await page.getByTestId('login-submit').click();
    expect(await page.getByTestId('login-error').textContent()).toContain('incorrect');
    await screenshot(page, 'app-login');
    await page.getByTestId('login-password').fill(DEMO_ADMIN_PASSWORD);
    await page.getByTestId('login-submit').click();
    await page.getByTestId('user-menu').waitFor();
    expect(await page.getByTestId('user-name').textContent()).toBe('Administrator');
  });

  it('creates a customer through the form and lists it', async () => {
    await page.getByTestId('nav-customer').click();
    await page.getByTestId('record-new').click();
    await page.locator('#root_name').fill('Hangzhou Tea Trading');
    await page.locator('#root_industry').selectOption({ label: 'Retail' });
    await page.locator('#root_level').selectOption({ label: 'B' });
    await page.locator('#root_email').fill('sales@hz-tea.cn');
    await screenshot(page, 'app-customer-form');
    await page.getByTestId('record-save').click();

    const row = page.getByTestId('record-row').filter({ hasText: 'Hangzhou Tea Trading' });
    await row.waitFor();
    expect(await row.textContent()).toContain('Retail');
    await screenshot(page, 'app-customer-list');

    const list = await api('/api/customers?limit=50&offset=0');
    const created = (list.data as Array<Record<string, unknown>>).find((c) => c.name === 'Hangzhou Tea Trading');
    expect(created).toMatchObject({ industry: 'retail', level: 'B', email: 'sales@hz-tea.cn' });
    customerId = String(created!.id);
  });

  it('shows an invalid email at the field and saves nothing', async () => {
    await page.getByTestId('record-new').click();
    await page.locator('#root_name').fill('Broken Email Ltd');
    await page.locator('#root_email').fill('not-an-email');
    await page.getByTestId('record-save').click();
    const fieldError = page.locator('#root_email__error');
    await fieldError.waitFor();
    expect((await fieldError.textContent())?.length).toBeGreaterThan(0);
    await screenshot(page, 'app-field-error');
    const list = await api('/api/customers?limit=50&offset=0');
    expect((list.data as Array<Record<string, unknown>>).some((c) => c.name === 'Broken Email Ltd')).toBe(false);
    await page.getByTestId('record-cancel').click();
  });

  it('shows the dedup plugin’s duplicate refusal at the name field and saves nothing', async () => {
    // Same company after normalizing (case, legal suffix): app.json turns dedup on for customers.
    await page.getByTestId('record-new').click();
    await page.locator('#root_name').fill('HANGZHOU TEA TRADING Co., Ltd.');
    await page.getByTestId('record-save').click();
    const fieldError = page.locator('#root_name__error');
    await fieldError.waitFor();
    expect(await fieldError.textContent()).toContain(`Possible duplicate of ${customerId} (same name)`);
    const list = await api('/api/customers?limit=50&offset=0');
    expect((list.data as Array<Record<string, unknown>>).filter((c) => String(c.name).toLowerCase().startsWith('hangzhou tea'))).toHaveLength(1);
    await page.getByTestId('record-cancel').click();
  });

  it('adds a field in the designer by dragging and publishes it', async () => {
    await page.goto(server.url + '/designer/');
    await page.getByTestId('entity-customer').click();
    await page.getByTestId('palette-text').waitFor();
    // The customer form is longer than the window now; its first section (near the top) takes drops too.
    await mouseDrag(page, 'palette-text', 'section-label-basic');
    await page.getByTestId('inspector').waitFor();
    await page.getByTestId('inspector-label-en').fill('Region code');
    await page.getByTestId('inspector-label-zh').fill('地区代码');
    expect(await page.getByTestId('inspector-name').inputValue()).toBe('region_code');
    await screenshot(page, 'designer-add-field');
    await page.getByTestId('inspector-add').click();
    await page.getByTestId('canvas-field-region_code').waitFor();
    await page.getByTestId('publish').click();
    const success = page.getByTestId('publish-success');
    await success.waitFor();
    expect(await success.textContent()).toContain('2');
    await screenshot(page, 'designer-published');

    // The keyboard path: Space picks a type up, an arrow key moves it onto the form, Space drops.
    await page.getByTestId('palette-email').focus();
    await page.keyboard.press('Space');
    // dnd-kit attaches its key listeners a tick after pick-up: wait for each state to show.
    await page.locator('[data-testid="palette-email"].d-dragging').waitFor();
    await page.keyboard.press('ArrowRight');
    await page.locator('[data-testid="canvas"].d-over').waitFor();
    await page.keyboard.press('Space');
    await page.getByTestId('inspector').waitFor();
    expect(await page.getByTestId('inspector').textContent()).toContain('Email');
    await page.getByTestId('inspector-cancel').click();

    const meta = (await api('/api/_meta/app')) as unknown as { version: number; app: { entities: Array<{ 'x-name': string; properties: Record<string, { 'x-id': string }> }> } };
    expect(meta.version).toBe(2);
    const field = meta.app.entities.find((e) => e['x-name'] === 'customer')!.properties.region_code;
    expect(field['x-id']).toMatch(/^fld_customer_region_code_[a-z0-9]+$/);
  });

  it('uses the published field in the app after a reload', async () => {
    await page.goto(server.url + '/#/customers');
    await page.reload();
    await page.getByTestId('record-row').filter({ hasText: 'Hangzhou Tea Trading' }).click();
    const region = page.locator('#root_region_code');
    await region.waitFor();
    expect(await page.locator('#root_name').inputValue()).toBe('Hangzhou Tea Trading');
    await region.fill('EAST-01');
    await page.getByTestId('record-save').click();
    await page.getByTestId('record-list-customer').waitFor();
    const record = await api(`/api/customers/${customerId}`);
    expect(record.data).toMatchObject({ name: 'Hangzhou Tea Trading', region_code: 'EAST-01', email: 'sales@hz-tea.cn' });
  });

  it('switches the UI to Chinese and keeps it after a reload', async () => {
    await page.getByTestId('language-switch').selectOption('zh');
    expect(await page.getByTestId('record-new').textContent()).toContain('新建');
    expect(await page.getByTestId('nav-customer').textContent()).toBe('客户');
    expect(await page.getByTestId('column-region_code').count()).toBeLessThanOrEqual(1);
    await screenshot(page, 'app-customer-list-zh');
    await page.reload();
    await page.getByTestId('record-new').waitFor();
    expect(await page.getByTestId('record-new').textContent()).toContain('新建');
    expect(await page.getByTestId('app-refresh').textContent()).toBe('刷新');
  });

  it('signs out: the login screen is back and the old session cookie is dead', async () => {
    const cookie = (await page.context().cookies()).find((c) => c.name === 'tessera_session');
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax' });
    await page.getByTestId('logout').click();
    await page.getByTestId('login-form').waitFor();
    expect(await page.getByTestId('login-submit').textContent()).toBe('登录');
    const replay = await fetch(`${server.url}/api/auth/me`, { headers: { cookie: `tessera_session=${cookie!.value}` } });
    expect(replay.status).toBe(401);
    // The designer sends a signed-out user to the login screen and back.
    await page.goto(server.url + '/designer/');
    await page.getByTestId('login-form').waitFor();
    expect(page.url()).toContain('next=%2Fdesigner%2F');
  });
});
