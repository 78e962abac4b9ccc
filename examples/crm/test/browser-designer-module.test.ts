/**
 * Issue 17's proof: a module the example CRM does not have — Equipment loans (设备借用) — built
 * through the designer UI alone and added to the running example app: a field of every type the
 * palette offers (read from the palette, so a new type is covered without editing this test), a
 * field shown only when another is ticked, a filtered list view and a filtered dashboard card, a
 * workflow with an approval step and a timer that notifies the owner's manager, permissions for
 * three roles; published through the plan dialog. Then a sales rep creates two loans and submits
 * one, the sales manager approves it in the inbox and sees it in the filtered view and card, and
 * the rep never sees the deposit the permissions hide from reps.
 * Every UI action goes through `ui`, which counts it; no metadata is typed as JSON or sent by API
 * (the API is only used to read back what was published).
 */
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import type { AppDefinition } from '@tessera/metadata';
import { DEMO_ADMIN_PASSWORD, type TestRuntime } from '@tessera/runtime';
import { hasChromium, launchChromium, mouseDrag, screenshot, startExampleApp } from './browser-harness';

const describeBrowser = hasChromium ? describe : describe.skip;
const REP = { username: 'sales1', password: 'sales1-demo-123' };
const MANAGER = { username: 'manager', password: 'manager-demo-123' };
// The bound the scenario must stay under (the printed count is what it took): at most five
// actions a field type (drag, two labels, a setting, add) and a hundred for everything else.
const maxSteps = (typeCount: number) => 100 + 5 * typeCount;
const ENTITY = 'equipment_loan';
const STATES = ['draft', 'reviewing', 'lent', 'overdue', 'returned'];

/** A JSON object or array, as someone would paste metadata (a template's {{name}} is not one). */
function isJsonDocument(text: string): boolean {
  try {
    const parsed: unknown = JSON.parse(text);
    return typeof parsed === 'object' && parsed !== null;
  } catch {
    return false;
  }
}

/** Counts every click, fill, select, key press, drag and file pick, per phase; refuses typed JSON. */
function createCounter() {
  const phases: Record<string, number> = {};
  let phase = 'setup';
  const count = () => { phases[phase] = (phases[phase] ?? 0) + 1; };
  const at = (page: Page, target: string | Locator) => (typeof target === 'string' ? page.getByTestId(target) : target);
  return {
    phases,
    total: () => Object.values(phases).reduce((a, b) => a + b, 0),
    phase: (name: string) => { phase = name; },
    ui: (page: Page) => ({
      click: async (t: string | Locator) => { count(); await at(page, t).click(); },
      check: async (t: string | Locator) => { count(); await at(page, t).check(); },
      fill: async (t: string | Locator, value: string) => {
        // The proof is that no step needs metadata written by hand.
        if (isJsonDocument(value)) throw new Error(`a step typed JSON: ${value}`);
        count();
        await at(page, t).fill(value);
      },
      select: async (t: string | Locator, value: string) => { count(); await at(page, t).selectOption(value); },
      press: async (t: string | Locator, key: string) => { count(); await at(page, t).press(key); },
      drag: async (from: string, to: string) => { count(); await mouseDrag(page, from, to); },
      files: async (t: string, file: string) => { count(); await at(page, t).setInputFiles(file); },
    }),
  };
}
type Ui = ReturnType<ReturnType<typeof createCounter>['ui']>;

/**
 * What each palette type's field is in this module, and the settings it needs. A type not listed
 * gets a field named after it with no settings: if it needs some, its Add stays disabled and the
 * test says which type it was.
 */
