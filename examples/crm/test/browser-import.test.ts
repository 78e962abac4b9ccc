/**
 * Issue 20 in a real browser on the example CRM: a sales manager imports a small CSV of
 * customers through the import screen — the columns match the fields by their labels, the
 * preview shows the one bad row's problem in the user's words, the run ends with counts, the
 * rejected row downloads with its reason, and the import reverts (and a revert after a newer
 * edit is refused with the reason).
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { TestRuntime } from '@tessera/runtime';
import { readFile } from 'node:fs/promises';
import { hasChromium, launchChromium, signIn, startExampleApp } from './browser-harness';

if (!hasChromium) console.warn('browser tests skipped: /usr/bin/chromium not found');
const describeBrowser = hasChromium ? describe : describe.skip;

const CSV = ['Name,Customer level,Phone', 'Importwerk Alpha GmbH,A,13800000001', 'Importwerk Beta GmbH,Z,13800000002', 'Importwerk Gamma GmbH,B,13800000003', ''].join('\r\n');

describeBrowser('import screen: map, preview errors, run, rejected rows, revert', () => {
  let server: TestRuntime;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    server = await startExampleApp();
    browser = await launchChromium();
    context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-US', acceptDownloads: true });
    page = await context.newPage();
    page.on('pageerror', (error) => console.error('page error:', error.message));
    page.on('dialog', (dialog) => void dialog.accept());
    await signIn(page, server.url, 'manager', 'manager-demo-123');
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  const customersNamed = async (prefix: string) => {
    const res = await server.admin.call('GET', `/api/customers?${new URLSearchParams({ 'filter[name][startsWith]': prefix, fields: 'id,name', sort: 'name' })}`);
    return res.body.data as { id: string; name: string }[];
  };

  async function importFile(name: string, csv: string) {
    await page.goto(`${server.url}/#/customers`);
    await page.getByTestId('import-open').click();
    await page.getByTestId('import-file').setInputFiles({ name, mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await page.getByTestId('import-preview').waitFor();
  }

  it('maps by label, shows the bad cell, imports, offers the rejected row and reverts', async () => {
    await importFile('customers.csv', CSV);
    // Auto-matched on the field labels; each editable.
    expect(await page.getByTestId('import-map-Name').inputValue()).toBe('name');
    expect(await page.getByTestId('import-map-Customer level').inputValue()).toBe('level');
    expect(await page.getByTestId('import-map-Phone').inputValue()).toBe('phone');
    // Row 3 of the file has a level that is not an option: said so under that cell.
    const bad = page.getByTestId('import-row-3').getByTestId('import-cell-error');
    expect(await bad.textContent()).toMatch(/"Z" is not one of the options/);
    expect(await page.getByTestId('import-row-2').getByTestId('import-cell-error').count()).toBe(0);
    // Unmapping a column re-runs the preview: no level, no error.
    await page.getByTestId('import-map-Customer level').selectOption('');
    await page.getByTestId('import-row-3').waitFor();
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="import-cell-error"]').length === 0);
    await page.getByTestId('import-map-Customer level').selectOption('level');
    await page.getByTestId('import-row-3').getByTestId('import-cell-error').waitFor();

    await page.getByTestId('import-mode-skip').check();
    await page.getByTestId('import-start').click();
    await page.getByTestId('import-result').waitFor();
    const counts = await page.getByTestId('import-counts').textContent();
    expect(counts).toContain('Created: 2');
    expect(counts).toContain('Rejected: 1');
    expect((await customersNamed('Importwerk')).map((c) => c.name)).toEqual(['Importwerk Alpha GmbH', 'Importwerk Gamma GmbH']);

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('import-rejected').click()]);
    const rejected = await readFile((await download.path())!, 'utf8');
    expect(rejected).toContain('Importwerk Beta GmbH');
    expect(rejected).toContain('Customer level: ""Z"" is not one of the options');
    expect(rejected).not.toContain('Importwerk Alpha');

    await page.getByTestId('import-revert').click();
    await page.waitForFunction(() => document.querySelector('[data-testid="import-status"]')?.textContent?.includes('reverted'));
    expect(await customersNamed('Importwerk')).toEqual([]);
  });

  it('refuses to revert once a newer edit touched an imported record, and says why', async () => {
    await importFile('again.csv', ['Name,Customer level', 'Revertcheck Delta AG,C', ''].join('\r\n'));
    await page.getByTestId('import-start').click();
    await page.getByTestId('import-result').waitFor();
    const [record] = await customersNamed('Revertcheck');
    const edited = await server.admin.call('PATCH', `/api/customers/${record.id}`, { level: 'A' });
    expect(edited.status).toBe(200);
    await page.getByTestId('import-revert').click();
    expect(await page.getByTestId('error-banner').textContent()).toContain('were changed since; nothing was reverted');
    expect((await customersNamed('Revertcheck')).map((c) => c.name)).toEqual(['Revertcheck Delta AG']);
  });
});
