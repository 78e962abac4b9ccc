/**
 * Plugin UI contributions in a real browser (issue 9): the dedup plugin's "possible
 * duplicates" record panel, the lead-scoring dashboard card (through the aggregate API), and a
 * test-only panel that throws — its error boundary shows a localized message while the rest
 * of the record page keeps working. The app is the example CRM's, bundled with that extra panel.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { build } from 'esbuild';
import type { Browser, Page } from 'playwright-core';
import { definePlugin } from '@tessera/engine';
import { dedupPlugin } from '@tessera/plugin-dedup';
import { leadScoringPlugin } from '@tessera/plugin-lead-scoring';
import { createTestRuntime, DEMO_ADMIN_PASSWORD, type TestRuntime } from '@tessera/runtime';
import { exampleDir, hasChromium, launchChromium, screenshot, signIn } from './browser-harness';

if (!hasChromium) console.warn('browser tests skipped: /usr/bin/chromium not found');
const describeBrowser = hasChromium ? describe : describe.skip;

/** The server half of the broken panel's plugin: it only has to be loaded and enabled. */
const boomPlugin = definePlugin({ name: '@test/plugin-boom', version: '1.0.0' });

/** Bundles test/plugin-ui-app.tsx like scripts/build-web.mjs bundles the example app. */
async function buildApp(outdir: string): Promise<void> {
  await build({
    entryPoints: { main: path.join(__dirname, 'plugin-ui-app.tsx') },
    bundle: true, splitting: true, format: 'esm', outdir, publicPath: '/', target: ['es2022'], jsx: 'automatic',
    loader: { '.svg': 'dataurl', '.png': 'dataurl' }, define: { 'process.env.NODE_ENV': '"production"' }, logLevel: 'error',
  });
  writeFileSync(path.join(outdir, 'index.html'), '<!doctype html><html lang="en"><head><meta charset="utf-8" /><link rel="stylesheet" href="/main.css" /></head><body><div id="root"></div><script type="module" src="/main.js"></script></body></html>');
}

describeBrowser('plugin record panels and dashboard cards in the browser', () => {
  let server: TestRuntime;
  let browser: Browser;
  let page: Page;
  let webDir: string;
  let acmeId: string;
  let lonelyId: string;

  const call = async (method: string, pathname: string, body?: unknown) => {
    const response = await server.admin.call(method, pathname, body);
    if (response.status >= 300) throw new Error(`${method} ${pathname}: ${response.status} ${response.text}`);
    return response.body;
  };

  beforeAll(async () => {
    webDir = mkdtempSync(path.join(os.tmpdir(), 'tessera-plugin-ui-'));
    await buildApp(webDir);
    server = await createTestRuntime({ appDir: exampleDir, webDir, plugins: [dedupPlugin, leadScoringPlugin, boomPlugin], demoUsers: true });
    // Two spellings of one company, stored while dedup was off (as an import before the plugin would be).
    await call('POST', '/api/_meta/plugins/@tessera/plugin-dedup/disable');
    const first = await call('POST', '/api/customers', { name: 'Acme Trading Co., Ltd.', industry: 'retail', level: 'B' });
    acmeId = (await call('POST', '/api/customers', { name: 'ACME Trading', industry: 'retail', level: 'C' })).data.id;
    expect(first.data.id).not.toBe(acmeId);
    await call('POST', '/api/_meta/plugins/@tessera/plugin-dedup/enable', {});
    lonelyId = (await call('POST', '/api/customers', { name: 'Quiet Harbour Foods', industry: 'retail', level: 'D' })).data.id;
    await call('POST', '/api/_meta/plugins/@tessera/plugin-lead-scoring/enable', {
      settings: { rules: [{ field: 'email', op: 'notNull', points: 20 }, { field: 'phone', op: 'notNull', points: 30 }], target: { entity: 'lead', field: 'score' } },
    });
    for (const lead of [{ name: 'L1', email: 'a@x.cn', phone: '13800000001' }, { name: 'L2', email: 'b@x.cn', phone: '13800000002' }, { name: 'L3', email: 'c@x.cn' }, { name: 'L4' }]) {
      await call('POST', '/api/leads', lead);
    }
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1440, height: 900 }, locale: 'en-US' });
    page.on('pageerror', (error) => console.error('page error:', error.message));
    await signIn(page, server.url, 'admin', DEMO_ADMIN_PASSWORD);
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    if (webDir) rmSync(webDir, { recursive: true, force: true });
  });

  it('shows the seeded duplicate in the dedup panel, beside a broken panel that does not break the page', async () => {
    await page.goto(`${server.url}/#/customers/${acmeId}`);
    const candidate = page.getByTestId('plugin-panel-duplicates').getByTestId('dedup-candidate');
    await candidate.waitFor();
    expect(await candidate.allTextContents()).toEqual(['Acme Trading Co., Ltd. (same name)']);
    const broken = page.getByTestId('plugin-panel-boom').getByTestId('plugin-error');
    await broken.waitFor();
    expect(await broken.textContent()).toBe('“Broken panel” could not be shown: the plugin @test/plugin-boom ran into an error. The rest of the page works as usual.');
    await screenshot(page, 'app-plugin-panels');

    // The rest of the page still works: edit and save the record through its form.
    await page.locator('#root_email').fill('hello@acme-trading.example');
    await page.getByTestId('record-save').click();
    await page.getByTestId('list-range').waitFor();
    expect((await call('GET', `/api/customers/${acmeId}`)).data.email).toBe('hello@acme-trading.example');
  });

  it('says so when there is no duplicate, in Chinese too', async () => {
    await page.goto(`${server.url}/#/customers/${lonelyId}`);
    await page.getByTestId('dedup-none').waitFor();
    expect(await page.getByTestId('dedup-none').textContent()).toBe('No possible duplicates.');
    await page.evaluate(() => localStorage.setItem('tessera.locale', 'zh'));
    await page.reload();
    await page.getByTestId('dedup-none').filter({ hasText: '没有疑似重复的记录。' }).waitFor();
    expect(await page.getByTestId('plugin-panel-boom').getByTestId('plugin-error').textContent()).toContain('无法显示「出错的面板」');
    await page.evaluate(() => localStorage.setItem('tessera.locale', 'en'));
    await page.reload();
  });

  it('shows the lead-scoring card on the dashboard, from the aggregate API', async () => {
    await page.goto(`${server.url}/#/_dashboard`);
    const buckets = page.getByTestId('plugin-card-score-distribution').getByTestId('score-bucket');
    await buckets.first().waitFor();
    expect(await buckets.allTextContents()).toEqual(['502', '201', '01']);
  });

  it('hides a disabled plugin\'s panel', async () => {
    await call('POST', '/api/_meta/plugins/@tessera/plugin-dedup/disable');
    await page.goto(`${server.url}/#/customers/${lonelyId}`);
    await page.getByTestId('plugin-panel-boom').waitFor();
    expect(await page.getByTestId('plugin-panel-duplicates').count()).toBe(0);
  });
});