const FIELDS: Record<string, { label: string; zh: string; set?: (ui: Ui) => Promise<void> }> = {
  text: { label: 'Item', zh: '物品', set: (ui) => ui.click('inspector-required') },
  textarea: { label: 'Off-site reason', zh: '外借原因' },
  number: { label: 'Quantity', zh: '数量' },
  currency: { label: 'Deposit', zh: '押金' },
  date: { label: 'Due back', zh: '归还日期' },
  datetime: { label: 'Picked up at', zh: '领取时间' },
  boolean: { label: 'Off site', zh: '带离公司' },
  select: { label: 'Status', zh: '状态', set: (ui) => ui.fill('option-list', STATES.join(', ')) },
  email: { label: 'Contact email', zh: '联系邮箱' },
  phone: { label: 'Contact phone', zh: '联系电话' },
  url: { label: 'Manual link', zh: '说明书链接' },
  relation: { label: 'For customer', zh: '所属客户', set: (ui) => ui.select('inspector-relation', 'customer') },
  richtext: { label: 'Notes', zh: '备注' },
  percent: { label: 'Battery level', zh: '电量' },
  multiselect: { label: 'Accessories', zh: '配件', set: (ui) => ui.fill('option-list', 'charger, case, cable') },
  json: { label: 'Specs', zh: '规格' },
  user: { label: 'Borrower', zh: '借用人' },
  autonumber: { label: 'Loan number', zh: '借用单号' },
  formula: {
    label: 'Spare batteries', zh: '备用电池',
    set: async (ui) => { await ui.fill('kw-x-formula', 'quantity * 2'); await ui.select('kw-x-formula-type', 'number'); },
  },
  rollup: {
    label: 'Loans of this borrower', zh: '借用人借用数',
    set: async (ui) => {
      await ui.fill('kw-x-rollup-entity', ENTITY);
      await ui.fill('kw-x-rollup-match-field', 'borrower');
      await ui.fill('kw-x-rollup-match-equals', 'borrower');
      await ui.select('kw-x-rollup-fn', 'count');
    },
  },
  file: { label: 'Photo', zh: '照片' },
  'rating:stars': { label: 'Condition', zh: '成色' },
  'region:cn': { label: 'Site region', zh: '使用地区' },
};
const fieldOf = (type: string) => FIELDS[type] ?? { label: `${type.replace(/[^a-z]+/g, ' ').trim()} sample`, zh: `${type} 示例` };
// "Deposit per unit" → deposit_per_unit, as the inspector derives names from English labels.
const nameOf = (label: string) => label.toLowerCase().replace(/[^a-z0-9]+/g, '_').replace(/^_|_$/g, '');

interface Published {
  version: number;
  app: AppDefinition & {
    views?: Array<{ name: string; entity: string; kind: string; filter?: unknown }>;
    dashboards?: Array<{ name: string; cards: Array<{ id: string; entity: string; chart: string; filter?: unknown }> }>;
  };
}

