/**
 * UI benchmark (issue 7): how fast the example CRM's end-user app shows the customer list and
 * a record page, and how much JavaScript it ships.
 *
 * Starts the example runtime on a fresh PostgreSQL database `tessera_bench_ui` (or in-memory
 * PGlite with --pglite) seeded with the demo data (1,000 customers), signs in once in Debian's
 * chromium, then --runs times cold-loads `#/customers` and a customer's page, each in a new tab
 * with the HTTP cache off (and again with it on, as a returning user has it):
 *   first render  navigation start → the app's performance mark (`tessera:list-rendered`,
 *                 `tessera:record-rendered`: the data arrived and React was handed it)
 *   interactive   navigation start → the first row (the record's Save button) is in the DOM;
 *                 then the bench clicks that row and waits for the record page, so a number
 *                 is only reported for a page that did respond.
 * and prints median/p90 per measure, then the gzip size of every built chunk of
 * examples/crm/dist/app (main.js separately) and what the list route actually loaded.
 * Exits non-zero only when something crashes, never for a missed target.
 *
 *   npx tsx bench/ui.ts [--runs 10] [--pglite] [--url postgres://postgres@127.0.0.1:5432/postgres]
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import knexFactory from 'knex';
import type { BrowserContext, Page } from 'playwright-core';
import { createRuntime, type Runtime } from '@tessera/runtime';
import { seedRuntimeApp } from '../runtime/src/seed/seed-runtime-app';
import { hasChromium, launchChromium } from '../examples/crm/test/browser-harness';

const arg = (name: string, fallback: string) => { const i = process.argv.indexOf(`--${name}`); return i > 0 ? process.argv[i + 1] : fallback; };
const RUNS = Number(arg('runs', '10'));
const PGLITE = process.argv.includes('--pglite');
const SERVER = arg('url', process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres');
const DB = 'tessera_bench_ui';
const ROOT = resolve(__dirname, '..');
const APP_DIR = join(ROOT, 'examples/crm');
const DIST = join(APP_DIR, 'dist/app');
const TARGETS = { listInteractiveMs: 1500, mainGzipKb: 400 };
const withDb = (url: string, db: string) => { const u = new URL(url); u.pathname = `/${db}`; return u.toString(); };

interface Load { firstRender: number; interactive: number; jsUrls: string[] }

const quantile = (xs: number[], q: number) => { const s = [...xs].sort((a, b) => a - b); return s[Math.min(s.length - 1, Math.ceil(q * s.length) - 1)]; };
const ms = (n: number) => `${Math.round(n)} ms`;
const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;

/**
 * Before any script of the page runs: note when the first element matching `selector` enters
 * the DOM. A string, not a function: tsx's helpers do not exist in the page.
 */
const watchFor = (selector: string) => `
  new MutationObserver((_, observer) => {
    if (window.__firstSeen === undefined && document.querySelector(${JSON.stringify(selector)})) { window.__firstSeen = performance.now(); observer.disconnect(); }
  }).observe(document, { childList: true, subtree: true });`;

/** One cold load of `hash` in a new tab: the mark's time, when `selector` appeared, the JS files fetched. */
async function load(context: BrowserContext, url: string, mark: string, selector: string, cache: boolean, after: (page: Page) => Promise<void>): Promise<Load> {
  const page = await context.newPage();
  try {
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: !cache });
    const jsUrls: string[] = [];
    page.on('response', (r) => { if (r.url().endsWith('.js')) jsUrls.push(r.url()); });
    await page.addInitScript({ content: watchFor(selector) });
    await page.goto(url);
    await page.locator(selector).first().waitFor({ timeout: 30_000 });
    await page.waitForFunction((name) => performance.getEntriesByName(name).length > 0, mark, { timeout: 30_000 });
    const times = await page.evaluate((name) => ({
      firstRender: performance.getEntriesByName(name)[0].startTime,
      interactive: (window as unknown as { __firstSeen: number }).__firstSeen,
    }), mark);
    const loaded = [...jsUrls]; // before `after` opens another route
    await after(page);
    return { ...times, jsUrls: loaded };
  } finally {
    await page.close();
  }
}

