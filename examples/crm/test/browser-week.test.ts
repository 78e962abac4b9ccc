/**
 * Issue 19's proof: a week in the life of the example CRM's sales team, in a real browser, with
 * the runtime's clock injected so the nightly pool run (02:00 Asia/Shanghai) happens on the
 * simulated nights. Each day's steps are done by the person who would do them, as that person
 * sees them on screen; the API only seeds what is not the point (customers gone quiet a month
 * ago, the contract and the target) and double-checks the server afterwards.
 *
 * Monday 30 November 2026 to Sunday 6 December. The ticket SLA is a real delayed job (not read
 * from the clock), so it is shortened to seconds in the loaded definition and waited out for real.
 * The `it` blocks are one story and run in order.
 */
import type { Browser } from 'playwright-core';
import { waitFor, type SessionClient, type TestRuntime } from '@tessera/runtime';
import { hasChromium, launchChromium, screenshot, startExampleApp } from './browser-harness';
import { pickRelation } from './relation-picker';
import { agedCustomer, customerRows, exampleWithShortSla, fieldShows, names, ok, openAs, openFromList, password, searchList, stateIs, WeekClock } from './week-steps';

if (!hasChromium) console.warn('browser tests skipped: /usr/bin/chromium not found');
const describeBrowser = hasChromium ? describe : describe.skip;

const SLA_MS = 8_000;
const POOL_JOB = 'pool:return-stale';
const FILING_REFUSED = 'An open opportunity for this customer and product line is already filed by a colleague. Ask your sales manager before working on it.';

