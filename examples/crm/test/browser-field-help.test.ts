/**
 * Field help in two languages (issue 16): written in the designer's field inspector in English
 * and Chinese, published, and shown under the field in the end-user form in the user's language.
 */
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { createTestRuntime, forEachDatabase, type TestRuntime } from '@tessera/runtime';
import { ensureWebBuilt, exampleDir, hasChromium, launchChromium, mouseDrag, newDesktopPage, openDesigner } from './browser-harness';

if (!hasChromium) console.warn('browser tests skipped: /usr/bin/chromium not found');
const forEachBrowserDatabase = hasChromium ? forEachDatabase : (name: string, _body: unknown) => describe.skip(name, () => undefined);

forEachBrowserDatabase('field help in English and Chinese', (getCtx) => {
  let server: TestRuntime;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    ensureWebBuilt();
    server = await createTestRuntime({ databaseUrl: getCtx().databaseUrl, appDir: exampleDir, webDir: path.join(exampleDir, 'dist/app'), designerDir: path.join(exampleDir, 'dist/designer'), demoUsers: true });
    browser = await launchChromium();
    page = await newDesktopPage(browser);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('is edited in both languages in the designer and shown in the user\'s language in the form', async () => {
    await openDesigner(page, server.url);
    await page.getByTestId('entity-new').click();
    await page.getByTestId('entity-label-en').fill('Visit');
    await page.getByTestId('entity-label-zh').fill('拜访');
    await page.getByTestId('entity-create').click();
    await mouseDrag(page, 'palette-text', 'canvas-dropzone');
    await page.getByTestId('inspector').waitFor();
    await page.getByTestId('inspector-label-en').fill('Signer');
    await page.getByTestId('inspector-add').click();
    await page.getByTestId('inspector').waitFor({ state: 'detached' });

    await page.getByTestId('edit-field-signer').click();
    await page.getByTestId('field-editor').waitFor();
    await page.getByTestId('edit-description').fill('Who signs the visit report.');
    await page.getByTestId('edit-description-zh').fill('签署拜访报告的人。');
    await page.getByTestId('edit-apply').click();
    await page.getByTestId('plan-preview').click();
    await page.getByTestId('plan-publish').click();
    await page.getByTestId('publish-success').waitFor();

    const { app } = (await server.admin.call('GET', '/api/_meta/app')).body as { app: { entities: { 'x-name': string; properties: Record<string, { description?: unknown }> }[] } };
    const visit = app.entities.find((e) => e['x-name'] === 'visit')!;
    expect(visit.properties.signer.description).toEqual({ en: 'Who signs the visit report.', zh: '签署拜访报告的人。' });

    // The inspector reads both back.
    await page.getByTestId('edit-field-signer').click();
    expect(await page.getByTestId('edit-description-zh').inputValue()).toBe('签署拜访报告的人。');

    await page.goto(`${server.url}/#/visits/new`);
    await page.getByTestId('record-form').waitFor();
    await page.getByText('Who signs the visit report.').waitFor();
    await page.getByTestId('language-switch').selectOption('zh');
    await page.getByText('签署拜访报告的人。').waitFor();
    expect(await page.getByText('Who signs the visit report.').count()).toBe(0);
    await page.getByTestId('language-switch').selectOption('en');
  });
});
