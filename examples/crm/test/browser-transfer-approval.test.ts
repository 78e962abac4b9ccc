/**
 * Customer transfer by approval in a real browser, each step by the person who would take it:
 * Li Wei (sales1) opens his customer, files a transfer request from the customer's related list,
 * picks Zhang Min (sales2) as the new owner in the user picker and submits; the request is then
 * read-only for him. His manager finds it in the inbox with the customer, new owner and reason
 * by name and approves; Zhang Min now has the customer with its contact and open deal, Li Wei
 * only his lost deal. A request whose new owner has left is refused at the approval, the inbox
 * naming the field (in English and in Chinese), and nothing moves. The API only seeds what is
 * not the point (the customers, the leaver) and double-checks the server afterwards.
 */
import type { Browser } from 'playwright-core';
import type { SessionClient, TestRuntime } from '@tessera/runtime';
import { hasChromium, launchChromium, screenshot, startExampleApp } from './browser-harness';
import { fieldShows, names, ok, openAs, openFromList, password, searchList, stateIs } from './week-steps';

if (!hasChromium) console.warn('browser tests skipped: /usr/bin/chromium not found');
const describeBrowser = hasChromium ? describe : describe.skip;

const REASON = 'Zhang Min covers the West region from January';
const LEAVER_REASON = 'Wang Fang takes over the key accounts';

