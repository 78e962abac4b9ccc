/**
 * Issue 21 in a real browser: a manager saves "Opportunities by stage" in the report builder,
 * schedules it through the dialog (an every-five-minutes cron is refused with the server's
 * reason shown, then weekly on Friday at 07:30 to the sales reps is stored), downloads its CSV
 * (the same rows as the API's run of it), pins it and sees it as a card on the dashboard drawn
 * from their own numbers, then unpins it from there.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import type { TestRuntime } from '@tessera/runtime';
import { exampleDir, hasChromium, launchChromium, screenshot, signIn, startExampleApp } from './browser-harness';

if (!hasChromium) console.warn('browser tests skipped: /usr/bin/chromium not found');
const describeBrowser = hasChromium ? describe : describe.skip;

type Client = Awaited<ReturnType<TestRuntime['login']>>;
const LABEL = 'Opportunities by stage';
const opportunity = JSON.parse(readFileSync(path.join(exampleDir, 'entities/opportunity.entity.json'), 'utf8')) as { properties: { stage: { 'x-options': { value: string; label: { en: string } }[] } } };
const stageLabel = (value: string) => opportunity.properties.stage['x-options'].find((o) => o.value === value)?.label.en ?? value;

describeBrowser('scheduled, exported and pinned reports', () => {
  let server: TestRuntime;
  let browser: Browser;
  let manager: Client;

  const ok = async (client: Client, method: string, pathname: string, body?: unknown) => {
    const res = await client.call(method, pathname, body);
    if (res.status >= 300) throw new Error(`${method} ${pathname}: ${res.status} ${res.text}`);
    return res.body;
  };

  beforeAll(async () => {
    server = await startExampleApp();
    const sales1 = await server.login('sales1', 'sales1-demo-123');
    for (const [key, advances] of [['a', 0], ['b', 1], ['c', 1]] as const) {
      const customer = (await ok(sales1, 'POST', '/api/customers', { name: `Schedule customer ${key}`, level: 'B' })).data.id;
      const id = (await ok(sales1, 'POST', '/api/opportunities', { name: `Schedule deal ${key}`, customer, amount: 100, expected_close: '2026-12-10' })).data.id;
      for (let i = 0; i < advances; i++) await ok(sales1, 'POST', `/api/opportunities/${id}/transitions/ADVANCE`, {});
    }
    manager = await server.login('manager', 'manager-demo-123');
    browser = await launchChromium();
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('a manager schedules a report weekly to a role, downloads its CSV, pins and unpins it', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 1000 }, locale: 'en-US', acceptDownloads: true });
    const page = await context.newPage();
    page.on('pageerror', (error) => console.error('page error:', error.message));
    await signIn(page, server.url, 'manager', 'manager-demo-123');
    await page.getByTestId('nav-reports').click();
    await page.getByTestId('report-builder').waitFor();
    await page.getByTestId('report-label').fill(LABEL);
    await page.getByTestId('report-entity').selectOption('opportunity');
    await page.getByTestId('report-group-0').selectOption('stage');
    await page.getByTestId('report-group-1').selectOption('');
    await page.getByTestId('report-chart-kind').selectOption('bar');
    await page.getByTestId('report-table').waitFor();
    await page.getByTestId('report-save').click();
    await page.getByTestId('report-notice').waitFor();
    const id = (await ok(manager, 'GET', '/api/_reports')).data.find((r: { label: string }) => r.label === LABEL).id as string;

    // The schedule dialog: the workspace's zone by default; a too-frequent cron is refused with the server's reason.
    await page.getByTestId('report-schedule').click();
    const dialog = page.getByTestId('schedule-dialog');
    await dialog.waitFor();
    const workspaceZone = (await ok(manager, 'GET', '/api/_meta/app')).timeZone as string;
    expect(await dialog.getByTestId('schedule-time-zone').inputValue()).toBe(workspaceZone);
    await dialog.getByTestId('schedule-role-sales_rep').check();
    await dialog.getByTestId('schedule-preset').selectOption('custom');
    await dialog.getByTestId('schedule-cron').fill('*/5 * * * *');
    await dialog.getByTestId('schedule-save').click();
    await dialog.getByTestId('schedule-error').filter({ hasText: 'at most once an hour' }).waitFor();
    expect((await ok(manager, 'GET', `/api/_reports/${id}/schedule`)).data).toBeNull();

    await dialog.getByTestId('schedule-preset').selectOption('weekly');
    await dialog.getByTestId('schedule-weekday').selectOption({ label: 'Friday' });
    await dialog.getByTestId('schedule-time').fill('07:30');
    // Before saving, the dialog says when these choices would send; the server agrees once saved.
    const preview = dialog.getByTestId('schedule-preview').filter({ hasText: 'Friday' }).filter({ hasText: '7:30' });
    await preview.waitFor();
    const previewAt = await preview.getAttribute('data-at');
    await dialog.getByTestId('schedule-save').click();
    await dialog.getByTestId('schedule-next').waitFor();
    expect(await dialog.getByTestId('schedule-error').count()).toBe(0);
    const stored = (await ok(manager, 'GET', `/api/_reports/${id}/schedule`)).data;
    expect(stored).toMatchObject({ cron: '30 7 * * 5', timeZone: workspaceZone, recipients: { roles: ['sales_rep'], users: [] } });
    // The next send the dialog names is the server's: a Friday, 07:30 in the schedule's zone.
    const next = new Date(stored.nextAt);
    expect(new Intl.DateTimeFormat('en-US', { weekday: 'long', hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone: workspaceZone }).format(next)).toBe('Friday 07:30');
    expect(await dialog.getByTestId('schedule-next').textContent()).toContain('Friday');
    expect(await dialog.getByTestId('schedule-next').getAttribute('data-at')).toBe(stored.nextAt);
    expect(previewAt).toBe(stored.nextAt);
    expect(await dialog.getByTestId('schedule-preview').count()).toBe(0);
    await screenshot(page, 'report-schedule-dialog');
    await dialog.getByTestId('schedule-close').click();
    await page.getByTestId('report-schedule-summary').waitFor();

    // The CSV download: the manager's own numbers, each stage's label and count as the API runs the report.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('report-export-csv').click()]);
    expect(download.suggestedFilename()).toBe(`${LABEL}.csv`);
    const lines = readFileSync((await download.path())!, 'utf8').replace(/^\uFEFF/, '').trim().split(/\r?\n/).map((l) => l.split(','));
    const run: { stage: string | null; count: number | string }[] = (await ok(manager, 'GET', `/api/_reports/${id}/run`)).data;
    const order = opportunity.properties.stage['x-options'].map((o) => o.value);
    const expected = [...run].sort((a, b) => order.indexOf(a.stage ?? '') - order.indexOf(b.stage ?? '')).map((r) => [stageLabel(r.stage ?? ''), String(Number(r.count))]);
    expect(lines[0][0]).toBe('Stage');
    expect(lines.slice(1, -1)).toEqual(expected);
    expect(lines[lines.length - 1]).toEqual(['Total', String(run.reduce((n, r) => n + Number(r.count), 0))]);
    expect(expected.length).toBeGreaterThan(1);

    // The chart as a picture: a PNG file named after the report.
    const [picture] = await Promise.all([page.waitForEvent('download'), page.getByTestId('report-png').click()]);
    expect(picture.suggestedFilename()).toBe(`${LABEL}.png`);
    const png = readFileSync((await picture.path())!);
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
    expect(png.readUInt32BE(16)).toBeGreaterThan(300); // width from the IHDR chunk: the chart, not an empty canvas

    // Pinned: a card on the manager's dashboard with one bar per stage of the run, and a way back to the builder.
    await page.getByTestId('report-pin').click();
    await page.locator('[data-testid="report-pin"][data-pinned="true"]').waitFor();
    expect((await ok(manager, 'GET', '/api/_reports')).data.find((r: { id: string }) => r.id === id)).toMatchObject({ pinned: true });
    await page.getByTestId('nav-dashboard').click();
    const card = page.getByTestId(`pinned-report-${id}`);
    await page.locator(`[data-testid="pinned-report-${id}"][data-state="ready"]`).waitFor();
    await card.getByTestId('report-bar').first().waitFor();
    const bars = await card.getByTestId('report-bar').evaluateAll((els) => els.map((e) => e.getAttribute('data-row')));
    expect(bars.sort()).toEqual(run.filter((r) => Number(r.count) > 0).map((r) => r.stage ?? '').sort());
    expect(await card.getByTestId('pinned-report-open').getAttribute('href')).toBe(`#/_reports?id=${id}`);
    await screenshot(page, 'report-pinned-dashboard');

    await card.getByTestId('pinned-report-unpin').click();
    await card.waitFor({ state: 'detached' });
    expect((await ok(manager, 'GET', '/api/_reports')).data.find((r: { id: string }) => r.id === id)).toMatchObject({ pinned: false });
    await context.close();
  }, 240_000);
});
