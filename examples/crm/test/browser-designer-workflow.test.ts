/**
 * Issue 8, workflows on a canvas: from the designer alone, draw a contract workflow (a
 * transition by dragging between two states, a notify action with params, an `after` timer),
 * publish it, take the transition on a record in the end-user app; then import a machine
 * exported from Stately's editor and see it on the canvas. Counts the UI steps it takes.
 */
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import type { AppDefinition } from '@tessera/metadata';
import { createTestRuntime, DEMO_ADMIN_PASSWORD, loadAppDir, type TestRuntime } from '@tessera/runtime';
import { ensureWebBuilt, exampleDir, hasChromium, launchChromium, screenshot } from './browser-harness';

const describeBrowser = hasChromium ? describe : describe.skip;

/**
 * The example as it was before contracts had a workflow: without the shipped contract approval
 * and its two approval states, so the contract's status is free to be drawn from scratch here.
 */
async function appWithoutContractWorkflow(): Promise<AppDefinition> {
  const loaded = await loadAppDir(exampleDir);
  if (!loaded.ok) throw new Error('the example app does not load');
  const app = loaded.app;
  expect(app.workflows!.map((w) => w.name)).toContain('contract_approval');
  app.workflows = app.workflows!.filter((w) => w.entity !== 'contract');
  const status = app.entities.find((e) => e['x-name'] === 'contract')!.properties.status as { 'x-options': { value: string }[] };
  status['x-options'] = status['x-options'].filter((o) => o.value !== 'pending_approval' && o.value !== 'approved');
  return app;
}
const options = async () => ({ app: await appWithoutContractWorkflow(), appDir: exampleDir, webDir: path.join(exampleDir, 'dist/app'), designerDir: path.join(exampleDir, 'dist/designer'), demoUsers: true });

// As Stately's editor exports it: context, an entry action and a string target the importer converts.
const statelyExport = {
  id: 'orderFulfilment',
  initial: 'pending',
  context: { lines: [] },
  states: {
    pending: { entry: ['resetForm'], on: { confirm: 'confirmed', cancel: { target: 'cancelled' } } },
    confirmed: { on: { ship: { target: 'shipped', actions: [{ type: 'notify', params: { template: 'Order {{name}} shipped', to: ['owner'] } }] } } },
    shipped: { on: { deliver: 'completed' } },
    completed: { type: 'final' },
    cancelled: { type: 'final' },
  },
};