describeBrowser('a week in the life of the sales team (issue 19)', () => {
  // Monday 09:00 in Shanghai.
  const clock = new WeekClock('2026-11-30T01:00:00Z');
  let server: TestRuntime;
  let browser: Browser;
  const as: Record<string, SessionClient> = {};
  const users: Record<string, string> = {};
  const ids: Record<string, string> = {};

  /** The nightly pool run at `iso` (just after 02:00 in Shanghai), as the job queue would start it. */
  async function nightlyPoolRun(iso: string): Promise<void> {
    clock.set(iso);
    // pg-boss may start the same slot on its own only if the real clock passes 02:00 Shanghai meanwhile.
    expect(['ran', 'not-due']).toContain(await server.runtime.jobs.run(POOL_JOB));
    await server.runtime.jobs.idle();
    const [job] = (await ok(server.admin, 'GET', '/api/_meta/jobs') as unknown as Array<{ name: string; lastDueAt: string; lastStatus: string }>).filter((j) => j.name === POOL_JOB);
    expect(job).toMatchObject({ lastDueAt: new Date(new Date(iso).getTime() - (new Date(iso).getTime() % 3_600_000)).toISOString(), lastStatus: 'ok' });
  }

  beforeAll(async () => {
    server = await startExampleApp({ app: await exampleWithShortSla(SLA_MS), now: clock.now });
    for (const u of ['sales1', 'sales2', 'manager', 'service']) as[u] = await server.login(u, password(u));
    for (const u of (await server.admin.call('GET', '/api/admin/users')).body.data as Array<{ id: string; username: string }>) users[u.username] = u.id;
    // Setup: Zhang Min's (sales2) customers since August, followed up last on these days.
    // Tuesday's 02:00 run takes back what has had no follow-up since 1 November 02:00.
    const since = '2026-08-03T02:00:00Z';
    ids.harbour = await agedCustomer(server, as.sales2, 'Harbour Foods', since, ['2026-09-15T02:00:00Z', '2026-10-30T02:00:00Z']);
    ids.silent = await agedCustomer(server, as.sales2, 'Silent Peak Mining', since, []);
    ids.lotus = await agedCustomer(server, as.sales2, 'Lotus Textiles', since, ['2026-11-20T02:00:00Z']);
    ids.edge = await agedCustomer(server, as.sales2, 'Edge Ceramics', since, ['2026-11-03T02:00:00Z']);
    // Setup: Li Wei's (sales1) customer with a contact, an open and a lost deal (transferred on Thursday).
    ids.gamma = (await ok(as.sales1, 'POST', '/api/customers', { name: 'Gamma Pumps', industry: 'manufacturing', level: 'B', region: 'east' })).id;
    await ok(as.sales1, 'POST', '/api/contacts', { name: 'Gamma Buyer', customer: ids.gamma });
    await ok(as.sales1, 'POST', '/api/opportunities', { name: 'Gamma open deal', customer: ids.gamma, product_line: 'automation' });
    const lost = (await ok(as.sales1, 'POST', '/api/opportunities', { name: 'Gamma lost deal', customer: ids.gamma, product_line: 'services' })).id;
    await ok(as.sales1, 'POST', `/api/opportunities/${lost}/transitions/LOSE`, { reason: 'Budget cut' });
    // Setup: Li Wei's contract with its first instalment (plans are the admin's to create), and his December target.
    ids.orchid = (await ok(as.sales1, 'POST', '/api/customers', { name: 'Orchid Valves', industry: 'manufacturing', level: 'A', region: 'east' })).id;
    const contract = (await ok(as.sales1, 'POST', '/api/contracts', { name: 'Orchid Valves 2026', customer: ids.orchid, amount: 100_000 })).id;
    ids.plan = (await ok(server.admin, 'POST', '/api/payment_plans', { name: 'Orchid Valves #1', contract, customer: ids.orchid, due_date: '2026-12-31', amount: 60_000 })).id;
    await ok(server.admin, 'POST', `/api/payment_plans/${ids.plan}/transfer`, { owner: users.sales1 });
    ids.target = (await ok(as.manager, 'POST', '/api/sales_targets', { name: 'Li Wei 2026-12', assignee: users.sales1, year: 2026, month: 12, amount: 80_000 })).id;
    browser = await launchChromium();
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('Monday: Zhang Min has her four customers and the public pool is empty', async () => {
    const west = await openAs(browser, server, 'sales2');
    const rows = await customerRows(west.page, 4, ['Harbour Foods', 'Silent Peak Mining', 'Lotus Textiles', 'Edge Ceramics']);
    for (const row of Object.values(rows)) expect(row).toContain('Zhang Min');
    await west.context.close();
    const east = await openAs(browser, server, 'sales1');
    await east.page.getByTestId('nav-customer').click();
    await east.page.getByTestId('pool-open').click();
    await east.page.getByTestId('pool-empty').waitFor();
    await east.context.close();
  }, 180_000);

  it('Tuesday: the night\'s pool run returns only the customers without a follow-up for 30 days; Li Wei claims one', async () => {
    await nightlyPoolRun('2026-11-30T18:05:00Z'); // Tuesday 02:05 in Shanghai
    clock.set('2026-12-01T01:30:00Z');
    const { context, page } = await openAs(browser, server, 'sales1');
    await page.getByTestId('nav-customer').click();
    await page.getByTestId('pool-open').click();
    await page.getByTestId('pool-page').filter({ hasText: 'it comes back here after 30 days without a follow-up' }).filter({ hasText: 'You may claim 20 in 30 days.' }).waitFor();
    await page.getByTestId(`pool-row-${ids.harbour}`).filter({ hasText: 'Harbour Foods' }).waitFor();
    await page.getByTestId(`pool-row-${ids.silent}`).filter({ hasText: 'Silent Peak Mining' }).waitFor();
    // Followed up on 20 and 3 November: still Zhang Min's.
    expect(await page.getByTestId('pool-table').locator('tbody tr').allInnerTexts()).toHaveLength(2);
    await screenshot(page, 'week-tuesday-pool');
    await page.getByTestId(`pool-claim-${ids.harbour}`).click();
    await page.waitForURL(new RegExp(`#/customers/${ids.harbour}$`));
    await page.getByTestId('record-owner-name').filter({ hasText: 'Li Wei' }).waitFor();
    // He files (报备) an instruments deal on his new customer right away.
    await page.getByTestId('related-opportunities').getByRole('link', { name: /New/ }).click();
    await page.locator('#root_name').fill('Harbour Foods — cold-chain sensors');
    await page.locator('#root_product_line').selectOption({ label: 'Instruments' });
    await page.getByTestId('record-save').click();
    await page.getByTestId('related-opportunities').getByTestId('related-row').filter({ hasText: 'Harbour Foods — cold-chain sensors' }).waitFor();
    await context.close();

    // Zhang Min keeps the two she followed up; Silent Peak Mining is in her list as the pool's
    // (no owner, for anyone to claim) and Harbour Foods is Li Wei's now, out of her sight.
    const west = await openAs(browser, server, 'sales2');
    const rows = await customerRows(west.page, 3, ['Lotus Textiles', 'Edge Ceramics', 'Silent Peak Mining', 'Harbour Foods']);
    expect(rows['Lotus Textiles']).toContain('Zhang Min');
    expect(rows['Edge Ceramics']).toContain('Zhang Min');
    expect(rows['Silent Peak Mining']).not.toContain('Zhang Min');
    expect(rows['Harbour Foods']).toBeUndefined();
    await screenshot(west.page, 'week-tuesday-west-list');
    await west.context.close();
    expect(await names(as.sales1, 'customers', { pool: true })).toEqual(['Silent Peak Mining']);
    expect(await names(as.sales2, 'customers', { owner: users.sales2 })).toEqual(['Edge Ceramics', 'Lotus Textiles']);
  }, 180_000);

  it('Wednesday: Zhang Min\'s filing of the same customer and line is refused with a clear message; Li Wei\'s quote is locked under approval and after it', async () => {
    clock.set('2026-12-02T02:00:00Z');
    // Setup: Li Wei shares Harbour Foods with Zhang Min, who serves its western branch.
    await ok(as.sales1, 'POST', `/api/customers/${ids.harbour}/shares`, { user: users.sales2, access: 'read' });
    const west = await openAs(browser, server, 'sales2');
    await west.page.getByTestId('nav-opportunity').click();
    await west.page.getByTestId('record-new').click();
    await west.page.locator('#root_name').fill('Harbour west branch sensors');
    await pickRelation(west.page, 'customer', 'Harbour Foods', 'Harbour');
    await west.page.locator('#root_product_line').selectOption({ label: 'Instruments' });
    await west.page.getByTestId('record-save').click();
    // Refused in the metadata's words: above the form and at the product line.
    await west.page.getByTestId('error-banner').filter({ hasText: FILING_REFUSED }).waitFor();
    expect(await west.page.locator('#root_product_line').locator('xpath=ancestor::*[contains(@class, "form-group")][1]').innerText()).toContain(FILING_REFUSED);
    // Nothing of the colleague's filing shows, and what she typed is kept.
    expect(await west.page.locator('body').innerText()).not.toContain('cold-chain');
    expect(await west.page.locator('#root_name').inputValue()).toBe('Harbour west branch sensors');
    await screenshot(west.page, 'week-wednesday-filing-refused');
    await west.context.close();
    expect(await names(as.sales2, 'opportunities')).toEqual([]);

    const { context, page } = await openAs(browser, server, 'sales1');
    await page.getByTestId('nav-quote').click();
    await page.getByTestId('record-new').click();
    await page.locator('#root_name').fill('Harbour Foods — sensors Q1');
    await pickRelation(page, 'customer', 'Harbour Foods', 'Harbour');
    await page.locator('#root_amount').fill('48000');
    await page.locator('#root_discount').fill('15');
    await page.getByTestId('record-save').click();
    await page.getByTestId('record-list-quote').waitFor();
    await openFromList(page, 'quote', 'sensors Q1');
    await page.getByTestId('transition-SUBMIT').click();
    await stateIs(page, 'Pending approval');
    await page.getByTestId('record-locked').filter({ hasText: 'Locked while it is “Pending approval”' }).waitFor();
    expect(await page.getByTestId('record-save').count()).toBe(0);
    ids.quote = (await ok(as.sales1, 'GET', '/api/quotes?filter[name]=' + encodeURIComponent('Harbour Foods — sensors Q1')) as unknown as Array<{ id: string }>)[0]!.id;

    const boss = await openAs(browser, server, 'manager');
    await boss.page.getByTestId('approvals-badge').filter({ hasText: '1' }).waitFor();
    await boss.page.getByTestId('nav-approvals').click();
    await boss.page.getByTestId('inbox-row').filter({ hasText: 'sensors Q1' }).getByTestId('inbox-approve').click();
    await boss.page.getByTestId('approval-comment').fill('Fine for a returning customer');
    await boss.page.getByTestId('approval-submit').click();
    await boss.page.getByTestId('approvals-notice').filter({ hasText: 'sensors Q1' }).waitFor();
    await boss.context.close();

    await page.reload();
    await stateIs(page, 'Approved');
    await page.getByTestId('record-locked').filter({ hasText: 'Locked while it is “Approved”' }).waitFor();
    expect(await page.getByTestId('record-save').count()).toBe(0);
    await screenshot(page, 'week-wednesday-quote-locked');
    await context.close();
    const edit = await as.sales1.call('PATCH', `/api/quotes/${ids.quote}`, { discount: 30 });
    expect([edit.status, edit.body.error?.code]).toEqual([409, 'record_locked']);
  }, 180_000);

  it('Wednesday evening: a visitor\'s web-form enquiry arrives as a lead assigned to the East rep by rule', async () => {
    clock.set('2026-12-02T12:00:00Z');
    const visitor = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'en-US' });
    const form = await visitor.newPage();
    await form.goto(`${server.url}/forms/contact-us`);
    await form.locator('#f-name').fill('Sun Hao');
    await form.locator('#f-company').fill('Jiaxing Cold Storage');
    await form.locator('#f-phone').fill('13800002222');
    await form.locator('#f-email').fill('sun.hao@jxcold.example');
    await form.locator('#f-region').selectOption('east');
    const [, a, b] = /(\d+) \+ (\d+)/.exec(await form.locator('label[for="f-captcha"]').innerText())!;
    await form.locator('#f-captcha').fill(String(Number(a) + Number(b)));
    await form.locator('button[type="submit"]').click();
    await form.getByRole('status').waitFor();
    await visitor.close();

    const { context, page } = await openAs(browser, server, 'sales1');
    await openFromList(page, 'lead', 'Sun Hao');
    await page.getByTestId('record-owner-name').filter({ hasText: 'Li Wei' }).waitFor();
    await fieldShows(page, 'company', 'Jiaxing Cold Storage');
    await context.close();
    const [lead] = (await ok(as.sales1, 'GET', '/api/leads?filter[name]=Sun%20Hao')) as unknown as Array<{ owner: string; source: string }>;
    expect(lead).toMatchObject({ owner: users.sales1, source: 'web_form' });
  }, 180_000);

  it('Thursday: the manager transfers Gamma Pumps with its open deal and contact; each rep sees the right lists', async () => {
    clock.set('2026-12-03T03:00:00Z');
    const boss = await openAs(browser, server, 'manager');
    await openFromList(boss.page, 'customer', 'Gamma Pumps');
    await boss.page.getByTestId('record-owner-name').filter({ hasText: 'Li Wei (sales rep, East)' }).waitFor();
    await boss.page.getByTestId('record-transfer').click();
    await boss.page.getByTestId('transfer-user-search').fill('Zhang');
    await boss.page.getByTestId('transfer-user').locator('option', { hasText: 'Zhang Min' }).waitFor({ state: 'attached' });
    await boss.page.getByTestId('transfer-user').selectOption({ label: 'Zhang Min (sales rep, West) (sales2)' });
    await boss.page.getByTestId('transfer-confirm').click();
    await boss.page.getByTestId('record-owner-name').filter({ hasText: 'Zhang Min (sales rep, West)' }).waitFor();
    await boss.context.close();

    const west = await openAs(browser, server, 'sales2');
    // Hers now: Gamma Pumps besides her two; Harbour Foods (shared with her) stays Li Wei's; Silent Peak Mining is the pool's.
    const rows = await customerRows(west.page, 5, ['Gamma Pumps', 'Harbour Foods']);
    expect(rows['Gamma Pumps']).toContain('Zhang Min');
    expect(rows['Harbour Foods']).toContain('Li Wei');
    await openFromList(west.page, 'customer', 'Gamma Pumps');
    await west.page.getByTestId('related-contacts').getByTestId('related-row').filter({ hasText: 'Gamma Buyer' }).waitFor();
    const deals = west.page.getByTestId('related-opportunities');
    await deals.getByTestId('related-row').filter({ hasText: 'Gamma open deal' }).waitFor();
    expect(await deals.getByTestId('related-row').filter({ hasText: 'Gamma lost deal' }).count()).toBe(0);
    await screenshot(west.page, 'week-thursday-transferred');
    await west.context.close();

    // Li Wei no longer finds Gamma Pumps; the lost deal stays his.
    const east = await openAs(browser, server, 'sales1');
    await searchList(east.page, 'customer', 'Gamma');
    await east.page.getByTestId('list-empty').waitFor();
    await searchList(east.page, 'opportunity', 'Gamma');
    await east.page.getByTestId('list-range').filter({ hasText: 'of 1' }).waitFor();
    expect(await east.page.getByTestId('record-row').allInnerTexts()).toEqual([expect.stringContaining('Gamma lost deal')]);
    await east.context.close();
    expect(await names(as.sales2, 'opportunities')).toEqual(['Gamma open deal']);
    expect(await names(as.sales2, 'contacts')).toEqual(['Gamma Buyer']);
  }, 180_000);

  it('Friday: a ticket nobody starts escalates when its SLA passes; the manager is notified and service takes it on', async () => {
    clock.set('2026-12-04T02:00:00Z');
    const east = await openAs(browser, server, 'sales1');
    await east.page.getByTestId('nav-ticket').click();
    await east.page.getByTestId('record-new').click();
    await east.page.locator('#root_subject').fill('Harbour freezer sensors offline');
    await pickRelation(east.page, 'customer', 'Harbour Foods', 'Harbour');
    await east.page.locator('#root_category').selectOption({ label: 'Fault' });
    await east.page.locator('#root_priority').selectOption({ label: 'High' });
    await east.page.getByTestId('record-save').click();
    await east.page.getByTestId('record-list-ticket').waitFor();
    await east.context.close();
    const [ticket] = (await ok(as.sales1, 'GET', '/api/tickets')) as unknown as Array<{ id: string; number: string; status: string }>;
    ids.ticket = ticket!.id;

    // Service has it open, not started; once the SLA has passed the server escalates it and the page says so.
    const desk = await openAs(browser, server, 'service');
    await desk.page.goto(`${server.url}/#/tickets/${ids.ticket}`);
    await desk.page.getByTestId('workflow-state').waitFor();
    await waitFor('the SLA escalation', async () => ((await ok(as.service, 'GET', `/api/tickets/${ids.ticket}`)).status === 'escalated' ? true : undefined), SLA_MS + 60_000);
    await desk.page.reload();
    await stateIs(desk.page, 'Escalated');
    await screenshot(desk.page, 'week-friday-escalated');

    const boss = await openAs(browser, server, 'manager');
    await boss.page.getByTestId('notifications-unread').waitFor();
    await boss.page.getByTestId('notifications-bell').click();
    await boss.page.getByTestId('notification-item').filter({ hasText: 'Ticket escalated' }).filter({ hasText: 'Harbour freezer sensors offline' }).filter({ hasText: ticket!.number }).waitFor();
    await screenshot(boss.page, 'week-friday-manager-notified');
    await boss.context.close();

    await desk.page.getByTestId('transition-START').click();
    await stateIs(desk.page, 'In progress');
    await desk.context.close();
    const history = await server.runtime.knex('tessera.workflow_history').where({ record_id: ids.ticket }).orderBy('at');
    expect(history.map((h) => [h.from_state, h.to_state])).toEqual([['new', 'escalated'], ['escalated', 'in_progress']]);
  }, 180_000);

  it('Saturday: a partial payment updates the plan\'s received amount and Li Wei\'s target achievement', async () => {
    clock.set('2026-12-05T03:00:00Z');
    const { context, page } = await openAs(browser, server, 'sales1');
    await openFromList(page, 'payment_plan', 'Orchid Valves #1');
    await page.getByTestId('transition-RECEIVE_PART').click();
    const dialog = page.getByTestId('transition-dialog');
    await dialog.locator('#root_amount').fill('20000');
    await dialog.locator('#root_received_on').fill('2026-12-05');
    await dialog.getByTestId('transition-submit').click();
    await dialog.waitFor({ state: 'detached' });
    await stateIs(page, 'Partially paid');
    await fieldShows(page, 'received_amount', '20,000', '20000');
    await screenshot(page, 'week-saturday-partial-payment');
    // His December target: 20,000 of 80,000 = 25 %.
    await openFromList(page, 'sales_target', 'Li Wei 2026-12');
    await fieldShows(page, 'achieved_amount', '20,000', '20000');
    await fieldShows(page, 'achieved_percent', '25');
    // The target's salesperson reads as a person, not an id.
    await page.locator('#root_assignee option:checked').filter({ hasText: 'Li Wei' }).waitFor({ state: 'attached' });
    await screenshot(page, 'week-saturday-target');
    await context.close();
    expect(Number((await ok(as.sales1, 'GET', `/api/payment_plans/${ids.plan}`)).received_amount)).toBe(20_000);
    const target = await ok(as.sales1, 'GET', `/api/sales_targets/${ids.target}`);
    expect([Number(target.achieved_amount), target.achieved_percent]).toEqual([20_000, 25]);
  }, 180_000);

  it('Sunday night: the next run returns Edge Ceramics (no follow-up since 3 November); the claimed customer stays Li Wei\'s', async () => {
    await nightlyPoolRun('2026-12-06T18:05:00Z'); // Monday 7 December 02:05 in Shanghai
    const { context, page } = await openAs(browser, server, 'sales1');
    await page.getByTestId('nav-customer').click();
    await page.getByTestId('pool-open').click();
    await page.getByTestId(`pool-row-${ids.edge}`).filter({ hasText: 'Edge Ceramics' }).waitFor();
    await page.getByTestId(`pool-row-${ids.silent}`).waitFor();
    expect(await page.getByTestId('pool-table').locator('tbody tr').count()).toBe(2);
    await context.close();
    expect(await names(as.sales1, 'customers', { pool: true })).toEqual(['Edge Ceramics', 'Silent Peak Mining']);
    expect(await names(as.sales2, 'customers', { owner: users.sales2 })).toEqual(['Gamma Pumps', 'Lotus Textiles']);
    expect(await names(as.sales1, 'customers', { owner: users.sales1 })).toEqual(['Harbour Foods', 'Orchid Valves']);
  }, 180_000);
});
