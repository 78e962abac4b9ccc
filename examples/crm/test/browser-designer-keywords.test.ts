/**
 * Issue 17, the designer covers all of metadata: a field type's settings rendered from its
 * keyword schema (an autonumber's format, a file field's size and types, a currency's scale),
 * a composite unique index in the entity settings and a workflow state's label; then the
 * keywords that were follow-ups (a calendar view, a state's record lock, a field that names a
 * person, a public form). Each set through the UI only, published, and read back from the
 * published app.
 */
import type { Browser, Page } from 'playwright-core';
import type { TestRuntime } from '@tessera/runtime';
import { hasChromium, launchChromium, mouseDrag, newDesktopPage, openDesigner, screenshot, startExampleApp } from './browser-harness';

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
    server = await startExampleApp();
    browser = await launchChromium();
    page = await newDesktopPage(browser);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('sets type settings, a unique index and a state label in the UI, and publishes them', async () => {
    await openDesigner(page, server.url);

    await click('entity-new');
    await fill('entity-label-en', 'Issue');
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
    await fill('entity-settings-plural-en', 'Issues');
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
    const ticket = app.entities.find((e) => e['x-name'] === 'issue')!;
    expect(ticket.properties.number['x-format']).toBe('TK-{YYYY}-{0000}');
    expect(ticket.properties.attachment['x-file']).toEqual({ maxSize: 5242880, accept: ['application/pdf', 'image/png'] });
    expect(ticket.properties.amount['x-scale']).toBe(3);
    expect(ticket['x-indexes']).toEqual([{ columns: ['title', 'email'], unique: true }]);
    expect((ticket as Record<string, unknown>)['x-label-plural']).toEqual({ en: 'Issues', zh: '工单列表' });
    const pipeline = app.workflows.find((w) => w.name === 'opportunity_pipeline')!;
    expect(pipeline.machine.states.negotiation.label).toEqual({ en: 'Pending close', zh: '待成交' });

    // The published settings take effect: the autonumber is formatted, the unique index holds.
    const first = await server.admin.call('POST', '/api/issues', { title: 'Printer', email: 'a@example.com', amount: 1.125 });
    expect(first.status).toBe(201);
    // The scale of 3 kept all three decimals.
    expect((first.body as { data: { number: string; amount: number } }).data).toMatchObject({ number: expect.stringMatching(/^TK-\d{4}-0001$/), amount: 1.125 });
    const duplicate = await server.admin.call('POST', '/api/issues', { title: 'Printer', email: 'a@example.com' });
    expect(duplicate.status).toBe(409);
  });
});

interface FollowUpApp {
  app: {
    entities: Array<{ 'x-name': string; properties: Record<string, Record<string, unknown>> }>;
    views: Array<Record<string, unknown> & { name: string }>;
    layouts: Array<{ sections: Array<{ fields: string[] }>; public?: { slug: string } & Record<string, unknown> }>;
    workflows: Array<{ name: string; machine: { states: Record<string, { lock?: unknown }> } }>;
  };
}

