/**
 * Authorization on every screen (issue 15), through a real browser as the demo users: the menu
 * lists exactly what their role may read (derived from permissions.json, not written here),
 * they land on a page they may read, and no list or record page offers a button the server
 * would refuse; hidden fields are in no column, filter or form; read-only forms have no Save.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { TestRuntime } from '@tessera/runtime';
import { exampleDir, hasChromium, launchChromium, screenshot, signIn, startExampleApp } from './browser-harness';

if (!hasChromium) console.warn('browser tests skipped: /usr/bin/chromium not found');
const describeBrowser = hasChromium ? describe : describe.skip;

const readJson = <T>(file: string): T => JSON.parse(readFileSync(path.join(exampleDir, file), 'utf8')) as T;

interface Grant { actions: string[]; fields?: Record<string, 'read' | 'write' | 'hidden'> }
const permissions = readJson<{ roles: Record<string, { entities: Record<string, Grant> }> }>('permissions.json');
const seedUsers = readJson<{ users: { username: string; password: string; roles: string[] }[] }>('seed/users.json').users;
const entities = readdirSync(path.join(exampleDir, 'entities')).filter((f) => f.endsWith('.entity.json'))
  .map((f) => readJson<{ 'x-name': string; 'x-plural': string; properties: Record<string, { 'x-relation'?: { entity: string; kind: string; bulkCreate?: unknown } }> }>(`entities/${f}`));
const pluralOf = (name: string) => entities.find((e) => e['x-name'] === name)!['x-plural'];

/** What a demo user's roles allow per entity: the union of their actions, a field hidden when every granting role hides it. */
function accessOf(username: string): Map<string, { actions: Set<string>; hidden: Set<string> }> {
  const user = seedUsers.find((u) => u.username === username)!;
  const out = new Map<string, { actions: Set<string>; hidden: Set<string> }>();
  for (const entity of entities.map((e) => e['x-name'])) {
    const grants = user.roles.flatMap((r) => (permissions.roles[r]?.entities[entity] ? [permissions.roles[r].entities[entity]] : []));
    if (grants.length === 0) continue;
    const fields = new Set(grants.flatMap((g) => Object.keys(g.fields ?? {})));
    out.set(entity, {
      actions: new Set(grants.flatMap((g) => g.actions)),
      hidden: new Set([...fields].filter((f) => grants.every((g) => g.fields?.[f] === 'hidden'))),
    });
  }
  return out;
}
/** Whether the user may create, from the entity's list, one child per selected row (`x-relation.bulkCreate` on a child they may create). */
const bulkCreatesFrom = (username: string, parent: string) => entities.some((child) => accessOf(username).get(child['x-name'])?.actions.has('create')
  && Object.values(child.properties).some((f) => f['x-relation']?.entity === parent && f['x-relation'].kind === 'many-to-one' && f['x-relation'].bulkCreate));
const readableBy = (username: string) => [...accessOf(username)].filter(([, a]) => a.actions.has('read')).map(([name]) => name);
const passwordOf = (username: string) => seedUsers.find((u) => u.username === username)!.password;

