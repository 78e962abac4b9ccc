/**
 * Issue 7 in a real browser on the example CRM: the quote discount approval from the
 * manager's inbox (badge, approve with a comment, the record moves, the history keeps the
 * comment), the notification bell, a bulk "set field" on two customers, and a saved view that
 * survives signing out and in again in a fresh browser (it lives on the server now).
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { TestRuntime } from '@tessera/runtime';
import { hasChromium, launchChromium, screenshot, signIn, startExampleApp } from './browser-harness';

if (!hasChromium) console.warn('browser tests skipped: /usr/bin/chromium not found');
const describeBrowser = hasChromium ? describe : describe.skip;

type Client = Awaited<ReturnType<TestRuntime['login']>>;

describeBrowser('approvals inbox, notifications, bulk actions and saved views in the browser', () => {
  let server: TestRuntime;
  let browser: Browser;
  let sales1: Client;
  let quoteId: string;
  const customers: Record<string, string> = {};

  const ok = async (client: Client, method: string, pathname: string, body?: unknown) => {
    const res = await client.call(method, pathname, body);
    if (res.status >= 300) throw new Error(`${method} ${pathname}: ${res.status} ${res.text}`);
    return res.body;
  };

  async function openAs(username: string, password: string): Promise<{ context: BrowserContext; page: Page }> {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'en-US' });
    const page = await context.newPage();
    page.on('pageerror', (error) => console.error('page error:', error.message));
    await signIn(page, server.url, username, password);
    return { context, page };
  }

  beforeAll(async () => {
    server = await startExampleApp();
    sales1 = await server.login('sales1', 'sales1-demo-123');
    for (const name of ['Inbox Alpha', 'Inbox Beta', 'Inbox Gamma']) {
      customers[name] = (await ok(sales1, 'POST', '/api/customers', { name, industry: 'it', level: 'C' })).data.id;
    }
    // A 15 % discount needs the sales manager (examples/crm/workflows/quote-discount.workflow.json).
    quoteId = (await ok(sales1, 'POST', '/api/quotes', { name: 'Inbox quote', customer: customers['Inbox Alpha'], discount: 15 })).data.id;
    const submitted = await ok(sales1, 'POST', `/api/quotes/${quoteId}/transitions/SUBMIT`, {});
    expect(submitted.data.status).toBe('pending_approval');
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('the manager sees the badge, approves from the inbox with a comment; the quote moves and keeps the comment', async () => {
    const { context, page } = await openAs('manager', 'manager-demo-123');
    await page.getByTestId('approvals-badge').filter({ hasText: '1' }).waitFor();
    expect(await page.getByTestId('approvals-badge').getAttribute('aria-label')).toBe('1 pending approvals');
    await page.getByTestId('nav-approvals').click();
    const row = page.getByTestId('inbox-row').filter({ hasText: 'Inbox quote' });
    await row.waitFor();
    await row.getByText('Sales manager').waitFor(); // the step's label from the workflow metadata
    await row.getByText('Li Wei (sales rep, East)').waitFor(); // the submitter's name from the user directory

    // Reject without a comment is refused at the field, before any request.
    await row.getByTestId('inbox-reject').click();
    await page.getByTestId('reject-target').waitFor();
    expect(await page.getByTestId('reject-target').locator('option').allTextContents()).toEqual(['End the approval (rejected)', 'Return to the submitter']);
    await page.getByTestId('approval-submit').click();
    await page.getByTestId('approval-problem').filter({ hasText: 'A comment is required to reject.' }).waitFor();
    await page.getByTestId('approval-cancel').click();

    await row.getByTestId('inbox-approve').click();
    await page.getByTestId('approval-comment').fill('Discount fine for a key account');
    await screenshot(page, 'app-approvals-inbox');
    await page.getByTestId('approval-submit').click();
    await page.getByTestId('approvals-empty').waitFor();
    await page.getByTestId('approvals-notice').filter({ hasText: 'Approve: Inbox quote' }).waitFor();
    await page.getByTestId('approvals-badge').waitFor({ state: 'detached' });

    expect((await ok(sales1, 'GET', `/api/quotes/${quoteId}`)).data.status).toBe('approved');
    await page.goto(`${server.url}/#/quotes/${quoteId}`);
    await page.getByTestId('approval-history').waitFor();
    await page.getByTestId('approval-comment-text').filter({ hasText: 'Discount fine for a key account' }).waitFor();
    expect(await page.getByTestId('approval-status').textContent()).toBe('Approved');
    await context.close();
  });

  it('the bell shows unread notifications (a reminder among them) and marks them read', async () => {
    // The approval above told sales1 (its submitter) the decision, through the outbox: wait for
    // that notice and mark it read, so the bell counts only the two notifications below.
    for (let i = 0; i < 100 && (await ok(sales1, 'GET', '/api/notifications?unread=true')).unread === 0; i++) await new Promise((r) => setTimeout(r, 200));
    const notices = (await ok(sales1, 'GET', '/api/notifications?unread=true')).data.map((n: { subject: string }) => n.subject);
    expect(notices.some((subject: string) => subject.startsWith('Approved:') && subject.includes('Inbox quote'))).toBe(true);
    await ok(sales1, 'POST', '/api/notifications/read-all');
    // A date-field reminder arrives as an outbox row with `reminder`, delivered in-app.
    const knex = server.runtime.knex;
    const [outbox] = await knex('tessera.outbox').insert({ kind: 'notify', sent_at: knex.fn.now(), payload: JSON.stringify({ to: [sales1.user.id], body: 'Follow up', entity: 'quote', recordId: quoteId, reminder: { field: 'created_at', dueAt: new Date().toISOString() } }) }).returning('id');
    await knex('tessera.notifications').insert([
      { user_id: sales1.user.id, subject: 'Reminder: follow up Inbox quote', body: 'Call Inbox Alpha about the quote', entity: 'quote', record_id: quoteId, outbox_id: outbox.id },
      { user_id: sales1.user.id, subject: 'Quote approved', body: 'Inbox quote was approved', entity: 'quote', record_id: quoteId, created_at: new Date(Date.now() - 3 * 3600_000) },
    ]);
    const { context, page } = await openAs('sales1', 'sales1-demo-123');
    await page.getByTestId('notifications-unread').filter({ hasText: '2' }).waitFor();
    await page.getByTestId('notifications-bell').click();
    await page.getByTestId('notification-item').filter({ hasText: '3 hours ago' }).waitFor();
    await page.getByTestId('notifications-filter-reminders').click();
    await page.getByTestId('notification-item').filter({ hasText: 'Reminder: follow up' }).waitFor();
    expect(await page.getByTestId('notification-item').count()).toBe(1);
    await screenshot(page, 'app-notifications');
    await page.getByTestId('notification-mark-read').click();
    await page.getByTestId('notifications-unread').filter({ hasText: '1' }).waitFor();
    await page.getByTestId('notifications-filter-all').click();
    await page.getByTestId('notifications-read-all').click();
    await page.getByTestId('notifications-unread').waitFor({ state: 'detached' });
    expect((await ok(sales1, 'GET', '/api/notifications?unread=true')).unread).toBe(0);
    await page.keyboard.press('Escape');
    await page.getByTestId('notifications-panel').waitFor({ state: 'detached' });
    await context.close();
  });

  it('sets a field on two customers at once; a sales rep is offered no delete', async () => {
    const { context, page } = await openAs('sales1', 'sales1-demo-123');
    await page.getByTestId('nav-customer').click();
    await page.getByTestId('record-row').first().waitFor();
    for (const name of ['Inbox Alpha', 'Inbox Beta']) await page.getByTestId('record-row').filter({ hasText: name }).getByTestId('select-row').check();
    await page.getByTestId('bulk-count').filter({ hasText: '2 selected' }).waitFor();
    expect(await page.getByTestId('bulk-delete').count()).toBe(0); // sales reps may not delete customers
    await page.getByTestId('bulk-set-field').click();
    expect(await page.getByTestId('bulk-field').locator('option').allTextContents()).not.toContain('Credit rating'); // read-only for reps
    await page.getByTestId('bulk-field').selectOption('level');
    await page.getByTestId('bulk-value').selectOption('A');
    await page.getByTestId('bulk-apply').click();
    await page.getByTestId('bulk-bar').waitFor({ state: 'detached' });
    const levels = await Promise.all(Object.entries(customers).map(async ([name, id]) => [name, (await ok(sales1, 'GET', `/api/customers/${id}`)).data.level]));
    expect(Object.fromEntries(levels)).toEqual({ 'Inbox Alpha': 'A', 'Inbox Beta': 'A', 'Inbox Gamma': 'C' });
    await context.close();
  });

  it('keeps a saved view on the server: it is there after signing out and in again in a fresh browser', async () => {
    const first = await openAs('sales1', 'sales1-demo-123');
    await first.page.getByTestId('nav-customer').click();
    await first.page.getByTestId('filter-add').click();
    await first.page.getByTestId('filter-field').selectOption('level');
    await first.page.getByTestId('filter-op').selectOption('eq');
    await first.page.getByTestId('filter-value').selectOption('A');
    await first.page.getByTestId('list-range').filter({ hasText: 'of 2' }).waitFor();
    await first.page.getByTestId('view-save').click();
    await first.page.getByTestId('view-name').fill('Key accounts');
    await first.page.getByTestId('view-save-confirm').click();
    await first.page.getByTestId('saved-views').locator('option', { hasText: 'Key accounts' }).waitFor({ state: 'attached' });
    await first.page.getByTestId('logout').click();
    await first.page.getByTestId('login-username').waitFor();
    await first.context.close();

    const again = await openAs('sales1', 'sales1-demo-123'); // new context: no localStorage or sessionStorage
    await again.page.getByTestId('nav-customer').click();
    await again.page.getByTestId('list-range').filter({ hasText: 'of 3' }).waitFor();
    const option = again.page.getByTestId('saved-views').locator('option', { hasText: 'Key accounts' });
    await option.waitFor({ state: 'attached' });
    await again.page.getByTestId('saved-views').selectOption({ label: 'Key accounts' });
    await again.page.getByTestId('list-range').filter({ hasText: 'of 2' }).waitFor();
    expect(await again.page.getByTestId('filter-field').inputValue()).toBe('level');
    const stored = await ok(sales1, 'GET', '/api/_views?entity=customer');
    expect(stored.data).toEqual([expect.objectContaining({ name: 'Key accounts', mine: true, query: { filter: { and: [{ level: { eq: 'A' } }] } } })]);
    await again.context.close();
  });
});