describeBrowser('designer: calendar views, state locks, personal data and public forms (issue 17 follow-ups)', () => {
  let server: TestRuntime;
  let browser: Browser;
  let page: Page;
  const click = (id: string) => page.getByTestId(id).click();
  const select = (id: string, value: string) => page.getByTestId(id).selectOption(value);

  beforeAll(async () => {
    server = await startExampleApp();
    browser = await launchChromium();
    page = await newDesktopPage(browser);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('sets a calendar view, a state lock, a field\'s personal data and a public form in the UI, publishes them, and they take effect', async () => {
    await openDesigner(page, server.url);

    // A lead's company names a person's employer: personal data. An email field is by default.
    await click('entity-lead');
    await click('edit-field-company');
    await page.getByTestId('field-editor').waitFor();
    expect(await page.getByTestId('edit-personal').isChecked()).toBe(false);
    await page.getByTestId('edit-personal').check();
    await click('edit-apply');
    await page.getByTestId('field-editor').waitFor({ state: 'detached' });
    await click('edit-field-email');
    expect(await page.getByTestId('edit-personal').isChecked()).toBe(true);
    await click('edit-close');

    // A second web-to-lead form for trade shows: its own address and texts, the source preset.
    await click('public-forms-open');
    await click('public-form-new');
    await page.getByTestId('public-form-slug').fill('contact-us');
    expect(await page.getByTestId('public-form-problems').innerText()).toContain('"contact-us"');
    await page.getByTestId('public-form-slug').fill('trade-show');
    await page.getByTestId('public-form-title-en').fill('Met us at the fair?');
    await page.getByTestId('public-form-title-zh').fill('展会上见过我们？');
    await page.getByTestId('public-form-thanks-en').fill('Thank you!');
    await page.getByTestId('public-form-thanks-zh').fill('谢谢！');
    await select('public-form-submit-as', 'webform');
    await page.getByTestId('public-form-field-source').uncheck();
    await click('public-form-default-add');
    await select('public-form-default-0-field', 'source');
    await select('public-form-default-0-value', 'trade_show');
    await page.getByTestId('public-form-captcha').uncheck();
    await click('public-form-apply');
    await page.getByTestId('public-form-trade-show').waitFor();

    // A calendar of contracts, from signing to end, titled by name.
    await click('page-views');
    await select('view-new-entity', 'contract');
    await click('view-new-calendar');
    await page.getByTestId('view-calendar').waitFor();
    await select('view-start-field', 'signed_at');
    await select('view-end-field', 'end_date');
    await select('view-title-field', 'name');
    expect(await page.getByTestId('view-field-add').count()).toBe(0); // a calendar has no columns

    // A new lead's company is locked; sales managers (not administrators) may still change it.
    await click('page-workflows');
    await select('workflow-pick', 'lead_qualification');
    await click('wf-state-new');
    await page.getByTestId('state-lock-on').check();
    expect(await page.getByTestId('state-lock-except-admin').isChecked()).toBe(true);
    await page.getByTestId('state-lock-some').check();
    await page.getByTestId('state-lock-fields').getByRole('alert').waitFor();
    await page.getByTestId('state-lock-field-company').check();
    await page.getByTestId('state-lock-except-admin').uncheck();
    await page.getByTestId('state-lock-except-sales_manager').check();
    await screenshot(page, 'designer-state-lock');

    await click('plan-preview');
    await click('plan-publish');
    await page.getByTestId('publish-success').waitFor();

    const { app } = (await server.admin.call('GET', '/api/_meta/app')).body as FollowUpApp;
    const webForm = app.layouts.find((l) => l.public?.slug === 'trade-show')!;
    expect(webForm.public).toEqual({ slug: 'trade-show', title: { en: 'Met us at the fair?', zh: '展会上见过我们？' }, thanks: { en: 'Thank you!', zh: '谢谢！' }, submitAs: 'webform', defaults: { source: 'trade_show' }, captcha: false });
    expect(webForm.sections.flatMap((s) => s.fields)).toEqual(expect.arrayContaining(['name', 'company', 'email']));
    expect(webForm.sections.flatMap((s) => s.fields)).not.toContain('source');
    const formPage = await fetch(`${server.url}/forms/trade-show?lang=zh`);
    expect([formPage.status, await formPage.text()]).toEqual([200, expect.stringContaining('展会上见过我们？')]);
    const lead = app.entities.find((e) => e['x-name'] === 'lead')!;
    expect(lead.properties.company['x-personal']).toBe(true);
    expect(lead.properties.email).not.toHaveProperty('x-personal');
    expect(app.views.find((v) => v.name === 'contract_calendar')).toEqual({
      name: 'contract_calendar', entity: 'contract', kind: 'calendar', label: { en: 'Contract calendar', zh: '合同日历' },
      startField: 'signed_at', endField: 'end_date', titleField: 'name',
    });
    const workflow = app.workflows.find((w) => w.name === 'lead_qualification')!;
    expect(workflow.machine.states.new.lock).toEqual({ fields: ['company'], except: ['sales_manager'] });

    // The published lock holds: the administrator is not excepted, so a new lead's company stays.
    const created = await server.admin.call('POST', '/api/leads', { name: 'Ada Chen', company: 'Acme' });
    expect(created.status).toBe(201);
    const id = (created.body as { data: { id: string } }).data.id;
    const locked = await server.admin.call('PATCH', `/api/leads/${id}`, { company: 'Other' });
    expect([locked.status, (locked.body as { error: { code: string } }).error.code]).toEqual([409, 'record_locked']);
    expect((await server.admin.call('PATCH', `/api/leads/${id}`, { name: 'Ada Chen-Li' })).status).toBe(200);
  });
});