describeBrowser('what each role meets in the app', () => {
  let server: TestRuntime;
  let browser: Browser;
  let acmeId: string;
  let contactId: string;
  let dealerId: string;
  let bidId: string;
  const counts = { menus: 0, lists: 0, records: 0 };

  const call = async (method: string, pathname: string, body?: unknown) => {
    const response = await server.admin.call(method, pathname, body);
    if (response.status >= 300) throw new Error(`${method} ${pathname}: ${response.status} ${response.text}`);
    return response.body;
  };

  beforeAll(async () => {
    server = await startExampleApp();
    acmeId = (await call('POST', '/api/customers', { name: 'Acme Permissions', industry: 'it', level: 'A', annual_revenue: 5_000_000, credit_rating: 'AAA' })).data.id;
    contactId = (await call('POST', '/api/contacts', { name: 'Wang Fang', customer: acmeId, title: 'Buyer' })).data.id;
    bidId = (await call('POST', '/api/bids', { name: 'Acme tender', customer: acmeId }).catch(() => ({ data: { id: '' } }))).data.id;
    // The partner sees only what it owns: its own customer, created as the partner.
    const partner = await server.login('partner', passwordOf('partner'));
    const dealer = await partner.call('POST', '/api/customers', { name: 'Dealer Customer Co', industry: 'retail' });
    if (dealer.status !== 201 && dealer.status !== 200) throw new Error(`partner could not create a customer: ${dealer.status} ${dealer.text}`);
    dealerId = dealer.body.data.id;
    browser = await launchChromium();
  });

  afterAll(async () => {
    console.info(`browser-permissions: ${counts.menus} menus, ${counts.lists} lists, ${counts.records} record pages checked`);
    await browser?.close();
    await server?.close();
  });

  async function openAs(username: string): Promise<{ context: BrowserContext; page: Page }> {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'en-US' });
    const page = await context.newPage();
    page.on('pageerror', (error) => console.error(`page error (${username}):`, error.message));
    await signIn(page, server.url, username, passwordOf(username));
    await page.locator('[data-testid="app-nav"][aria-busy="false"]').waitFor();
    return { context, page };
  }

  /** The app's own pages in the menu (not entities); each shows by its own capability. */
  const pages = ['dashboard', 'approvals', 'admin', 'calendar', 'reports', 'recycle-bin'];
  /** The entity names the menu offers. */
  const menuOf = async (page: Page) => {
    const ids = await page.locator('[data-testid="app-nav"] a[data-testid^="nav-"]').evaluateAll((els) => els.map((e) => e.getAttribute('data-testid')!));
    return ids.map((id) => id.slice('nav-'.length)).filter((name) => !pages.includes(name));
  };

  const expectNoError = async (page: Page, where: string) => {
    const banners = await page.getByTestId('error-banner').allTextContents();
    expect({ where, banners }).toEqual({ where, banners: [] });
    expect({ where, noAccess: await page.getByTestId('no-access').count() }).toEqual({ where, noAccess: 0 });
  };

  async function checkMenuAndLanding(username: string, page: Page) {
    const readable = readableBy(username);
    expect((await menuOf(page)).sort()).toEqual([...readable].sort());
    expect(await page.getByTestId('nav-admin').count()).toBe(0);
    // Reports are built over what the user may read: offered exactly when something is readable.
    expect(await page.getByTestId('nav-reports').count()).toBe(readable.length > 0 ? 1 : 0);
    counts.menus++;
    // Landing: a page this user may read, reached from the bare URL the sign-in opened.
    await page.waitForFunction(() => window.location.hash.length > 2);
    const hash = await page.evaluate(() => window.location.hash);
    expect(['#/_dashboard', ...readable.map((e) => `#/${pluralOf(e)}`)]).toContain(hash);
    await page.locator('[data-testid="dashboard"], [data-testid^="record-list-"]').first().waitFor();
    await page.waitForLoadState('networkidle');
    await expectNoError(page, `${username} landing ${hash}`);
    await screenshot(page, `permissions-${username}-landing`);
  }

  /** Every list in the menu: "+ New", export, bulk checkboxes and hidden columns/filters as the grants say. */
  async function checkLists(username: string, page: Page) {
    for (const [entity, access] of accessOf(username)) {
      if (!access.actions.has('read')) continue;
      const where = `${username} list of ${entity}`;
      await page.getByTestId(`nav-${entity}`).click();
      const list = page.getByTestId(`record-list-${entity}`);
      await list.locator('[data-testid="list-range"], [data-testid="list-empty"], [data-testid="error-banner"]').first().waitFor();
      await expectNoError(page, where);
      const has = async (testId: string) => (await list.getByTestId(testId).count()) > 0;
      expect({ where, new: await has('record-new'), export: await has('export-csv') })
        .toEqual({ where, new: access.actions.has('create'), export: access.actions.has('export') });
      if (await list.getByTestId('record-row').count()) {
        expect({ where, bulk: await has('select-all') }).toEqual({ where, bulk: access.actions.has('update') || access.actions.has('delete') || bulkCreatesFrom(username, entity) });
      }
      for (const field of access.hidden) expect({ where, column: field, shown: await has(`column-${field}`) }).toEqual({ where, column: field, shown: false });
      if (access.hidden.size) {
        await list.getByTestId('filter-add').click();
        const offered = await list.getByTestId('filter-field').locator('option').evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value));
        for (const field of access.hidden) expect({ where, filter: field, offered: offered.includes(field) }).toEqual({ where, filter: field, offered: false });
        await list.getByTestId('filter-remove').click();
      }
      counts.lists++;
    }
  }

  /** Opens a record by its hash and waits until the form and its capabilities are in. */
  async function openRecord(page: Page, plural: string, id: string) {
    await page.evaluate((hash) => { window.location.hash = hash; }, `#/${plural}/${id}`);
    await page.locator('[data-testid="record-form"] form, [data-testid="no-access"], [data-testid="error-banner"]').first().waitFor();
    await page.waitForLoadState('networkidle');
    counts.records++;
  }
  const transitionButtons = (page: Page) => page.locator('[data-testid^="transition-"]').count();

  it('management (executive): every entity in the menu, nothing to create, save, delete or move', async () => {
    const { context, page } = await openAs('executive');
    try {
      await checkMenuAndLanding('executive', page);
      await checkLists('executive', page);
      await openRecord(page, 'customers', acmeId);
      await page.getByTestId('workflow-state').waitFor();
      await page.getByTestId('record-readonly').waitFor();
      expect(await page.getByTestId('record-save').count()).toBe(0);
      expect(await page.getByTestId('record-delete').count()).toBe(0);
      expect(await transitionButtons(page)).toBe(0);
      expect(await page.locator('[data-testid^="related-new-"]').count()).toBe(0);
      expect(await page.locator('#root_name').getAttribute('readonly')).not.toBeNull();
      expect(await page.locator('#root_annual_revenue').inputValue()).toBe('5000000'); // management may see it
      await page.getByTestId('related-contacts').getByText('Wang Fang').waitFor();
      await expectNoError(page, 'executive customer');
      await screenshot(page, 'permissions-executive-customer');
      if (bidId) {
        await openRecord(page, 'bids', bidId);
        await page.getByTestId('workflow-state').waitFor();
        expect([await page.getByTestId('record-save').count(), await transitionButtons(page)]).toEqual([0, 0]);
      }
    } finally {
      await context.close();
    }
  });

  it('partner: only its own entities; a link to bids says it has no access; its own customer without hidden fields', async () => {
    const { context, page } = await openAs('partner');
    try {
      await checkMenuAndLanding('partner', page);
      await checkLists('partner', page);
      expect(await page.getByTestId('nav-bid').count()).toBe(0);

      await page.evaluate(() => { window.location.hash = '#/bids'; });
      await page.getByTestId('no-access').waitFor();
      expect(await page.getByTestId('no-access').textContent()).toContain('Your role does not allow you to see Bids');
      expect(await page.getByTestId('error-banner').count()).toBe(0);
      await screenshot(page, 'permissions-partner-no-access');

      await openRecord(page, 'customers', dealerId);
      await page.getByTestId('workflow-state').waitFor();
      await page.getByTestId('record-save').waitFor(); // partners update their own customers
      expect(await page.getByTestId('record-delete').count()).toBe(0);
      expect(await transitionButtons(page)).toBe(0); // no transition grant on customers
      expect(await page.locator('#root_annual_revenue, #root_credit_rating').count()).toBe(0);
      expect(await page.locator('#root_lifecycle').isDisabled()).toBe(true); // a workflow's state field: transitions only
      expect(await page.getByTestId('related-contacts').count()).toBe(0); // partners may not read contacts
      await page.getByTestId(`related-new-${pluralOf('follow_up')}`).waitFor(); // … but may add follow-ups
      await expectNoError(page, 'partner customer');
      await screenshot(page, 'permissions-partner-customer');

      // Someone else's customer is out of the partner's scope: the API's "not found", never a form.
      await openRecord(page, 'customers', acmeId);
      expect(await page.getByTestId('record-save').count()).toBe(0);
    } finally {
      await context.close();
    }
  });

  it('service: customers read-only without revenue or credit rating; contacts it can save', async () => {
    const { context, page } = await openAs('service');
    try {
      await checkMenuAndLanding('service', page);
      await checkLists('service', page);

      await openRecord(page, 'customers', acmeId);
      await page.getByTestId('workflow-state').waitFor();
      await page.getByTestId('record-readonly').waitFor();
      expect(await page.locator('#root_annual_revenue, #root_credit_rating').count()).toBe(0);
      expect(await page.locator('#root_name').inputValue()).toBe('Acme Permissions');
      expect([await page.getByTestId('record-save').count(), await page.getByTestId('record-delete').count(), await transitionButtons(page)]).toEqual([0, 0, 0]);
      expect(await page.getByTestId('related-new-contacts').count()).toBe(0); // service may update contacts, not create them
      await expectNoError(page, 'service customer');
      await screenshot(page, 'permissions-service-customer');

      await openRecord(page, 'contacts', contactId);
      await page.getByTestId('record-save').waitFor();
      expect(await page.getByTestId('record-delete').count()).toBe(0);
      await page.locator('#root_title').fill('Head of purchasing');
      await screenshot(page, 'permissions-service-contact');
      await page.getByTestId('record-save').click();
      await page.getByTestId('record-list-contact').waitFor();
      await expectNoError(page, 'service contact saved');
      expect((await call('GET', `/api/contacts/${contactId}`)).data.title).toBe('Head of purchasing');
    } finally {
      await context.close();
    }
  });

  it('sales rep (sales1): the menu of its role, and "+ New" and Save on what it owns', async () => {
    const { context, page } = await openAs('sales1');
    try {
      await checkMenuAndLanding('sales1', page);
      await checkLists('sales1', page);
      await page.getByTestId('nav-customer').click();
      await page.getByTestId('record-new').click();
      await page.locator('#root_name').fill('Own Prospect Ltd');
      expect(await page.locator('#root_lifecycle').isDisabled()).toBe(true);
      await page.getByTestId('record-save').click();
      await page.getByTestId('record-row').filter({ hasText: 'Own Prospect Ltd' }).click();
      await page.getByTestId('workflow-state').waitFor();
      await page.getByTestId('record-save').waitFor();
      expect(await page.locator('#root_credit_rating').isDisabled()).toBe(true); // read-only for sales reps
      expect(await page.getByTestId('record-delete').count()).toBe(0); // no delete grant on customers
      counts.records++;
      await expectNoError(page, 'sales1 own customer');
    } finally {
      await context.close();
    }
  });
});