describeBrowser('designer: a workflow on the canvas, published and used (issue 8)', () => {
  let server: TestRuntime;
  let browser: Browser;
  let page: Page;
  let steps = 0;
  const click = async (id: string) => { steps++; await page.getByTestId(id).click(); };
  const fill = async (id: string, value: string) => { steps++; await page.getByTestId(id).fill(value); };
  const select = async (id: string, value: string) => { steps++; await page.getByTestId(id).selectOption(value); };
  /** Drags from one state's outgoing handle to another's incoming one, as a user draws an edge. */
  const connect = async (from: string, to: string) => {
    steps++;
    const a = (await page.getByTestId(`wf-out-${from}`).boundingBox())!;
    const b = (await page.getByTestId(`wf-in-${to}`).boundingBox())!;
    await page.mouse.move(a.x + a.width / 2, a.y + a.height / 2);
    await page.mouse.down();
    await page.mouse.move(a.x + 30, a.y + 20, { steps: 5 });
    await page.mouse.move(b.x + b.width / 2, b.y + b.height / 2, { steps: 20 });
    await page.mouse.up();
  };
  const publish = async () => {
    await click('publish');
    await Promise.race([page.getByTestId('publish-success').waitFor(), page.getByTestId('plan-dialog').waitFor()]);
    if (await page.getByTestId('plan-dialog').isVisible()) await click('plan-publish');
    await page.getByTestId('publish-success').waitFor();
  };

  beforeAll(async () => {
    ensureWebBuilt();
    server = await createTestRuntime(await options());
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1500, height: 950 }, locale: 'en-US' });
    page.on('pageerror', (error) => console.error('page error:', error.message));
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('draws the contract workflow on the canvas and publishes it', async () => {
    await page.goto(server.url + '/');
    await fill('login-username', 'admin');
    await fill('login-password', DEMO_ADMIN_PASSWORD);
    await click('login-submit');
    await page.getByTestId('user-menu').waitFor();
    await page.goto(server.url + '/designer/');
    await click('page-workflows');
    await click('workflow-new');
    await select('workflow-binding', 'contract.status');
    await click('workflow-create');
    // The states are the select's options; draft is initial.
    for (const s of ['draft', 'active', 'completed', 'terminated']) await page.getByTestId(`wf-node-${s}`).waitFor();
    expect(await page.getByTestId('wf-node-draft').getAttribute('class')).toContain('d-wf-initial');

    // A transition drawn with the mouse: the event name is asked for and must be upper case.
    await connect('draft', 'active');
    await fill('event-prompt-name', 'activate now');
    expect(await page.getByTestId('event-prompt').getByRole('alert').textContent()).toContain('upper case');
    await fill('event-prompt-name', 'ACTIVATE');
    await click('event-prompt-ok');
    await page.getByTestId('transition-inspector').waitFor();
    await page.locator('.react-flow__edge').filter({ hasText: 'ACTIVATE' }).waitFor();

    // A notify action from the registry: its message written, its recipient picked.
    await select('transition-action-add', 'notify');
    await page.getByTestId('transition-action-0-message-en').fill('Contract {{name}} is active');
    steps++;
    await page.getByTestId('transition-action-0-to-owner').check();
    steps++;

    // The other transitions with the keyboard-friendly form of the state inspector.
    await click('wf-state-active');
    await fill('state-new-event', 'COMPLETE');
    await select('state-new-target', 'completed');
    await click('state-add-transition');
    await click('wf-state-active');
    await fill('state-new-event', 'TERMINATE');
    await select('state-new-target', 'terminated');
    await click('state-add-transition');
    // A reminder timer: after 2 hours in active.
    await click('wf-state-active');
    await click('timer-add');
    await fill('timer-0-amount', '2');
    await select('timer-0-unit', 'hours');
    await page.getByTestId('wf-node-active').filter({ hasText: '2 h' }).waitFor();
    for (const s of ['completed', 'terminated']) {
      await click(`wf-state-${s}`);
      await click('state-final');
    }
    await screenshot(page, 'designer-workflow-canvas');
    await publish();

    const meta = (await server.admin.call('GET', '/api/_meta/app')).body as { app: { workflows: Array<{ name: string; machine: { initial: string; meta?: unknown; states: Record<string, any> } }> } };
    const wf = meta.app.workflows.find((w) => w.name === 'contract_status')!;
    expect(wf.machine.initial).toBe('draft');
    expect(wf.machine.states.draft.on.ACTIVATE).toEqual({ target: 'active', actions: [{ type: 'notify', params: { template: 'Contract {{name}} is active', to: ['owner'] } }] });
    expect(wf.machine.states.active.after).toEqual({ '7200000': { target: 'active' } });
    expect(Object.keys(wf.machine.states.active.on)).toEqual(['COMPLETE', 'TERMINATE']);
    expect(wf.machine.states.completed.type).toBe('final');
  }, 180_000);

  it('takes the new transition on a contract in the end-user app', async () => {
    const customer = await server.admin.call('POST', '/api/customers', { name: 'Canvas Corp' });
    expect(customer.status).toBe(201);
    const contract = await server.admin.call('POST', '/api/contracts', { name: 'Canvas contract', customer: customer.body.data.id });
    expect(contract.status).toBe(201);
    await page.goto(`${server.url}/#/contracts/${contract.body.data.id}`);
    await page.getByTestId('transition-ACTIVATE').waitFor();
    await click('transition-ACTIVATE');
    await page.getByTestId('workflow-state').filter({ hasText: /active/i }).waitFor();
    const after = await server.admin.call('GET', `/api/contracts/${contract.body.data.id}`);
    expect(after.body.data.status).toBe('active');
  });

  it('imports a machine exported from Stately and shows it on the canvas', async () => {
    await page.goto(server.url + '/designer/');
    await click('page-workflows');
    await click('workflow-import');
    await select('import-binding', 'order.status');
    // A broken export first: every problem is listed with its path and nothing can be added.
    await fill('import-json', JSON.stringify({ ...statelyExport, states: { ...statelyExport.states, shipped: { after: { slow: 'completed' } } } }));
    await click('import-check');
    await page.getByTestId('import-errors').waitFor();
    expect(await page.getByTestId('import-errors').textContent()).toContain('states.shipped.after.slow');
    expect(await page.getByTestId('import-accept').isDisabled()).toBe(true);

    await fill('import-json', JSON.stringify(statelyExport));
    await click('import-check');
    await page.getByTestId('import-ok').waitFor();
    const warnings = await page.getByTestId('import-warnings').textContent();
    expect(warnings).toContain('context');
    expect(warnings).toContain('states.pending.entry');
    await click('import-accept');
    for (const s of ['pending', 'confirmed', 'shipped', 'completed', 'cancelled']) await page.getByTestId(`wf-node-${s}`).waitFor();
    await page.locator('.react-flow__edge').filter({ hasText: 'ship' }).first().waitFor();
    expect(await page.getByTestId('workflow-pick').inputValue()).toBe('order_fulfilment');
    await screenshot(page, 'designer-workflow-import');
    await publish();
    const meta = (await server.admin.call('GET', '/api/_meta/app')).body as { app: { workflows: Array<{ name: string; machine: { states: Record<string, any> } }> } };
    const imported = meta.app.workflows.find((w) => w.name === 'order_fulfilment')!;
    expect(imported.machine.states.confirmed.on.ship.actions).toEqual([{ type: 'notify', params: { template: 'Order {{name}} shipped', to: ['owner'] } }]);
    console.log(`designer workflow scenario: ${steps} UI steps`);
  }, 180_000);
});
