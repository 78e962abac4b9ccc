/**
 * Issue 5's admin screens in a real browser on the example CRM: an admin creates a user in a
 * department (a password the API refuses shows at the field), the new user signs in and sees
 * only their department's customers; the admin moves a department and the scope follows at
 * once; a non-admin has no admin entry and the admin API answers them 403; the admin sets a
 * user's manager and deletes a team (after a confirm).
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { TestRuntime } from '@tessera/runtime';
import { hasChromium, launchChromium, screenshot, signIn, startExampleApp } from './browser-harness';

if (!hasChromium) console.warn('browser tests skipped: /usr/bin/chromium not found');
const describeBrowser = hasChromium ? describe : describe.skip;

describeBrowser('admin screens in the browser', () => {
  let server: TestRuntime;
  let browser: Browser;
  let admin: { context: BrowserContext; page: Page };
  const dept: Record<string, string> = {};

  async function openAs(username: string, password: string): Promise<{ context: BrowserContext; page: Page }> {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'en-US' });
    const page = await context.newPage();
    page.on('pageerror', (error) => console.error('page error:', error.message));
    await signIn(page, server.url, username, password);
    return { context, page };
  }

  /** The customer names the list shows (reloaded, so it is the server's current answer). */
  async function customerNames(page: Page): Promise<string[]> {
    await page.goto(server.url + '/#/customers');
    await page.reload();
    const list = page.getByTestId('record-list-customer');
    await list.waitFor();
    await page.locator('[data-testid="record-row"], [data-testid="list-empty"]').first().waitFor();
    return (await list.getByTestId('record-row').allInnerTexts()).map((text) => text.trim());
  }

  beforeAll(async () => {
    server = await startExampleApp();
    for (const [who, name] of [['sales1', 'Scope East corp'], ['sales2', 'Scope West corp']]) {
      const client = await server.login(who, `${who}-demo-123`);
      expect((await client.call('POST', '/api/customers', { name })).status).toBe(201);
    }
    for (const d of (await server.admin.call('GET', '/api/admin/departments')).body.data) dept[d.name] = d.id;
    browser = await launchChromium();
    admin = await openAs('admin', 'admin-demo-123');
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('an admin creates a user in a department; a refused password shows at the field', async () => {
    const { page } = admin;
    await page.getByTestId('nav-admin').click();
    await page.getByTestId('admin-users').waitFor();
    await page.getByRole('button', { name: 'New user' }).click();
    const form = page.getByRole('form', { name: 'New user' });
    await form.getByLabel('Username').fill('eastlead');
    await form.getByLabel('Display name').fill('East lead');
    await form.getByLabel('Password').fill('short');
    await form.getByLabel('Department').selectOption(dept['Sales East']);
    await form.getByLabel('Sales manager').check();
    // The browser's own `required` passes; the API's length rule answers, at the field.
    await form.getByRole('button', { name: 'Create user' }).click();
    const passwordError = form.getByRole('alert').filter({ hasText: '10 characters' });
    await passwordError.waitFor();
    expect(await form.getByLabel('Password').getAttribute('aria-invalid')).toBe('true');
    await form.getByLabel('Password').fill('eastlead-password-1');
    await form.getByRole('button', { name: 'Create user' }).click();
    const row = page.getByTestId('admin-user-eastlead');
    await row.waitFor();
    expect(await row.innerText()).toMatch(/East lead[\s\S]*Sales manager[\s\S]*Sales East[\s\S]*Active/);
    await screenshot(page, 'admin-users');
  });

  it('the new user signs in and sees only their department; no admin entry, and the admin API says 403', async () => {
    const { context, page } = await openAs('eastlead', 'eastlead-password-1');
    const names = await customerNames(page);
    expect(names.some((n) => n.includes('Scope East corp'))).toBe(true);
    expect(names.some((n) => n.includes('Scope West corp'))).toBe(false);
    expect(await page.getByTestId('nav-admin').count()).toBe(0);
    const status = await page.evaluate(async () => (await fetch('/api/admin/users', { credentials: 'same-origin' })).status);
    expect(status).toBe(403);
    await context.close();
  });

  it('an admin moves a department; the tree and the scope follow', async () => {
    const { page } = admin;
    await page.goto(server.url + '/#/_admin');
    await page.getByRole('tab', { name: 'Departments' }).click();
    const west = page.getByTestId('admin-department-Sales West');
    expect(await west.getAttribute('data-depth')).toBe('2'); // Headquarters › Sales › Sales West
    await page.getByRole('button', { name: 'Rename or move Sales West' }).click();
    const form = page.getByRole('form', { name: 'Rename or move Sales West' });
    // Its own subtree is never offered as a parent.
    expect(await form.getByLabel('Parent department').locator('option', { hasText: 'Sales West' }).count()).toBe(0);
    await form.getByLabel('Parent department').selectOption(dept['Sales East']);
    await form.getByRole('button', { name: 'Save' }).click();
    await page.getByRole('status').filter({ hasText: 'Department Sales West saved.' }).waitFor();
    // Headquarters › Sales › Sales East › Sales West (waited for: the tree re-renders from the reloaded list).
    await page.locator('[data-testid="admin-department-Sales West"][data-depth="3"]').waitFor({ timeout: 10_000 });
    await screenshot(page, 'admin-departments');

    // Sales West now lies below Sales East: its rep's customer is in the new user's scope.
    const lead = await openAs('eastlead', 'eastlead-password-1');
    expect((await customerNames(lead.page)).some((n) => n.includes('Scope West corp'))).toBe(true);
    await lead.context.close();
  });

  it('a department that still has users cannot be deleted; the API says why', async () => {
    const { page } = admin;
    page.once('dialog', (dialog) => void dialog.accept());
    await page.getByRole('button', { name: 'Delete Sales East' }).click();
    await page.getByTestId('error-banner').filter({ hasText: 'move them first' }).waitFor();
    expect(await page.getByTestId('admin-department-Sales East').count()).toBe(1);
  });

  it('an admin sets a user’s manager in the form and deletes a team after a confirm', async () => {
    const { page } = admin;
    const users: { id: string; username: string }[] = (await server.admin.call('GET', '/api/admin/users')).body.data;
    const idOf = (username: string) => users.find((u) => u.username === username)!.id;
    await page.goto(server.url + '/#/_admin');
    await page.getByRole('tab', { name: 'Users' }).click();
    await page.getByRole('button', { name: 'Edit eastlead' }).click();
    const form = page.getByRole('form', { name: 'Edit eastlead' });
    const manager = form.getByLabel('Manager', { exact: true });
    // Never the user themself.
    expect(await manager.locator(`option[value="${idOf('eastlead')}"]`).count()).toBe(0);
    await manager.selectOption(idOf('manager'));
    await form.getByRole('button', { name: 'Save' }).click();
    await page.getByRole('status').filter({ hasText: 'User eastlead saved.' }).waitFor();
    expect(await page.getByTestId('admin-user-eastlead').innerText()).toContain('Chen Jing (sales manager)');
    expect((await server.admin.call('GET', `/api/admin/users/${idOf('eastlead')}`)).body.data.managerId).toBe(idOf('manager'));

    await page.getByRole('tab', { name: 'Teams' }).click();
    const west = page.getByTestId('admin-team-West team');
    await west.waitFor();
    // Dismissing the confirm keeps the team; accepting it deletes the team.
    page.once('dialog', (dialog) => void dialog.dismiss());
    await page.getByRole('button', { name: 'Delete the team West team' }).click();
    expect(await west.count()).toBe(1);
    page.once('dialog', (dialog) => { expect(dialog.message()).toContain('West team'); void dialog.accept(); });
    await page.getByRole('button', { name: 'Delete the team West team' }).click();
    await page.getByRole('status').filter({ hasText: 'Team West team deleted.' }).waitFor();
    await west.waitFor({ state: 'detached' });
    expect(await page.getByTestId('admin-team-East team').count()).toBe(1);
    const teams: { name: string }[] = (await server.admin.call('GET', '/api/admin/teams')).body.data;
    expect(teams.map((t) => t.name)).toEqual(['East team']);
    await screenshot(page, 'admin-teams');
  });
});
