/**
 * Issue 21, dashboards that can be steered, in a real browser on the example CRM: a sales manager
 * sets "this quarter" and one rep above the Sales dashboard; every card shows what the aggregate
 * API answers for that filter (on the workspace's calendar, Asia/Shanghai, while the browser runs
 * in New York); the choice survives a reload through the address; a bar and a funnel stage open
 * the list of exactly the records behind them; the funnel shows each stage's count, amount and
 * conversion from the stage above.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { DashboardCard, DashboardDefinition } from '@tessera/metadata';
import { createTestRuntime, forEachDatabase, type TestRuntime } from '@tessera/runtime';
import path from 'node:path';
import { ensureWebBuilt, exampleDir, hasChromium, launchChromium, screenshot, signIn } from './browser-harness';

if (!hasChromium) console.warn('browser tests skipped: /usr/bin/chromium not found');
const forEachBrowserDatabase = hasChromium ? forEachDatabase : (name: string, _body: unknown) => describe.skip(name, () => undefined);

type Client = Awaited<ReturnType<TestRuntime['login']>>;
type Row = Record<string, unknown>;

const ZONE = 'Asia/Shanghai'; // the runtime's default workspace zone (TESSERA_JOBS_TZ), fixed +08:00
const pad = (n: number) => String(n).padStart(2, '0');

/** The first day of this quarter and of the next on the Shanghai calendar, written out here rather than taken from the app. */
function quarterInShanghai(now = new Date()): { start: string; end: string } {
  const local = new Date(now.getTime() + 8 * 3600_000);
  const y = local.getUTCFullYear();
  const first = Math.floor(local.getUTCMonth() / 3) * 3;
  const next = new Date(Date.UTC(y, first + 3, 1));
  return { start: `${y}-${pad(first + 1)}-01`, end: `${next.getUTCFullYear()}-${pad(next.getUTCMonth() + 1)}-01` };
}

