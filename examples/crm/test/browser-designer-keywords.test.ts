/**
 * Issue 17, the designer covers all of metadata: a field type's settings rendered from its
 * keyword schema (an autonumber's format, a file field's size and types, a currency's scale),
 * a composite unique index in the entity settings and a workflow state's label, set through
 * the UI only, published, and read back from the published app.
 */
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { createTestRuntime, DEMO_ADMIN_PASSWORD, type TestRuntime } from '@tessera/runtime';
import { ensureWebBuilt, exampleDir, hasChromium, launchChromium, mouseDrag, screenshot, signIn } from './browser-harness';

const describeBrowser = hasChromium ? describe : describe.skip;

interface PublishedApp {
  app: {
    entities: Array<{ 'x-name': string; 'x-indexes'?: unknown[]; properties: Record<string, Record<string, unknown>> }>;
    workflows: Array<{ name: string; machine: { states: Record<string, { label?: { en: string; zh?: string } }> } }>;
  };
}

describeBrowser('designer: every keyword has an editor (issue 17)', () => {
  let server: TestRuntime;
  let browser: Browser;
  let page: Page;
  const click = (id: string) => page.getByTestId(id).click();
  const fill = (id: string, value: string) => page.getByTestId(id).fill(value);
  const addField = async (type: string, label: string, extra: () => Promise<void> = async () => {}) => {
    await mouseDrag(page, `palette-${type}`, 'canvas-dropzone');
    await page.getByTestId('inspector').waitFor();
    await fill('inspector-label-en', label);
    await extra();
    await click('inspector-add');
    await page.getByTestId('inspector').waitFor({ state: 'detached' });
  };

  beforeAll(async () => {
    ensureWebBuilt();
    server = await createTestRuntime({ appDir: exampleDir, webDir: path.join(exampleDir, 'dist/app'), designerDir: path.join(exampleDir, 'dist/designer'), demoUsers: true });
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1360, height: 900 }, locale: 'en-US' });
    page.on('pageerror', (error) => console.error('page error:', error.message));
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('sets type settings, a unique index and a state label in the UI, and publishes them', async () => {
    await signIn(page, server.url, 'admin', DEMO_ADMIN_PASSWORD);
    await page.goto(server.url + '/designer/');
    await page.getByTestId('palette-text').waitFor();

    await click('entity-new');
    await fill('entity-label-en', 'Ticket');
    await fill('entity-label-zh', '工单');
    await click('entity-create');
    await addField('text', 'Title');
    await addField('email', 'Email');
    // The settings come from each type's keyword schema; its default is the placeholder.
    await addField('autonumber', 'Number', async () => {
      expect(await page.getByTestId('kw-x-format').getAttribute('placeholder')).toBe('{000000}');
      await fill('kw-x-format', 'TK-{YYYY}-{0000}');
    });
    // A file field starts with the type's default upload settings, so it can be added at all.
    await addField('file', 'Attachment', async () => {
      expect(await page.getByTestId('kw-x-file-maxSize').inputValue()).toBe('10485760');
      await fill('kw-x-file-maxSize', '0');
      await page.getByTestId('kw-x-file-maxSize-problem').waitFor();
      expect(await page.getByTestId('inspector-add').isDisabled()).toBe(true);
      await fill('kw-x-file-maxSize', '5242880');
      await fill('kw-x-file-accept', 'application/pdf, image/png');
    });
    await addField('currency', 'Amount');
    // An existing field's settings are edited the same way.
    await click('edit-field-amount');
    await page.getByTestId('field-editor').waitFor();
    await fill('kw-x-scale', '3');
    await click('edit-apply');

    await click('entity-settings-open');
    await fill('entity-settings-plural-en', 'Tickets');
    await fill('entity-settings-plural-zh', '工单列表');
    await click('entity-index-add');
    await fill('entity-index-0-columns', 'title, email');
    await click('entity-index-0-unique');
    await screenshot(page, 'designer-entity-settings');
    await click('entity-settings-apply');

    await click('page-workflows');
    await page.getByTestId('workflow-pick').selectOption('opportunity_pipeline');
    await click('wf-state-negotiation');
    await fill('state-label-en', 'Pending close');
    await fill('state-label-zh', '待成交');

    await click('plan-preview');
    await click('plan-publish');
    await page.getByTestId('publish-success').waitFor();

    const { app } = (await server.admin.call('GET', '/api/_meta/app')).body as PublishedApp;
    const ticket = app.entities.find((e) => e['x-name'] === 'ticket')!;
    expect(ticket.properties.number['x-format']).toBe('TK-{YYYY}-{0000}');
    expect(ticket.properties.attachment['x-file']).toEqual({ maxSize: 5242880, accept: ['application/pdf', 'image/png'] });
    expect(ticket.properties.amount['x-scale']).toBe(3);
    expect(ticket['x-indexes']).toEqual([{ columns: ['title', 'email'], unique: true }]);
    expect((ticket as Record<string, unknown>)['x-label-plural']).toEqual({ en: 'Tickets', zh: '工单列表' });
    const pipeline = app.workflows.find((w) => w.name === 'opportunity_pipeline')!;
    expect(pipeline.machine.states.negotiation.label).toEqual({ en: 'Pending close', zh: '待成交' });

    // The published settings take effect: the autonumber is formatted, the unique index holds.
    const first = await server.admin.call('POST', '/api/tickets', { title: 'Printer', email: 'a@example.com', amount: 1.125 });
    expect(first.status).toBe(201);
    // The scale of 3 kept all three decimals.
    expect((first.body as { data: { number: string; amount: number } }).data).toMatchObject({ number: expect.stringMatching(/^TK-\d{4}-0001$/), amount: 1.125 });
    const duplicate = await server.admin.call('POST', '/api/tickets', { title: 'Printer', email: 'a@example.com' });
    expect(duplicate.status).toBe(409);
  }, 120_000);
});
