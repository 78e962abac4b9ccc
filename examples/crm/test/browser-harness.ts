import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { createTestRuntime, DEMO_ADMIN_PASSWORD, type TestRuntime, type TestRuntimeOptions } from '@tessera/runtime';
import type { Browser, Page } from 'playwright-core';
import { chromium } from 'playwright-core';

export const CHROMIUM = '/usr/bin/chromium';
export const hasChromium = existsSync(CHROMIUM);
export const repoRoot = path.resolve(__dirname, '../../..');
export const exampleDir = path.resolve(__dirname, '..');
// The README's screenshots are refreshed on purpose (`UPDATE_SCREENSHOTS=1 npm test`); an
// ordinary run writes to .test-artifacts/ so the work tree stays clean.
export const screenshotDir = process.env.UPDATE_SCREENSHOTS
  ? path.join(repoRoot, 'docs/screenshots')
  : path.join(repoRoot, '.test-artifacts/screenshots');

/** The bundles are built by `npm test` before jest; build them here only when missing. */
export function ensureWebBuilt(): void {
  const needed = ['dist/app/index.html', 'dist/designer/index.html'].map((p) => path.join(exampleDir, p));
  if (needed.every((p) => existsSync(p))) return;
  const result = spawnSync(process.execPath, [path.join(repoRoot, 'scripts/build-web.mjs')], { cwd: repoRoot, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`web build failed:\n${result.stdout}\n${result.stderr}`);
}

/** The example CRM as people use it: its web app and designer bundles (built if missing), the demo users. */
export function startExampleApp(options: Omit<TestRuntimeOptions, 'appDir'> = {}): Promise<TestRuntime> {
  ensureWebBuilt();
  return createTestRuntime({ appDir: exampleDir, webDir: path.join(exampleDir, 'dist/app'), designerDir: path.join(exampleDir, 'dist/designer'), demoUsers: true, ...options });
}

/** Debian's Chromium, never a downloaded one; flags keep it quiet and offline. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-quic', '--no-first-run', '--disable-component-update', '--disable-sync'],
  });
}

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(screenshotDir, { recursive: true });
  await page.screenshot({ path: path.join(screenshotDir, `${name}.png`), fullPage: true });
}

/** Two animation frames: the page has handled the pointer events sent so far. */
const frames = (page: Page) => page.evaluate(() => new Promise<void>((r) => requestAnimationFrame(() => requestAnimationFrame(() => r()))));

/**
 * A real mouse drag: press, then move in small steps so dnd-kit's PointerSensor passes its
 * activation distance and sees the pointer cross into the drop target. The target is measured
 * after the drag has started (an overlay or placeholder may move it), both ends must be on
 * screen (a pointer at the viewport's edge makes dnd-kit auto-scroll), and the page gets two
 * frames before the release so a busy machine cannot drop before the pointer is "over".
 */
export async function mouseDrag(page: Page, fromTestId: string, toTestId: string): Promise<void> {
  // As a user would on a board wider than the window: scroll a target beside the view into it
  // first (only sideways: a tall drop zone is entered at its top edge, wherever the page is).
  const target = await page.getByTestId(toTestId).boundingBox();
  const width = page.viewportSize()?.width;
  if (target && width !== undefined && (target.x < 0 || target.x + target.width / 2 > width)) await page.getByTestId(toTestId).scrollIntoViewIfNeeded();
  await page.getByTestId(fromTestId).scrollIntoViewIfNeeded();
  const from = await page.getByTestId(fromTestId).boundingBox();
  if (!from) throw new Error(`cannot drag ${fromTestId}: element not visible`);
  const start = { x: from.x + from.width / 2, y: from.y + from.height / 2 };
  await page.mouse.move(start.x, start.y);
  await page.mouse.down();
  await page.mouse.move(start.x + 10, start.y + 10, { steps: 5 });
  await frames(page);
  const to = await page.getByTestId(toTestId).boundingBox();
  const viewport = page.viewportSize();
  if (!to) throw new Error(`cannot drag ${fromTestId} → ${toTestId}: target not visible`);
  const end = { x: to.x + to.width / 2, y: to.y + Math.min(to.height / 2, 20) };
  if (viewport && (end.y < 0 || end.y > viewport.height || end.x < 0 || end.x > viewport.width)) {
    await page.mouse.up();
    throw new Error(`cannot drag ${fromTestId} → ${toTestId}: target is off screen at ${Math.round(end.x)},${Math.round(end.y)}`);
  }
  await page.mouse.move(end.x, end.y, { steps: 25 });
  await page.mouse.move(end.x + 2, end.y + 2, { steps: 2 });
  await frames(page);
  await page.mouse.up();
  await frames(page);
}

/** Signs in through the app's login form and waits for the shell (not counted as a test's UI steps). */
export async function signIn(page: Page, baseUrl: string, username: string, password: string): Promise<void> {
  await page.goto(baseUrl + '/');
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill(password);
  await page.getByTestId('login-submit').click();
  await page.getByTestId('user-menu').waitFor();
}

/** A laptop-sized page in English that reports the page's own errors on the test's console. */
export async function newDesktopPage(browser: Browser): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1360, height: 900 }, locale: 'en-US' });
  page.on('pageerror', (error) => console.error('page error:', error.message));
  return page;
}

/** Signs in as the demo admin and opens the designer, ready for drags from its palette. */
export async function openDesigner(page: Page, baseUrl: string): Promise<void> {
  await signIn(page, baseUrl, 'admin', DEMO_ADMIN_PASSWORD);
  await page.goto(baseUrl + '/designer/');
  await page.getByTestId('palette-text').waitFor();
}