forEachBrowserDatabase('dashboards that can be steered', (getCtx) => {
  let server: TestRuntime;
  let browser: Browser;
  let manager: Client;
  const ids: Record<string, string> = {};
  const users: Record<string, string> = {};
  const quarter = quarterInShanghai();
  const qStart = Date.parse(`${quarter.start}T00:00:00+08:00`);

  const ok = async (client: Client, method: string, pathname: string, body?: unknown) => {
    const res = await client.call(method, pathname, body);
    if (res.status >= 300) throw new Error(`${method} ${pathname}: ${res.status} ${res.text}`);
    return res.body;
  };
  /** Moves a record's creation time, as if it had been entered then. */
  const createdAt = async (table: string, id: string, at: number) => {
    const knex = server.runtime.knex;
    const [{ table_schema: schema }] = (await knex.raw('select table_schema from information_schema.tables where table_name = ? and table_schema like ?', [table, 'app%'])).rows;
    await knex.withSchema(schema).table(table).where({ id }).update({ created_at: new Date(at) });
  };

  async function openAs(username: string): Promise<{ context: BrowserContext; page: Page }> {
    // The browser's own zone is New York: "this quarter" must still be Shanghai's.
    const context = await browser.newContext({ viewport: { width: 1280, height: 1000 }, locale: 'en-US', timezoneId: 'America/New_York' });
    const page = await context.newPage();
    page.on('pageerror', (error) => console.error('page error:', error.message));
    await signIn(page, server.url, username, `${username}-demo-123`);
    return { context, page };
  }

  beforeAll(async () => {
    ensureWebBuilt();
    server = await createTestRuntime({ databaseUrl: getCtx().databaseUrl, appDir: exampleDir, webDir: path.join(exampleDir, 'dist/app'), designerDir: path.join(exampleDir, 'dist/designer'), demoUsers: true });
    manager = await server.login('manager', 'manager-demo-123');
    const sales1 = await server.login('sales1', 'sales1-demo-123');
    const sales2 = await server.login('sales2', 'sales2-demo-123');
    for (const u of (await ok(server.admin, 'GET', '/api/admin/users')).data as { username: string; id: string }[]) users[u.username] = u.id;
    const customer = async (who: Client, key: string, industry: string, level: string) => {
      ids[key] = (await ok(who, 'POST', '/api/customers', { name: `Steer ${key}`, industry, level })).data.id;
    };
    await customer(sales1, 'm1', 'manufacturing', 'A');
    await customer(sales1, 'm2', 'manufacturing', 'B');
    await customer(sales1, 'mOld', 'manufacturing', 'A');
    await customer(sales1, 'eEarly', 'energy', 'B');
    await customer(sales1, 'eBefore', 'energy', 'B');
    await customer(sales2, 'm3', 'manufacturing', 'A');
    // Last quarter; the quarter's first half hour in Shanghai (the day before in UTC and New York); its last half hour before.
    await createdAt('customer', ids.mOld, qStart - 40 * 86400_000);
    await createdAt('customer', ids.eEarly, qStart + 30 * 60_000);
    await createdAt('customer', ids.eBefore, qStart - 30 * 60_000);
    const deal = async (who: Client, key: string, amount: number, events: string[]) => {
      const customer = who === sales2 ? ids.m3 : ids.m1;
      ids[key] = (await ok(who, 'POST', '/api/opportunities', { name: `Steer deal ${key}`, customer, amount })).data.id;
      for (const event of events) await ok(who, 'POST', `/api/opportunities/${ids[key]}/transitions/${event}`, {});
    };
    await deal(sales1, 'qualified', 1000, []);
    await deal(sales1, 'analysing', 2000, ['ADVANCE']);
    await deal(sales1, 'proposing', 3000, ['ADVANCE', 'ADVANCE']);
    await deal(sales1, 'won', 4000, ['ADVANCE', 'ADVANCE', 'ADVANCE', 'WIN']);
    await deal(sales1, 'wonOld', 5000, ['ADVANCE', 'ADVANCE', 'ADVANCE', 'WIN']);
    await deal(sales2, 'won2', 8000, ['ADVANCE', 'ADVANCE', 'ADVANCE', 'WIN']);
    await createdAt('opportunity', ids.wonOld, qStart - 10 * 86400_000);
    browser = await launchChromium();
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  /** What the aggregate API answers the manager for a card with the quarter and sales1, built here from the card's metadata. */
  const apiRows = async (card: DashboardCard, plural: string, extraMeasures: string[] = []): Promise<Row[]> => {
    const dateField = card.group?.includes(':') ? card.group.split(':')[0] : 'created_at';
    const day = (d: string) => (dateField === 'created_at' ? `${d}T00:00:00+08:00` : d);
    const parts: unknown[] = [{ [dateField]: { gte: day(quarter.start) } }, { [dateField]: { lt: day(quarter.end) } }, { owner: { eq: users.sales1 } }];
    const filter = card.filter ? { and: [card.filter, { and: parts }] } : { and: parts };
    const query = new URLSearchParams({ measures: [card.measure, ...extraMeasures].join(','), filter: JSON.stringify(filter) });
    if (card.group) query.set('group', card.group);
    return (await ok(manager, 'GET', `/api/${plural}/aggregate?${query}`)).data;
  };
  /** A card's numbers as drawn: key → value of each bar or slice, or the figure's text. */
  const drawn = (page: Page, card: DashboardCard) => page.getByTestId(`chart-${card.id}`).locator('[data-testid="card-bar"], [data-testid="card-slice"]')
    .evaluateAll((els) => Object.fromEntries(els.map((e) => [e.getAttribute('data-key'), Number(e.getAttribute('data-value'))])));
  const ready = (page: Page) => page.waitForFunction(() => {
    const cards = [...document.querySelectorAll('[data-testid^="chart-"][data-state]')];
    return cards.length > 0 && cards.every((c) => c.getAttribute('data-state') === 'ready');
  });

  it('a manager sets this quarter and one rep: every card shows the API\'s numbers for them, and a reload keeps them', async () => {
    const { app } = await ok(manager, 'GET', '/api/_meta/app');
    const cards = (app.dashboards as DashboardDefinition[]).find((d) => d.name === 'sales')!.cards;
    const plural = (entity: string) => app.entities.find((e: { 'x-name': string }) => e['x-name'] === entity)['x-plural'] as string;
    const money = (n: number) => new Intl.NumberFormat('en-US', { style: 'currency', currency: 'CNY' }).format(n);
    const { context, page } = await openAs('manager');
    await page.getByTestId('nav-dashboard').click();
    await page.getByTestId('figure-won-amount').waitFor();
    await ready(page);
    // Before: everyone's won deals of all time.
    expect(await page.getByTestId('figure-won-amount').textContent()).toBe(money(4000 + 5000 + 8000));

    await page.getByTestId('dashboard-range').selectOption('this-quarter');
    // "My team" and the people of the manager's teams are offered by name.
    const people = await page.getByTestId('dashboard-owner').locator('optgroup option').allTextContents();
    expect(people).toEqual(expect.arrayContaining(['Li Wei (sales rep, East)', 'Zhang Min (sales rep, West)']));
    await page.getByTestId('dashboard-owner').selectOption({ label: 'Li Wei (sales rep, East)' });
    await page.waitForURL((url) => url.hash === `#/_dashboard?range=this-quarter&owner=${users.sales1}`);
    await page.getByTestId('figure-won-amount').filter({ hasText: money(4000) }).waitFor();
    await ready(page);

    const check = async () => {
      for (const card of cards) {
        if (card.chart === 'line' || card.chart === 'funnel') continue;
        const rows = await apiRows(card, plural(card.entity));
        if (card.chart === 'number') {
          expect(await page.getByTestId(`figure-${card.id}`).textContent()).toBe(money(Number(rows[0]?.[card.measure] ?? 0)));
          continue;
        }
        const expected = Object.fromEntries(rows.map((r) => [String(r[card.group!] ?? ''), Number(r[card.measure])]));
        const shown = await drawn(page, card);
        // Every group the API has is drawn with its number (a zero draws no bar), and nothing else is drawn.
        for (const [key, value] of Object.entries(expected)) expect([card.id, key, shown[key] ?? 0]).toEqual([card.id, key, value]);
        for (const [key, value] of Object.entries(shown)) expect([card.id, key, value]).toEqual([card.id, key, expected[key]]);
      }
    };
    await check();
    // Named numbers, so the check above cannot pass on empty charts: sales1's quarter has m1, m2 and eEarly (not mOld, not eBefore).
    expect(await drawn(page, cards.find((c) => c.id === 'customer-industry')!)).toMatchObject({ manufacturing: 2, energy: 1 });
    expect(await page.getByTestId('card-range-customer-industry').textContent()).toBe('Dated by: Created');
    expect(await page.getByTestId('card-range-sales-by-month').textContent()).toBe('Dated by: Ordered on');

    // The address carries the choice: a reload (or a colleague opening the link) shows the same.
    await page.reload();
    await page.getByTestId('figure-won-amount').filter({ hasText: money(4000) }).waitFor();
    await ready(page);
    expect(await page.getByTestId('dashboard-range').inputValue()).toBe('this-quarter');
    expect(await page.getByTestId('dashboard-owner').inputValue()).toBe(users.sales1);
    await check();
    await screenshot(page, 'app-dashboard-steered');
    await context.close();
  }, 240_000);

  it('the funnel shows each stage\'s count, amount and conversion, labels whole; a stage and a bar open exactly their records', async () => {
    const { app } = await ok(manager, 'GET', '/api/_meta/app');
    const cards = (app.dashboards as DashboardDefinition[]).find((d) => d.name === 'sales')!.cards;
    const funnelCard = cards.find((c) => c.chart === 'funnel')!;
    const { context, page } = await openAs('manager');
    await page.goto(`${server.url}/#/_dashboard?range=this-quarter&owner=${users.sales1}`);
    const funnel = page.getByTestId(`chart-${funnelCard.id}`);
    await funnel.getByTestId('funnel-stage-label').first().waitFor();
    await ready(page);

    // What the funnel must say, from the API: stages in order, those with an amount drawn, each
    // converting from the drawn one above as (records in it and after) / (records in the one above and after).
    const rows = await apiRows(funnelCard, 'opportunities', ['count']);
    const order = ['qualification', 'needs_analysis', 'proposal', 'negotiation', 'won', 'lost'];
    const at = (stage: string, m: string) => Number(rows.find((r) => r.stage === stage)?.[m] ?? 0);
    const reached = (i: number) => order.slice(i).reduce((n, s) => n + at(s, 'count'), 0);
    const expected: { key: string; count: number; conversion: string }[] = [];
    let above = -1;
    order.forEach((stage, i) => {
      if (at(stage, funnelCard.measure) <= 0) return;
      expected.push({ key: stage, count: at(stage, 'count'), conversion: above < 0 ? '' : String(reached(i) / reached(above)) });
      above = i;
    });
    expect(expected.map((s) => s.key)).toEqual(['qualification', 'needs_analysis', 'proposal', 'won']);
    const labels = await funnel.getByTestId('funnel-stage-label').evaluateAll((els) => els.map((e) => ({ key: e.getAttribute('data-key'), count: Number(e.getAttribute('data-count')), conversion: e.getAttribute('data-conversion') })));
    expect(labels).toEqual(expected);
    const lines = await funnel.locator('[data-testid="chart-label"]').evaluateAll((els) => els.map((e) => ({ line: e.getAttribute('data-line'), full: e.getAttribute('data-full'), shown: e.textContent, cut: !!e.querySelector('title') })));
    expect(lines.filter((l) => l.line === 'stage').map((l) => l.shown)).toEqual(['Qualification', 'Needs analysis', 'Proposal', 'Won']);
    expect(lines.filter((l) => l.line === 'figures').map((l) => l.shown)).toEqual(['1 · CN¥1,000.00', '1 · CN¥2,000.00', '1 · CN¥3,000.00', '1 · CN¥4,000.00']);
    expect(lines.filter((l) => l.line === 'conversion').map((l) => l.shown)).toEqual(['75% converted', '66.7% converted', '50% converted']);
    // Nothing shortened and every line inside the chart's drawing, at desktop width and on a phone.
    const labelProblems = () => funnel.locator('[data-testid="chart-label"]').evaluateAll((els) => els.flatMap((e) => {
      const svg = (e as SVGTextElement).ownerSVGElement!.getBoundingClientRect();
      const box = e.getBoundingClientRect();
      const out = [];
      if (box.left < svg.left - 1 || box.right > svg.right + 1 || box.top < svg.top - 1 || box.bottom > svg.bottom + 1) out.push(`"${e.textContent}" leaves the chart`);
      if (e.querySelector('title') || e.textContent !== e.getAttribute('data-full')) out.push(`"${e.getAttribute('data-full')}" is cut`);
      return out;
    }));
    expect(await labelProblems()).toEqual([]);
    await page.setViewportSize({ width: 390, height: 844 });
    await page.waitForFunction((id) => (document.querySelector(`[data-testid="chart-${id}"] svg.recharts-surface`)?.getBoundingClientRect().width ?? 999) < 380, funnelCard.id);
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    expect(await funnel.locator('[data-testid="chart-label"]').count()).toBe(lines.length);
    expect(await labelProblems()).toEqual([]);
    // The bar above the cards wraps: the page is no wider than the phone.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await screenshot(page, 'app-dashboard-funnel-390');
    await page.setViewportSize({ width: 1280, height: 1000 });

    // A stage: the card's filter (not lost), the stage, the quarter and the rep.
    await funnel.locator('path.recharts-trapezoid[name="Proposal"]').click();
    await page.waitForURL(/#\/opportunities$/);
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="filter-row"]').length === 5);
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="record-row"]').length === 1);
    expect(await page.getByTestId('record-row').evaluateAll((els) => els.map((e) => e.getAttribute('data-record-id')))).toEqual([ids.proposing]);

    // A bar: manufacturing customers of the rep this quarter, compared with the list API's own answer.
    await page.goBack();
    await page.waitForURL((url) => url.hash === `#/_dashboard?range=this-quarter&owner=${users.sales1}`);
    const bar = page.getByTestId('chart-customer-industry').locator('[data-testid="card-bar"][data-key="manufacturing"]');
    await bar.waitFor();
    await ready(page);
    await bar.click();
    await page.waitForURL(/#\/customers$/);
    const filter = { and: [{ industry: { eq: 'manufacturing' } }, { created_at: { gte: `${quarter.start}T00:00:00+08:00` } }, { created_at: { lt: `${quarter.end}T00:00:00+08:00` } }, { owner: { eq: users.sales1 } }] };
    const fromApi = ((await ok(manager, 'GET', `/api/customers?limit=100&filter=${encodeURIComponent(JSON.stringify(filter))}`)).data as { id: string }[]).map((r) => r.id).sort();
    expect(fromApi).toEqual([ids.m1, ids.m2].sort());
    await page.waitForFunction((n) => document.querySelectorAll('[data-testid="record-row"]').length === n, fromApi.length);
    const listed = await page.getByTestId('record-row').evaluateAll((els) => els.map((e) => e.getAttribute('data-record-id')));
    expect(listed.sort()).toEqual(fromApi);
    // The list's filter rows say it: industry, the quarter's two bounds (as days), the rep by name.
    expect(await page.getByTestId('filter-row').count()).toBe(4);
    const dates = await page.locator('[data-testid="filter-row"] input[type="date"]').evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value));
    expect(dates).toEqual([quarter.start, quarter.end]);
    await context.close();
  }, 240_000);

  it('"my team" counts the records of the manager\'s teams, as the API does, in Chinese too', async () => {
    const { context, page } = await openAs('manager');
    await page.goto(`${server.url}/#/_dashboard?owner=team`);
    await page.getByTestId('figure-won-amount').waitFor();
    await ready(page);
    const team = ((await ok(manager, 'GET', '/api/_reports/teammates')).data as { username: string }[]).map((u) => u.username).sort();
    expect(team).toEqual(['manager', 'sales1', 'sales2']);
    const sales1Team = ((await ok(await server.login('sales1', 'sales1-demo-123'), 'GET', '/api/_reports/teammates')).data as { username: string }[]).map((u) => u.username).sort();
    expect(sales1Team).toEqual(['manager', 'sales1']);
    expect(await page.getByTestId('figure-won-amount').textContent()).toBe(new Intl.NumberFormat('en-US', { style: 'currency', currency: 'CNY' }).format(4000 + 5000 + 8000));

    // Custom dates: the quarter before, its last day included — the customers entered then (mOld, and eBefore in its last half hour).
    const dayBefore = (ms: number) => new Date(ms + 8 * 3600_000 - 86400_000).toISOString().slice(0, 10);
    const from = dayBefore(qStart - 60 * 86400_000);
    const to = dayBefore(qStart);
    await page.getByTestId('dashboard-range').selectOption('custom');
    await page.getByTestId('dashboard-from').fill(from);
    await page.getByTestId('dashboard-to').fill(to);
    await page.waitForURL((url) => url.hash === `#/_dashboard?range=custom&from=${from}&to=${to}&owner=team`);
    const industry = page.getByTestId('chart-customer-industry');
    await industry.locator('[data-testid="card-bar"][data-key="energy"]').waitFor();
    await ready(page);
    expect(await industry.locator('[data-testid="card-bar"]').evaluateAll((els) => Object.fromEntries(els.map((e) => [e.getAttribute('data-key'), Number(e.getAttribute('data-value'))])))).toEqual({ manufacturing: 1, energy: 1 });

    // Its manufacturing bar: the list says "owner is one of" the team, by name.
    await industry.locator('[data-testid="card-bar"][data-key="manufacturing"]').click();
    await page.waitForURL(/#\/customers$/);
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="record-row"]').length === 1);
    expect(await page.getByTestId('record-row').getAttribute('data-record-id')).toBe(ids.mOld);
    await page.getByTestId('filter-value-user').filter({ hasText: 'Zhang Min' }).waitFor();
    expect((await page.getByTestId('filter-value-user').allTextContents()).map((n) => n.replace('×', '')).sort()).toEqual(['Chen Jing (sales manager)', 'Li Wei (sales rep, East)', 'Zhang Min (sales rep, West)']);
    await page.goBack();
    await page.getByTestId('dashboard-filter').waitFor();
    await page.getByTestId('language-switch').selectOption('zh');
    await page.getByTestId('dashboard-owner').locator('option', { hasText: '我的团队' }).waitFor({ state: 'attached' });
    expect(await page.getByTestId('dashboard-range').locator('option').allTextContents()).toEqual(['全部时间', '本月', '本季度', '本年', '最近 30 天', '自定义日期']);
    await context.close();
  });
});