describeBrowser('designer: an Equipment loans module added to the example app through the UI alone (issue 17)', () => {
  let server: TestRuntime;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  const counter = createCounter();
  let types: string[] = [];
  let loanId = '';

  const openPage = async (height = 1000) => {
    const context = await browser.newContext({ viewport: { width: 1440, height }, locale: 'en-US' });
    contexts.push(context);
    const page = await context.newPage();
    page.on('pageerror', (error) => console.error('page error:', error.message));
    return page;
  };
  const signIn = async (username: string, password: string, then = '/', height?: number) => {
    const page = await openPage(height);
    const ui = counter.ui(page);
    await page.goto(server.url + '/');
    await ui.fill('login-username', username);
    await ui.fill('login-password', password);
    await ui.click('login-submit');
    await page.getByTestId('user-menu').waitFor();
    if (then !== '/') await page.goto(server.url + then);
    return page;
  };
  /** Reads what is published; the test never writes metadata through the API. */
  const published = async () => {
    const answer = await server.admin.call('GET', '/api/_meta/app');
    expect(answer.status).toBe(200);
    return answer.body as Published;
  };

  beforeAll(async () => {
    server = await startExampleApp();
    browser = await launchChromium();
  });

  afterAll(async () => {
    for (const c of contexts) await c.close().catch(() => undefined);
    await browser?.close();
    await server?.close();
  });

  it('builds the module in the designer and publishes it through the plan dialog', async () => {
    const before = await published();
    expect(before.app.entities.some((e) => e['x-name'] === ENTITY)).toBe(false);

    counter.phase('sign in');
    // A tall screen: the example's fifteen entities push the palette down, and a drag must not
    // scroll the form's top edge out of reach.
    const admin = await signIn('admin', DEMO_ADMIN_PASSWORD, '/designer/', 2200);
    const ui = counter.ui(admin);
    await admin.getByTestId('palette-text').waitFor();
    // Every type the palette offers, built-in or from a plugin: a new type is covered when it appears.
    types = await admin.getByTestId('palette').locator('[data-testid^="palette-"]').evaluateAll((items) => items.map((i) => i.getAttribute('data-testid')!.slice('palette-'.length)));
    expect(types).toEqual(expect.arrayContaining(['text', 'select', 'relation', 'user', 'formula', 'rollup', 'file']));

    counter.phase('entity + fields');
    await ui.click('entity-new');
    await ui.fill('entity-label-en', 'Equipment loan');
    await ui.fill('entity-label-zh', '设备借用');
    await ui.click('entity-create');
    await admin.getByTestId(`entity-${ENTITY}`).waitFor();
    // Dropped on the main section's top edge, which stays on screen however long the form grows.
    for (const type of types) {
      const field = fieldOf(type);
      await ui.drag(`palette-${type}`, 'canvas-section-main');
      await admin.getByTestId('inspector').waitFor();
      await ui.fill('inspector-label-en', field.label);
      await ui.fill('inspector-label-zh', field.zh);
      await field.set?.(ui);
      await admin.waitForFunction(() => document.querySelector('[data-testid="inspector-add"]')?.hasAttribute('disabled') === false, undefined, { timeout: 15_000 }).catch(async () => {
        const problems = await admin.getByTestId('inspector-problems').allInnerTexts().catch(() => []);
        throw new Error(`the ${type} field "${field.label}" cannot be added from the palette: ${JSON.stringify(problems)}`);
      });
      await ui.click('inspector-add');
      await admin.getByTestId('inspector').waitFor({ state: 'detached' });
      await admin.getByTestId(`canvas-field-${nameOf(field.label)}`).waitFor();
    }

    counter.phase('conditional field');
    // The reason shows only when the loan leaves the premises.
    await ui.click('edit-field-off_site_reason');
    await ui.fill('field-layout-visible-when', 'off_site == true');
    await ui.click('field-layout-apply');
    await ui.click('edit-close');

    counter.phase('list view');
    await ui.click('page-views');
    await ui.select('view-new-entity', ENTITY);
    await ui.click('view-new-list');
    await ui.fill('view-label-en', 'Out on loan');
    await ui.click('view-filter-add');
    await ui.select('view-filter-row-0-field', 'status');
    await ui.select('view-filter-row-0-value', 'lent');

    counter.phase('dashboard card');
    await ui.click('page-dashboards');
    await ui.click('dashboard-new');
    await ui.select('card-new-entity', ENTITY);
    await ui.click('card-add');
    const filterId = (await admin.locator('[data-testid^="card-filter-"][data-testid$="-add"]').last().getAttribute('data-testid'))!.replace(/-add$/, '');
    const cardId = filterId.replace(/^card-filter-/, '');
    await ui.select(`card-chart-${cardId}`, 'number');
    await ui.click(`${filterId}-add`);
    await ui.select(`${filterId}-row-0-field`, 'status');
    await ui.select(`${filterId}-row-0-op`, 'in');
    await ui.check(`${filterId}-row-0-value-lent`);
    await ui.check(`${filterId}-row-0-value-overdue`);

    counter.phase('workflow');
    await ui.click('page-workflows');
    await ui.click('workflow-new');
    await ui.select('workflow-binding', `${ENTITY}.status`);
    await ui.click('workflow-create'); // the status options are the states, draft initial
    for (const s of STATES) await admin.getByTestId(`wf-node-${s}`).waitFor();
    // An approval on reviewing: SUBMIT starts it, APPROVE goes on to lent, REJECT and RETURN back to draft.
    await ui.click('wf-state-reviewing');
    await ui.click('approval-add');
    await ui.select('approval-step-0-approvers-kind', 'role');
    await ui.check('approval-step-0-approvers-role-sales_manager');
    // A week out on loan and it is overdue: the borrower's manager hears of it.
    await ui.click('wf-state-lent');
    await ui.click('timer-add');
    await ui.fill('timer-0-amount', '7');
    await ui.select('timer-0-unit', 'days');
    await ui.select('timer-0-target', 'overdue');
    await ui.select('timer-0-action-add', 'notify');
    await ui.fill('timer-0-action-0-message-en', '{{item}} is overdue.');
    await ui.fill('timer-0-action-0-message-zh', '{{item}} 已逾期未还。');
    await ui.check('timer-0-action-0-to-owner.manager');
    for (const from of ['lent', 'overdue']) {
      await ui.click(`wf-state-${from}`);
      await ui.fill('state-new-event', 'RETURN');
      await ui.select('state-new-target', 'returned');
      await ui.click('state-add-transition');
    }
    await ui.click('wf-state-returned');
    await ui.click('state-final');
    await screenshot(admin, 'designer-module-workflow');

    counter.phase('permissions');
    await ui.click('page-permissions');
    // Reps borrow (their own loans) but never see the deposit; sales managers run all loans; management reads them.
    await ui.select('perm-role', 'sales_rep');
    for (const a of ['read', 'create', 'update', 'transition']) await ui.click(`perm-${ENTITY}-${a}`);
    await ui.click(`perm-fields-open-${ENTITY}`);
    await ui.select(`perm-field-${ENTITY}-deposit`, 'hidden');
    await ui.select('perm-role', 'sales_manager');
    await ui.click(`perm-${ENTITY}-all`);
    await ui.select(`perm-scope-${ENTITY}`, 'all');
    await ui.select('perm-role', 'management');
    await ui.click(`perm-${ENTITY}-read`);
    await ui.select(`perm-scope-${ENTITY}`, 'all');

    counter.phase('publish');
    await ui.click('plan-preview');
    const dialog = admin.getByTestId('plan-dialog');
    await dialog.getByTestId('plan-step-create-table').first().waitFor();
    expect(await dialog.textContent()).toContain(`${ENTITY}`);
    await screenshot(admin, 'designer-module-plan');
    await ui.click('plan-publish');
    await admin.getByTestId('publish-success').waitFor();

    // Read back: what the UI built is what the app now runs.
    const { app, version } = await published();
    expect(version).toBe(before.version + 1);
    const loan = app.entities.find((e) => e['x-name'] === ENTITY)!;
    expect(loan['x-label']).toEqual({ en: 'Equipment loan', zh: '设备借用' });
    for (const type of types) expect([type, loan.properties[nameOf(fieldOf(type).label)]?.['x-type']]).toEqual([type, type]);
    expect(loan.required).toEqual(['item']);
    expect(loan.properties.status['x-options']!.map((o) => o.value)).toEqual(STATES);
    expect(loan.properties.for_customer['x-relation']).toMatchObject({ entity: 'customer' });
    expect(loan.properties.spare_batteries).toMatchObject({ 'x-formula': 'quantity * 2', 'x-formula-type': 'number' });
    expect(loan.properties.loans_of_this_borrower['x-rollup']).toEqual({ entity: ENTITY, match: { field: 'borrower', equals: 'borrower' }, fn: 'count' });
    const layout = app.layouts.find((l) => l.entity === ENTITY)!;
    expect(layout.sections[0].visibleWhen).toEqual({ off_site_reason: 'off_site == true' });

    const view = app.views!.find((v) => v.entity === ENTITY)!;
    expect(view).toMatchObject({ kind: 'list', filter: { and: [{ status: { eq: 'lent' } }] } });
    const card = app.dashboards!.flatMap((d) => d.cards).find((c) => c.id === cardId)!;
    expect(card).toMatchObject({ entity: ENTITY, chart: 'number', filter: { and: [{ status: { in: ['lent', 'overdue'] } }] } });

    const machine = app.workflows!.find((w) => w.entity === ENTITY)!.machine;
    expect(machine.initial).toBe('draft');
    expect(machine.states.draft.on!.SUBMIT).toEqual({ target: 'reviewing', actions: [{ type: 'startApproval' }] });
    expect(machine.states.reviewing.approval).toMatchObject({ steps: [{ approvers: { kind: 'role', roles: ['sales_manager'] } }], onApproved: 'APPROVE' });
    expect(machine.states.reviewing.on!.APPROVE.target).toBe('lent');
    expect(machine.states.lent.after).toEqual({
      [String(7 * 24 * 3600 * 1000)]: { target: 'overdue', actions: [{ type: 'notify', params: { template: { en: '{{item}} is overdue.', zh: '{{item}} 已逾期未还。' }, to: ['owner.manager'] } }] },
    });
    expect(machine.states.lent.on!.RETURN.target).toBe('returned');
    expect(machine.states.overdue.on!.RETURN.target).toBe('returned');
    expect(machine.states.returned.type).toBe('final');

    const roles = app.permissions!.roles;
    expect(roles.sales_rep.entities[ENTITY]).toEqual({ actions: ['read', 'create', 'update', 'transition'], scope: 'own', fields: { deposit: 'hidden' } });
    expect(roles.sales_manager.entities[ENTITY]).toMatchObject({ scope: 'all', actions: expect.arrayContaining(['read', 'create', 'update', 'delete', 'approve', 'transition']) });
    expect(roles.management.entities[ENTITY]).toEqual({ actions: ['read'], scope: 'all' });
  }, 600_000);

  it('a sales rep creates two loans and submits one; the reason shows only off site; the deposit never shows', async () => {
    counter.phase('app: rep');
    const rep = await signIn(REP.username, REP.password);
    const r = counter.ui(rep);
    await r.click(`nav-${ENTITY}`);
    await r.click('record-new');
    await rep.locator('#root_item').waitFor();
    // Hidden from reps: not in the form at all.
    expect(await rep.locator('#root_deposit').count()).toBe(0);
    expect(await rep.locator('#root_off_site_reason').count()).toBe(0);
    await r.fill(rep.locator('#root_item'), 'Projector P-7');
    await r.fill(rep.locator('#root_quantity'), '2');
    await r.check(rep.locator('#root_off_site'));
    await r.fill(rep.locator('#root_off_site_reason'), 'Customer demo in Suzhou');
    await r.click('record-save');
    await rep.getByTestId(`record-list-${ENTITY}`).waitFor();
    await r.click('record-new');
    await r.fill(rep.locator('#root_item'), 'Tripod T-2');
    await r.click('record-save');
    await rep.getByTestId('record-row').filter({ hasText: 'Tripod T-2' }).waitFor();
    await r.click(rep.getByTestId('record-row').filter({ hasText: 'Projector P-7' }));
    await rep.getByTestId('workflow-state').waitFor();
    expect(await rep.getByText('Deposit', { exact: true }).count()).toBe(0);
    await r.click('transition-SUBMIT');
    await rep.getByTestId('workflow-state').filter({ hasText: /reviewing/i }).waitFor();

    const repClient = await server.login(REP.username, REP.password);
    const rows = (await repClient.call('GET', `/api/${ENTITY}s`)).body.data as Array<Record<string, unknown>>;
    const submitted = rows.find((row) => row.item === 'Projector P-7')!;
    expect(submitted).toMatchObject({ quantity: 2, off_site: true, off_site_reason: 'Customer demo in Suzhou', status: 'reviewing', spare_batteries: 4 });
    expect(submitted).not.toHaveProperty('deposit');
    loanId = String(submitted.id);
    // The approval's outcome is not the rep's to take.
    expect((await repClient.call('POST', `/api/${ENTITY}s/${loanId}/transitions/APPROVE`, {})).status).toBe(403);
  }, 300_000);

  it('the sales manager approves it in the inbox, then finds it in the filtered view and card', async () => {
    counter.phase('app: manager');
    const manager = await signIn(MANAGER.username, MANAGER.password);
    const m = counter.ui(manager);
    await m.click('nav-approvals');
    const row = manager.getByTestId('inbox-row').filter({ hasText: 'Projector P-7' });
    await m.click(row.getByTestId('inbox-approve'));
    await m.click('approval-submit');
    await row.waitFor({ state: 'detached' });
    expect((await server.admin.call('GET', `/api/${ENTITY}s/${loanId}`)).body.data.status).toBe('lent');

    const { app } = await published();
    const view = app.views!.find((v) => v.entity === ENTITY)!;
    await m.click(`nav-${ENTITY}`);
    await m.select('list-view-picker', view.name);
    await manager.getByTestId('record-row').filter({ hasText: 'Projector P-7' }).waitFor();
    expect(await manager.getByTestId('record-row').filter({ hasText: 'Tripod T-2' }).count()).toBe(0);
    // The manager sees what reps may not.
    await m.click(manager.getByTestId('record-row').filter({ hasText: 'Projector P-7' }));
    await manager.getByTestId('workflow-state').filter({ hasText: /lent/i }).waitFor();
    await manager.getByText('Deposit', { exact: true }).first().waitFor();

    const dashboard = app.dashboards!.find((d) => d.cards.some((c) => c.entity === ENTITY))!;
    const card = dashboard.cards.find((c) => c.entity === ENTITY)!;
    await m.click('nav-dashboard');
    await m.click(`dashboard-tab-${dashboard.name}`);
    await manager.getByTestId(`figure-${card.id}`).filter({ hasText: /^1$/ }).waitFor();
    await screenshot(manager, 'app-module-dashboard');

    const scenario = Object.entries(counter.phases);
    console.log(`issue 17 Equipment loans module (${types.length} field types): ${counter.total()} UI actions (${scenario.map(([k, v]) => `${k} ${v}`).join(', ')})`);
    expect(counter.total()).toBeLessThanOrEqual(maxSteps(types.length));
  }, 300_000);
});
