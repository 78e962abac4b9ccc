/**
 * Issue 18 in a real browser: the delete dialog lists what the cascade takes along, the deleted
 * customer comes back from the recycle bin with its contacts, the submitter of a quote sees the
 * approver's decision in the notification panel, the dashboard's labels fit their charts at
 * desktop and phone width (measured in the page), and a contact picker is cleared when the
 * customer changes.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { createTestRuntime, forEachDatabase, waitFor, type TestRuntime } from '@tessera/runtime';
import path from 'node:path';
import { ensureWebBuilt, exampleDir, hasChromium, launchChromium, screenshot, signIn } from './browser-harness';
import { pickRelation } from './relation-picker';

if (!hasChromium) console.warn('browser tests skipped: /usr/bin/chromium not found');
const forEachBrowserDatabase = hasChromium ? forEachDatabase : (name: string, _body: unknown) => describe.skip(name, () => undefined);

type Client = Awaited<ReturnType<TestRuntime['login']>>;

forEachBrowserDatabase('recycle bin, delete dialog, decision notices, chart labels, dependent pickers', (getCtx) => {
  let server: TestRuntime;
  let browser: Browser;
  let manager: Client;
  let sales1: Client;
  const ids: Record<string, string> = {};
  const contacts: string[] = [];

  const ok = async (client: Client, method: string, pathname: string, body?: unknown) => {
    const res = await client.call(method, pathname, body);
    if (res.status >= 300) throw new Error(`${method} ${pathname}: ${res.status} ${res.text}`);
    return res.body?.data;
  };

  async function openAs(username: string, viewport = { width: 1280, height: 900 }): Promise<{ context: BrowserContext; page: Page }> {
    const context = await browser.newContext({ viewport, locale: 'en-US' });
    const page = await context.newPage();
    page.on('pageerror', (error) => console.error('page error:', error.message));
    await signIn(page, server.url, username, `${username}-demo-123`);
    return { context, page };
  }

  beforeAll(async () => {
    ensureWebBuilt();
    server = await createTestRuntime({ databaseUrl: getCtx().databaseUrl, appDir: exampleDir, webDir: path.join(exampleDir, 'dist/app'), designerDir: path.join(exampleDir, 'dist/designer'), demoUsers: true });
    manager = await server.login('manager', 'manager-demo-123');
    sales1 = await server.login('sales1', 'sales1-demo-123');
    ids.acme = (await ok(manager, 'POST', '/api/customers', { name: 'Acme Pumps', industry: 'manufacturing', level: 'A' })).id;
    ids.beta = (await ok(manager, 'POST', '/api/customers', { name: 'Beta Valves', industry: 'energy', level: 'B' })).id;
    for (const name of ['Ann Acme', 'Bo Acme', 'Cai Acme']) contacts.push((await ok(manager, 'POST', '/api/contacts', { name, customer: ids.acme })).id);
    ids.betaContact = (await ok(manager, 'POST', '/api/contacts', { name: 'Dee Beta', customer: ids.beta })).id;
    const opportunities = [];
    for (const name of ['Acme pumps 2027', 'Acme spare parts']) opportunities.push((await ok(manager, 'POST', '/api/opportunities', { name, customer: ids.acme, amount: 50_000 })).id);
    for (let i = 0; i < 5; i += 1) await ok(manager, 'POST', '/api/follow_ups', { subject: `Call ${i}`, method: 'phone', customer: ids.acme, ...(i < 2 ? { opportunity: opportunities[i] } : {}) });
    browser = await launchChromium();
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('the delete dialog lists the cascade; the customer comes back from the recycle bin with its contacts', async () => {
    const { context, page } = await openAs('manager');
    await page.goto(`${server.url}/#/customers/${ids.acme}`);
    await page.getByTestId('record-delete').click();
    const dialog = page.getByTestId('record-delete-dialog');
    await dialog.getByTestId('delete-cascade').filter({ hasText: 'recycle bin' }).waitFor();
    expect(await dialog.locator('h3').textContent()).toBe('Delete Customer “Acme Pumps”?');
    expect(await dialog.getByTestId('delete-cascade').textContent()).toBe('This also moves to the recycle bin: 3 contacts, 5 follow-ups, 2 opportunities.');
    await screenshot(page, 'app-delete-cascade-dialog');
    await dialog.getByTestId('record-delete-confirm').click();
    await page.getByTestId('record-list-customer').waitFor();
    expect((await manager.call('GET', `/api/customers/${ids.acme}`)).status).toBe(404);
    expect((await ok(manager, 'GET', `/api/contacts?filter[customer]=${ids.acme}`))).toEqual([]);

    await page.getByTestId('nav-recycle-bin').click();
    await page.getByTestId('recycle-bin-tab-customer').click();
    const row = page.locator(`[data-testid="recycle-bin-row"][data-record-id="${ids.acme}"]`);
    await row.waitFor();
    expect(await row.getByTestId('recycle-bin-title').textContent()).toBe('Acme Pumps');
    expect(await row.getByTestId('recycle-bin-with').textContent()).toBe('3 contacts, 5 follow-ups, 2 opportunities');
    expect(await row.textContent()).toContain('manager');
    await screenshot(page, 'app-recycle-bin');
    await row.getByTestId('recycle-bin-restore').click();
    await page.getByTestId('recycle-bin-notice').filter({ hasText: 'Acme Pumps' }).waitFor();
    expect(await page.getByTestId('recycle-bin-notice').textContent()).toBe('“Acme Pumps” was restored with 3 contacts, 5 follow-ups, 2 opportunities.');
    const back = (await ok(manager, 'GET', `/api/contacts?filter[customer]=${ids.acme}`)) as { id: string }[];
    expect(back.map((c) => c.id).sort()).toEqual([...contacts].sort());
    await page.goto(`${server.url}/#/customers/${ids.acme}`);
    await page.locator('#root_name').waitFor();
    expect(await page.locator('#root_name').inputValue()).toBe('Acme Pumps');
    await context.close();
  });

  it('bulk delete asks the server what goes along', async () => {
    const { context, page } = await openAs('manager');
    await page.goto(`${server.url}/#/customers`);
    await page.locator(`[data-testid="record-row"][data-record-id="${ids.beta}"] [data-testid="select-row"]`).check();
    await page.getByTestId('bulk-delete').click();
    const text = page.getByTestId('bulk-delete-dialog').getByTestId('delete-cascade');
    await text.filter({ hasText: 'recycle bin' }).waitFor();
    expect(await text.textContent()).toBe('This also moves to the recycle bin: 1 contact.');
    await page.getByTestId('bulk-delete-cancel').click();
    await context.close();
  });

  it('the submitter sees the approver\'s decision in the notification panel', async () => {
    const quote = (await ok(sales1, 'POST', '/api/quotes', { name: 'Pumps quote for the bell', customer: (await ok(sales1, 'POST', '/api/customers', { name: 'Bell Co' })).id, discount: 15 })).id;
    await ok(sales1, 'POST', `/api/quotes/${quote}/transitions/SUBMIT`, {});
    const [approval] = (await ok(sales1, 'GET', `/api/approvals?entity=quote&recordId=${quote}`)) as { id: string }[];

    // The approver's inbox shows the quote's key fields, not an id.
    const approver = await openAs('manager');
    await approver.page.goto(`${server.url}/#/_approvals`);
    const inboxRow = approver.page.locator(`[data-testid="inbox-row"][data-record-id="${quote}"]`);
    await inboxRow.getByTestId('inbox-summary').waitFor();
    expect(await inboxRow.getByTestId('inbox-record').textContent()).toBe('Pumps quote for the bell');
    expect(await inboxRow.getByTestId('inbox-summary-customer').textContent()).toContain('Bell Co');
    expect(await inboxRow.getByTestId('inbox-summary-discount').textContent()).toContain('15');
    await approver.context.close();

    await ok(manager, 'POST', `/api/approvals/${approval.id}/reject`, { to: 'submitter', comment: 'Add the delivery date' });
    const { context, page } = await openAs('sales1');
    await waitFor('the notice', async () => ((await sales1.call('GET', '/api/notifications')).body.data as { recordId: string }[]).find((n) => n.recordId === quote));
    await page.reload();
    await page.getByTestId('notifications-bell').click();
    const item = page.getByTestId('notification-item').filter({ hasText: 'Pumps quote for the bell' });
    await item.waitFor();
    const said = await item.textContent();
    expect(said).toContain('Returned to you: quote "Pumps quote for the bell"');
    expect(said).toContain('Add the delivery date');
    await screenshot(page, 'app-decision-notice');
    await context.close();
  });

  for (const viewport of [{ width: 1280, height: 900 }, { width: 390, height: 844 }]) {
    it(`the dashboard's labels fit their charts at ${viewport.width} px`, async () => {
      const { context, page } = await openAs('manager', viewport);
      await page.goto(`${server.url}/#/_dashboard`);
      const funnel = page.getByTestId('chart-opportunity-funnel');
      await funnel.locator('[data-testid="chart-label"]').first().waitFor();
      await page.getByTestId('chart-customer-level').locator('.recharts-legend-item').first().waitFor();
      // Every label drawn is inside its chart's drawing, and says all of its text or keeps it in a tooltip.
      const problems = await page.evaluate(() => {
        const out: string[] = [];
        for (const label of document.querySelectorAll<SVGTextElement>('[data-testid="chart-label"]')) {
          const svg = label.ownerSVGElement!.getBoundingClientRect();
          const box = label.getBoundingClientRect();
          const full = label.getAttribute('data-full') ?? '';
          const shown = [...label.childNodes].filter((n) => n.nodeType === Node.TEXT_NODE).map((n) => n.textContent).join('');
          if (box.left < svg.left - 1 || box.right > svg.right + 1 || box.top < svg.top - 1 || box.bottom > svg.bottom + 1) out.push(`"${shown}" leaves its chart (${Math.round(box.left)}–${Math.round(box.right)} of ${Math.round(svg.left)}–${Math.round(svg.right)})`);
          if (shown !== full && !(shown.endsWith('…') && label.querySelector('title')?.textContent === full)) out.push(`"${shown}" cut without a tooltip (full "${full}")`);
        }
        // Straight axis labels of one chart never run into each other.
        for (const svg of document.querySelectorAll('svg.recharts-surface')) {
          const straight = [...svg.querySelectorAll<SVGTextElement>('[data-testid="chart-label"]')].filter((l) => !l.getAttribute('transform') && l.getAttribute('text-anchor') === 'middle');
          const boxes = straight.map((l) => ({ text: l.textContent, ...l.getBoundingClientRect().toJSON() })).sort((a, b) => a.left - b.left);
          for (let i = 1; i < boxes.length; i += 1) if (boxes[i].left < boxes[i - 1].right - 1) out.push(`"${boxes[i - 1].text}" runs into "${boxes[i].text}"`);
        }
        return out;
      });
      expect(problems).toEqual([]);
      const stages = await funnel.locator('[data-testid="chart-label"]').evaluateAll((els) => els.map((e) => e.getAttribute('data-full')));
      expect(stages.length).toBeGreaterThan(0);
      // At desktop width every stage name is whole ("Qualification", not "Quali").
      if (viewport.width > 1000) {
        const whole = await funnel.locator('[data-testid="chart-label"]').evaluateAll((els) => els.every((e) => !e.querySelector('title')));
        expect(whole).toBe(true);
      }
      // The level pie says what each slice is and how many.
      const legend = await page.getByTestId('chart-customer-level').locator('.recharts-legend-item-text').allTextContents();
      expect(legend.length).toBeGreaterThan(0);
      for (const entry of legend) expect(entry).toMatch(/\(\d+\)$/);
      await screenshot(page, `app-dashboard-labels-${viewport.width}`);
      await context.close();
    });
  }

  it('clears a contact that does not belong to a newly chosen customer, and says so', async () => {
    const { context, page } = await openAs('manager');
    await page.goto(`${server.url}/#/follow_ups/new`);
    await page.locator('#root_customer').waitFor();
    await pickRelation(page, 'customer', 'Acme Pumps', 'Acme');
    await pickRelation(page, 'contact', 'Ann Acme', 'Ann');
    await pickRelation(page, 'customer', 'Beta Valves', 'Beta');
    await page.getByTestId('relation-cleared-contact').waitFor();
    expect(await page.getByTestId('relation-contact').getAttribute('data-value')).toBe('');
    expect(await page.getByTestId('relation-cleared-contact').textContent()).toContain('Ann Acme');
    // A contact of the new customer stays when the customer is chosen again.
    await pickRelation(page, 'contact', 'Dee Beta', 'Dee');
    expect(await page.getByTestId('relation-contact').getAttribute('data-value')).toBe(ids.betaContact);
    await context.close();
  });
});