function summary(label: string, xs: number[], target?: number): string {
  const med = quantile(xs, 0.5);
  const p90 = quantile(xs, 0.9);
  const verdict = target === undefined ? '' : p90 <= target ? `≤ ${ms(target)}: met` : `≤ ${ms(target)}: MISSED`;
  return `| ${label} | ${ms(med)} | ${ms(p90)} | ${ms(Math.min(...xs))} | ${ms(Math.max(...xs))} | ${verdict} |`;
}

/**
 * The built files reachable from main.js (static and dynamic imports), with their gzip size;
 * esbuild never empties the folder, so files of earlier builds lie beside them and are left out.
 */
function bundleSizes() {
  const present = new Set(readdirSync(DIST).filter((f) => f.endsWith('.js')));
  const reachable = new Set<string>();
  const queue = ['main.js'];
  while (queue.length) {
    const name = queue.pop()!;
    if (reachable.has(name) || !present.has(name)) continue;
    reachable.add(name);
    for (const m of readFileSync(join(DIST, name), 'utf8').matchAll(/["'`]\/?(?:\.\/)?([\w-]+\.js)["'`]/g)) queue.push(m[1]);
  }
  const rows = [...reachable].map((name) => {
    const bytes = readFileSync(join(DIST, name));
    return { name, bytes: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
  }).sort((a, b) => (a.name === 'main.js' ? -1 : b.name === 'main.js' ? 1 : b.gzip - a.gzip));
  return { rows, stale: present.size - reachable.size };
}

const fileNames = (urls: string[]) => new Set(urls.map((u) => new URL(u).pathname.split('/').pop()!));

async function main() {
  if (!hasChromium) throw new Error('bench/ui needs Debian\'s chromium at /usr/bin/chromium');
  if (!existsSync(join(DIST, 'index.html'))) {
    console.log('building the web bundles (node scripts/build-web.mjs)…');
    const r = spawnSync(process.execPath, [join(ROOT, 'scripts/build-web.mjs')], { cwd: ROOT, stdio: 'inherit' });
    if (r.status !== 0) throw new Error('web build failed');
  }
  console.log(`bundles: ${DIST} (built ${statSync(join(DIST, 'main.js')).mtime.toISOString()})`);

  let admin: ReturnType<typeof knexFactory> | undefined;
  let databaseUrl: string | undefined;
  if (!PGLITE) {
    admin = knexFactory({ client: 'pg', connection: SERVER, pool: { min: 0, max: 1 } });
    await admin.raw('drop database if exists ?? with (force)', [DB]);
    await admin.raw('create database ??', [DB]);
    databaseUrl = withDb(SERVER, DB);
  }
  // No adminPassword: the example's demo users, whom the seed spreads the records over.
  const runtime: Runtime = await createRuntime({
    appDir: APP_DIR, databaseUrl, dataDir: PGLITE ? 'memory://' : undefined, webDir: DIST, designerDir: join(APP_DIR, 'dist/designer'),
    logger: { info: () => undefined, error: console.error },
  });
  const browser = await launchChromium();
  try {
    const t0 = Date.now();
    const seeded = await seedRuntimeApp(runtime, APP_DIR, { customers: 1000 });
    if (seeded.kind !== 'seeded') throw new Error(`seed skipped: ${seeded.reason}`);
    console.log(`database: ${PGLITE ? 'PGlite (in memory)' : `PostgreSQL ${DB}`}; seeded ${seeded.counts.customer} customers (${Object.values(seeded.counts).reduce((a, b) => a + b, 0)} records) in ${Date.now() - t0} ms`);
    const { url } = await runtime.listen(0, '127.0.0.1');

    // Sign in once (admin sees all 1,000 customers); every load below is a new tab of this session.
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'en-US' });
    const login = await context.newPage();
    await login.goto(url + '/');
    await login.getByTestId('login-username').fill('admin');
    await login.getByTestId('login-password').fill('admin-demo-123');
    await login.getByTestId('login-submit').click();
    await login.getByTestId('user-menu').waitFor();
    await login.close();
    const probe = await fetch(`${url}/api/customers?limit=1&offset=0&count=true`, { headers: { cookie: (await context.cookies()).map((c) => `${c.name}=${c.value}`).join('; ') } });
    const first = (await probe.json()) as { total: number; data: Array<{ id: string; name: string }> };
    console.log(`customer list: ${first.total} rows; record page: ${first.data[0].name}`);
    const recordId = first.data[0].id;

    const results: Record<string, Load[]> = {};
    for (const cache of [false, true]) {
      const tag = cache ? 'warm cache' : 'cold cache';
      results[`list ${tag}`] = [];
      results[`record ${tag}`] = [];
      for (let i = 0; i < RUNS; i++) {
        results[`list ${tag}`].push(await load(context, `${url}/#/customers`, 'tessera:list-rendered', '[data-testid="record-row"]', cache, async (page) => {
          // Interactive means it responds: the first row opens its record.
          await page.locator('[data-testid="record-row"]').first().click();
          await page.locator('[data-testid="record-form"]').waitFor({ timeout: 30_000 });
        }));
        results[`record ${tag}`].push(await load(context, `${url}/#/customers/${recordId}`, 'tessera:record-rendered', '[data-testid="record-save"]', cache, async (page) => {
          if ((await page.locator('#root_name').inputValue()) !== first.data[0].name) throw new Error('the record page shows another record');
        }));
      }
    }

    const lines = ['', `UI timings over ${RUNS} loads each (navigation start → …), chromium headless, 1440×900; a shared machine, so expect noise:`, '',
      '| measure | median | p90 | min | max | target (p90) |', '|---|---|---|---|---|---|'];
    for (const tag of ['cold cache', 'warm cache']) {
      const list = results[`list ${tag}`];
      const record = results[`record ${tag}`];
      lines.push(summary(`list, ${tag}: first render (tessera:list-rendered)`, list.map((l) => l.firstRender)));
      lines.push(summary(`list, ${tag}: interactive (first row in the DOM)`, list.map((l) => l.interactive), TARGETS.listInteractiveMs));
      lines.push(summary(`record, ${tag}: first render (tessera:record-rendered)`, record.map((l) => l.firstRender)));
      lines.push(summary(`record, ${tag}: interactive (Save button in the DOM)`, record.map((l) => l.interactive)));
    }

    const { rows, stale } = bundleSizes();
    const onList = fileNames(results['list cold cache'][0].jsUrls);
    const recordJs = fileNames(results['record cold cache'][0].jsUrls);
    const main = rows.find((r) => r.name === 'main.js');
    lines.push('', `Bundle examples/crm/dist/app, the files main.js reaches (gzip -9${stale ? `; ${stale} files of earlier builds left out` : ''}); "list"/"record": loaded by that route's cold load:`, '', '| file | bytes | gzip | list | record |', '|---|---|---|---|---|');
    for (const r of rows) lines.push(`| ${r.name} | ${kb(r.bytes)} | ${kb(r.gzip)} | ${onList.has(r.name) ? '✓' : ''} | ${recordJs.has(r.name) ? '✓' : ''} |`);
    const sum = (pick: (r: (typeof rows)[number]) => boolean) => rows.filter(pick).reduce((n, r) => n + r.gzip, 0);
    lines.push(`| all ${rows.length} files | ${kb(rows.reduce((n, r) => n + r.bytes, 0))} | ${kb(sum(() => true))} | ${kb(sum((r) => onList.has(r.name)))} | ${kb(sum((r) => recordJs.has(r.name)))} |`);
    lines.push('', `main.js: ${kb(main?.gzip ?? 0)} gzip (target < ${TARGETS.mainGzipKb} KB: ${main && main.gzip < TARGETS.mainGzipKb * 1024 ? 'met' : 'MISSED'}); ${rows.length - 1} code-split chunks, the list route loads ${onList.size} file(s).`);
    console.log(lines.join('\n'));
    await context.close();
  } finally {
    await browser.close();
    await runtime.close();
    if (admin) {
      await admin.raw('drop database if exists ?? with (force)', [DB]).catch(() => undefined);
      await admin.destroy();
    }
  }
}

main().catch((err) => { console.error(err); process.exit(1); });
