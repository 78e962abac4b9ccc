/**
 * Issue 17, approvers from several rules (ADR 0055): an implementer makes the bid review's first
 * step "the Sales manager role OR the submitter's manager" in the designer's approval editor,
 * publishes, and the published workflow holds the union; then a rep whose manager is not a sales
 * manager submits a bid, both that manager and the sales manager get the task, and the manager's
 * approval in the inbox passes the step (mode: any one approves).
 */
import type { Browser, Page } from 'playwright-core';
import type { ApprovalConfig } from '@tessera/metadata';
import type { TestRuntime } from '@tessera/runtime';
import { hasChromium, launchChromium, newDesktopPage, openDesigner, screenshot, signIn, startExampleApp } from './browser-harness';

const describeBrowser = hasChromium ? describe : describe.skip;

interface PublishedApp {
  app: { workflows: Array<{ name: string; machine: { states: Record<string, { approval?: ApprovalConfig }> } }> };
}

const LEAD = { username: 'union_lead', password: 'union-lead-password-1', roles: ['sales_rep'] };
const REP = { username: 'union_rep', password: 'union-rep-password-1', roles: ['sales_rep'] };

describeBrowser('designer: an approval step\'s approvers from several rules (issue 17)', () => {
  let server: TestRuntime;
  let browser: Browser;
  let page: Page;
  let actions = 0;
  const ui = {
    click: async (id: string) => { actions++; await page.getByTestId(id).click(); },
    select: async (id: string, value: string) => { actions++; await page.getByTestId(id).selectOption(value); },
    check: async (id: string) => { actions++; await page.getByTestId(id).check(); },
  };

  beforeAll(async () => {
    server = await startExampleApp();
    browser = await launchChromium();
    page = await newDesktopPage(browser);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('sets "Sales manager role OR the submitter\'s manager" through the UI and publishes the union', async () => {
    await openDesigner(page, server.url);

    await ui.click('page-workflows');
    await ui.select('workflow-pick', 'bid_lifecycle');
    await ui.click('wf-state-in_review');
    const approvers = 'approval-step-0-approvers';
    expect(await page.getByTestId(`${approvers}-kind`).inputValue()).toBe('role');
    // The step's role stays as the first rule; the second starts as the submitter's manager.
    await ui.select(`${approvers}-kind`, 'any');
    await page.getByTestId(`${approvers}-any`).waitFor();
    expect(await page.getByTestId(`${approvers}-of-0-kind`).inputValue()).toBe('role');
    expect(await page.getByTestId(`${approvers}-of-0-role-sales_manager`).isChecked()).toBe(true);
    expect(await page.getByTestId(`${approvers}-of-1-kind`).inputValue()).toBe('manager');
    // A third rule, changed to a role, then removed again: the union keeps its two rules.
    await ui.click(`${approvers}-of-add`);
    await ui.select(`${approvers}-of-2-kind`, 'role');
    await ui.check(`${approvers}-of-2-role-management`);
    await ui.click(`${approvers}-of-2-remove`);
    expect(await page.getByTestId(`${approvers}-of-2`).count()).toBe(0);
    expect(await page.getByTestId(`${approvers}-any`).innerText()).toMatch(/Rule 1[\s\S]*By role[\s\S]*Rule 2[\s\S]*The submitter's manager/);
    await screenshot(page, 'designer-approvers-union');

    await ui.click('plan-preview');
    await ui.click('plan-publish');
    await page.getByTestId('publish-success').waitFor();
    console.log(`UI actions for the union, including publish: ${actions} (2 of them to pick it)`);

    const { app } = (await server.admin.call('GET', '/api/_meta/app')).body as PublishedApp;
    const approval = app.workflows.find((w) => w.name === 'bid_lifecycle')!.machine.states.in_review.approval!;
    expect(approval.steps[0]).toMatchObject({
      id: 'sales_manager',
      mode: 'any',
      approvers: { kind: 'any', of: [{ kind: 'role', roles: ['sales_manager'] }, { kind: 'manager', levels: 1 }] },
      timeout: { after: 86400000, escalateTo: { kind: 'role', roles: ['management'] } },
    });
    expect(approval.steps[1].approvers).toEqual({ kind: 'role', roles: ['management'] });
  }, 180_000);

  it('a rep whose manager is not a sales manager submits: both get the task, the manager approves in the inbox', async () => {
    const lead = await server.createUser(LEAD);
    await server.createUser({ ...REP, managerId: lead.id });
    const manager = await server.login('manager', 'manager-demo-123'); // the demo sales manager
    const salesManagerId = (await manager.call('GET', '/api/auth/me')).body.data.user.id as string;
    const rep = await server.login(REP.username, REP.password);
    const customer = await rep.call('POST', '/api/customers', { name: 'Union Rail Holdings' });
    expect(customer.status).toBe(201);
    const bid = await rep.call('POST', '/api/bids', { name: 'Union signalling tender', customer: customer.body.data.id, bid_amount: 800000 });
    expect(bid.status).toBe(201);
    const id = bid.body.data.id as string;
    for (const event of ['REGISTER', 'PREPARE', 'SUBMIT_FOR_REVIEW']) expect((await rep.call('POST', `/api/bids/${id}/transitions/${event}`, {})).status).toBe(200);
    const [started] = (await server.admin.call('GET', `/api/approvals?entity=bid&recordId=${id}`)).body.data as Array<{ id: string }>;
    const detail = (await server.admin.call('GET', `/api/approvals/${started.id}`)).body.data as { steps: Array<{ id: string; approvers: string[] }> };
    expect([...detail.steps[0].approvers].sort()).toEqual([lead.id, salesManagerId].sort());
    expect(((await manager.call('GET', '/api/approvals/inbox')).body.data as Array<{ approvalId: string }>).map((t) => t.approvalId)).toContain(started.id);
    const leadPage = await browser.newPage({ viewport: { width: 1360, height: 900 }, locale: 'en-US' });
    await signIn(leadPage, server.url, LEAD.username, LEAD.password);
    await leadPage.getByTestId('nav-approvals').click();
    const row = leadPage.getByTestId('inbox-row').filter({ hasText: 'Union signalling tender' });
    await row.getByTestId('inbox-approve').click();
    await leadPage.getByTestId('approval-submit').click();
    await leadPage.getByTestId('approvals-empty').waitFor();
    expect((await server.admin.call('GET', `/api/bids/${id}`)).body.data.status).toBe('submitted');
    await leadPage.close();
  }, 180_000);
});