describeBrowser('customer transfer by approval in the browser', () => {
  let server: TestRuntime;
  let browser: Browser;
  const as: Record<string, SessionClient> = {};
  const users: Record<string, string> = {};
  const ids: Record<string, string> = {};
  let requestNumber = '';

  const ownerOf = async (plural: string, id: string) => (await ok(server.admin, 'GET', `/api/${plural}/${id}`)).owner as string;

  beforeAll(async () => {
    server = await startExampleApp();
    for (const u of ['sales1', 'sales2', 'manager']) as[u] = await server.login(u, password(u));
    for (const u of (await server.admin.call('GET', '/api/admin/users')).body.data as Array<{ id: string; username: string }>) users[u.username] = u.id;
    // Setup: Li Wei's customer with a contact, an open and a lost deal.
    ids.orchid = (await ok(as.sales1, 'POST', '/api/customers', { name: 'Orchid Pumps', industry: 'manufacturing', level: 'B', region: 'east' })).id;
    ids.contact = (await ok(as.sales1, 'POST', '/api/contacts', { name: 'Orchid Buyer', customer: ids.orchid })).id;
    ids.open = (await ok(as.sales1, 'POST', '/api/opportunities', { name: 'Orchid open deal', customer: ids.orchid, product_line: 'automation' })).id;
    ids.lost = (await ok(as.sales1, 'POST', '/api/opportunities', { name: 'Orchid lost deal', customer: ids.orchid, product_line: 'services' })).id;
    await ok(as.sales1, 'POST', `/api/opportunities/${ids.lost}/transitions/LOSE`, { reason: 'Budget cut' });
    // Setup for the refusal: a request, submitted, for a rep who leaves before the decision.
    ids.lotus = (await ok(as.sales1, 'POST', '/api/customers', { name: 'Lotus Valves', industry: 'manufacturing', level: 'C', region: 'east' })).id;
    ids.leaver = (await ok(server.admin, 'POST', '/api/admin/users', { username: 'leaver', password: password('leaver'), displayName: 'Wang Fang', roles: ['sales_rep'] })).id;
    ids.leaverRequest = (await ok(as.sales1, 'POST', '/api/transfer_requests', { customer: ids.lotus, new_owner: ids.leaver, reason: LEAVER_REASON })).id;
    await ok(as.sales1, 'POST', `/api/transfer_requests/${ids.leaverRequest}/transitions/SUBMIT`, {});
    await ok(server.admin, 'PATCH', `/api/admin/users/${ids.leaver}`, { isActive: false });
    browser = await launchChromium();
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('Li Wei files a transfer request from his customer, picks the new owner and submits; it is locked for him', async () => {
    const { context, page } = await openAs(browser, server, 'sales1');
    await openFromList(page, 'customer', 'Orchid Pumps');
    const related = page.getByTestId('related-transfer_requests');
    await related.filter({ hasText: 'Transfer requests (0)' }).waitFor();
    await related.getByTestId('related-new-transfer_requests').click();
    await page.getByTestId('record-form').waitFor();
    // The customer is filled in from the page the request was started on.
    await fieldShows(page, 'customer', 'Orchid Pumps');
    await page.getByTestId('user-widget-root_new_owner-search').fill('Zhang');
    await page.getByTestId('user-widget-root_new_owner').locator('option', { hasText: 'Zhang Min' }).waitFor({ state: 'attached' });
    await page.getByTestId('user-widget-root_new_owner').selectOption({ label: 'Zhang Min (sales rep, West) (sales2)' });
    await page.locator('#root_reason').fill(REASON);
    await page.getByTestId('record-save').click();

    // Back on the customer, the request is in its related list, as a draft; he opens it and submits.
    await page.waitForURL(new RegExp(`#/customers/${ids.orchid}$`));
    const row = related.getByTestId('related-row').filter({ hasText: 'Draft' });
    await row.waitFor();
    requestNumber = (await row.locator('a').first().innerText()).trim();
    expect(requestNumber).toMatch(/^TR-\d{4}-\d{5}$/);
    await row.locator('a').first().click();
    await page.getByTestId('record-form').waitFor();
    await stateIs(page, 'Draft');
    await page.getByTestId('transition-SUBMIT').click();
    await stateIs(page, 'Pending approval');
    await page.getByTestId('record-locked').filter({ hasText: 'Locked while it is “Pending approval”' }).waitFor();
    await page.getByTestId('record-readonly').waitFor();
    expect(await page.getByTestId('record-save').count()).toBe(0);
    // Titled by its number under its entity, not offered as an edit.
    expect(await page.getByTestId('record-title').innerText()).toBe(requestNumber);
    expect(await page.getByTestId('record-entity').innerText()).toMatch(/transfer request/i);
    await screenshot(page, 'transfer-request-locked');
    await context.close();

    // Nothing has moved yet; the server refuses the rep's own edits, as the page said.
    const [request] = (await ok(as.sales1, 'GET', `/api/transfer_requests?filter[customer]=${ids.orchid}`)) as unknown as Array<{ id: string; new_owner: string; reason: string; status: string }>;
    expect(request).toMatchObject({ new_owner: users.sales2, reason: REASON, status: 'pending_approval' });
    ids.request = request.id;
    expect((await as.sales1.call('PATCH', `/api/transfer_requests/${ids.request}`, { reason: 'Changed my mind' })).status).toBe(409);
    expect(await ownerOf('customers', ids.orchid)).toBe(users.sales1);
  }, 180_000);

  it('the manager finds it in the inbox with the customer, new owner and reason by name, and approves', async () => {
    const { context, page } = await openAs(browser, server, 'manager');
    await page.getByTestId('nav-approvals').click();
    const row = page.getByTestId('inbox-row').filter({ hasText: requestNumber });
    await row.waitFor();
    expect(await row.getByTestId('inbox-summary-customer').innerText()).toMatch(/Customer\s+Orchid Pumps/);
    expect(await row.getByTestId('inbox-summary-new_owner').innerText()).toMatch(/New owner\s+Zhang Min \(sales rep, West\)/);
    expect(await row.getByTestId('inbox-summary-reason').innerText()).toMatch(new RegExp(`Reason\\s+${REASON}`));
    await row.getByText('Li Wei (sales rep, East)').waitFor();
    await row.getByTestId('inbox-approve').click();
    await page.getByTestId('approval-comment').fill('Agreed, hand it over');
    await screenshot(page, 'transfer-request-inbox');
    await page.getByTestId('approval-submit').click();
    await page.getByTestId('approvals-notice').filter({ hasText: `Approve: ${requestNumber}` }).waitFor();
    await page.getByTestId('inbox-row').filter({ hasText: requestNumber }).waitFor({ state: 'detached' });
    await context.close();
    expect((await ok(as.sales1, 'GET', `/api/transfer_requests/${ids.request}`)).status).toBe('approved');
  }, 180_000);

  it('Zhang Min now has the customer, its contact and open deal; Li Wei keeps only the lost deal', async () => {
    const west = await openAs(browser, server, 'sales2');
    await openFromList(west.page, 'customer', 'Orchid Pumps');
    await west.page.getByTestId('record-owner-name').filter({ hasText: 'Zhang Min (sales rep, West)' }).waitFor();
    await west.page.getByTestId('related-contacts').getByTestId('related-row').filter({ hasText: 'Orchid Buyer' }).waitFor();
    const deals = west.page.getByTestId('related-opportunities');
    await deals.getByTestId('related-row').filter({ hasText: 'Orchid open deal' }).waitFor();
    expect(await deals.getByTestId('related-row').filter({ hasText: 'Orchid lost deal' }).count()).toBe(0);
    await searchList(west.page, 'opportunity', 'Orchid');
    await west.page.getByTestId('list-range').filter({ hasText: 'of 1' }).waitFor();
    expect(await west.page.getByTestId('record-row').allInnerTexts()).toEqual([expect.stringContaining('Orchid open deal')]);
    await searchList(west.page, 'contact', 'Orchid');
    await west.page.getByTestId('list-range').filter({ hasText: 'of 1' }).waitFor();
    expect(await west.page.getByTestId('record-row').allInnerTexts()).toEqual([expect.stringContaining('Orchid Buyer')]);
    await screenshot(west.page, 'transfer-request-new-owner');
    await west.context.close();

    const east = await openAs(browser, server, 'sales1');
    await searchList(east.page, 'customer', 'Orchid');
    await east.page.getByTestId('list-empty').waitFor();
    await searchList(east.page, 'contact', 'Orchid');
    await east.page.getByTestId('list-empty').waitFor();
    await searchList(east.page, 'opportunity', 'Orchid');
    await east.page.getByTestId('list-range').filter({ hasText: 'of 1' }).waitFor();
    expect(await east.page.getByTestId('record-row').allInnerTexts()).toEqual([expect.stringContaining('Orchid lost deal')]);
    await east.context.close();

    expect(await names(as.sales2, 'customers')).toContain('Orchid Pumps');
    expect([await ownerOf('contacts', ids.contact), await ownerOf('opportunities', ids.open), await ownerOf('opportunities', ids.lost)]).toEqual([users.sales2, users.sales2, users.sales1]);
  }, 180_000);

  it('approving a transfer to someone who has left is refused, naming the field in the approver\'s language; nothing moves', async () => {
    const leaverNumber = (await ok(as.sales1, 'GET', `/api/transfer_requests/${ids.leaverRequest}`)).number as string;
    const { context, page } = await openAs(browser, server, 'manager');
    await page.getByTestId('nav-approvals').click();
    const row = page.getByTestId('inbox-row').filter({ hasText: leaverNumber });
    expect(await row.getByTestId('inbox-summary-new_owner').innerText()).toMatch(/New owner\s+Wang Fang/);
    await row.getByTestId('inbox-approve').click();
    await page.getByTestId('approval-submit').click();
    await page.getByTestId('error-banner').filter({ hasText: `${leaverNumber}: New owner: must be an active user` }).waitFor();
    // The task is back in the list, still to decide.
    await page.getByTestId('inbox-row').filter({ hasText: leaverNumber }).waitFor();
    await screenshot(page, 'transfer-request-refused');
    await context.close();

    // The same refusal for a manager who reads the app in Chinese.
    const zhContext = await browser.newContext({ viewport: { width: 1360, height: 900 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
    const zh = await zhContext.newPage();
    zh.on('pageerror', (error) => console.error('page error (manager, zh):', error.message));
    await zh.goto(server.url + '/');
    await zh.getByTestId('login-username').fill('manager');
    await zh.getByTestId('login-password').fill(password('manager'));
    await zh.getByTestId('login-submit').click();
    await zh.getByTestId('nav-approvals').click();
    const zhRow = zh.getByTestId('inbox-row').filter({ hasText: leaverNumber });
    await zhRow.getByTestId('inbox-approve').click();
    await zh.getByTestId('approval-submit').click();
    await zh.getByTestId('error-banner').filter({ hasText: `${leaverNumber}: 新负责人：必须是有效（未停用）的用户` }).waitFor();
    await zhContext.close();

    expect((await ok(as.sales1, 'GET', `/api/transfer_requests/${ids.leaverRequest}`)).status).toBe('pending_approval');
    expect(await ownerOf('customers', ids.lotus)).toBe(users.sales1);
    expect(await names(as.sales1, 'customers')).toContain('Lotus Valves');
    expect(await names(as.sales2, 'customers')).not.toContain('Lotus Valves');
  }, 180_000);
});
