/**
 * Steps shared by the "week in the life" browser test (browser-week.test.ts): the simulated
 * clock, the example with its ticket SLA shortened, setup through the API, and the few UI moves
 * every day repeats (sign in as someone, open a record from a list, wait for what a field shows).
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { AppDefinition } from '@tessera/metadata';
import { loadAppDir, type SessionClient, type TestRuntime } from '@tessera/runtime';
import { exampleDir, signIn } from './browser-harness';

/** The week's clock: what the runtime's recurring jobs (the nightly pool run) take as "now". */
export class WeekClock {
  private at = new Date(0);
  constructor(start: string) { this.set(start); }
  set(iso: string): void { this.at = new Date(iso); }
  readonly now = (): Date => this.at;
}

/**
 * The example as shipped, with the ticket SLA in `new` (4 h) shortened to `ms`: that timer is a
 * real delayed job on the queue, not read from the injected clock, so the week waits it out for real.
 */
export async function exampleWithShortSla(ms: number): Promise<AppDefinition> {
  const loaded = await loadAppDir(exampleDir);
  if (!loaded.ok) throw new Error('the example app does not load');
  const fresh = loaded.app.workflows!.find((w) => w.name === 'ticket_service')!.machine.states.new!;
  const [[delay, escalation]] = Object.entries(fresh.after!);
  if (delay !== '14400000') throw new Error(`the shipped ticket SLA changed (${delay} ms): check this test's story`);
  fresh.after = { [String(ms)]: escalation! };
  return loaded.app;
}

export const password = (username: string) => `${username}-demo-123`;

export async function ok(client: SessionClient, method: string, pathname: string, body?: unknown): Promise<Record<string, any>> {
  const res = await client.call(method, pathname, body);
  if (res.status >= 300) throw new Error(`${method} ${pathname}: ${res.status} ${res.text}`);
  return res.body.data;
}

/** Names of the records of `plural` the client can list, or only those `owner` owns. */
export async function names(client: SessionClient, plural: string, options: { pool?: boolean; owner?: string } = {}): Promise<string[]> {
  const rows = (await client.call('GET', `/api/${plural}?limit=200${options.pool ? '&pool=true' : ''}`)).body.data as Array<{ name: string; owner: string | null }>;
  return rows.filter((r) => options.owner === undefined || r.owner === options.owner).map((r) => r.name).sort();
}

/**
 * A customer owned by `client`'s user that has been around since `since` (setup: the record's
 * creation date is moved back in the database), with follow-ups on the given dates.
 */
export async function agedCustomer(server: TestRuntime, client: SessionClient, name: string, since: string, followUps: string[]): Promise<string> {
  const id = (await ok(client, 'POST', '/api/customers', { name, industry: 'retail', level: 'B', region: 'west' })).id as string;
  for (const [i, at] of followUps.entries()) await ok(client, 'POST', '/api/follow_ups', { subject: `${name} call ${i + 1}`, method: 'phone', customer: id, occurred_at: at });
  await server.runtime.knex('app_crm.customer').where({ id }).update({ created_at: new Date(since) });
  return id;
}

/** A fresh browser context signed in as a demo user, in English, in Shanghai's time zone. */
export async function openAs(browser: Browser, server: TestRuntime, username: string): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport: { width: 1360, height: 900 }, locale: 'en-US', timezoneId: 'Asia/Shanghai' });
  const page = await context.newPage();
  page.on('pageerror', (error) => console.error(`page error (${username}):`, error.message));
  await signIn(page, server.url, username, password(username));
  return { context, page };
}

/** The entity's list from the menu, searched down to `text`. */
export async function searchList(page: Page, entity: string, text: string): Promise<void> {
  await page.getByTestId(`nav-${entity}`).click();
  await page.getByTestId(`record-list-${entity}`).waitFor();
  await page.getByTestId('list-search').fill(text);
}

/** Opens the one record named `text` from the entity's list. */
export async function openFromList(page: Page, entity: string, text: string): Promise<void> {
  await searchList(page, entity, text);
  await page.getByTestId('list-range').filter({ hasText: 'of 1' }).waitFor();
  await page.getByTestId('record-row').filter({ hasText: text }).click();
  await page.getByTestId('record-form').waitFor();
}

/**
 * The customer list as the signed-in user sees it, once it counts `total` rows: each row's text
 * by customer name (the Owner column says whose it is; a rep who may claim also sees the pool's).
 */
export async function customerRows(page: Page, total: number, customers: string[]): Promise<Record<string, string | undefined>> {
  await page.getByTestId('nav-customer').click();
  await page.getByTestId('record-list-customer').waitFor();
  await page.getByTestId('list-range').filter({ hasText: new RegExp(`of ${total}$`) }).waitFor();
  const rows = await page.getByTestId('record-row').allInnerTexts();
  return Object.fromEntries(customers.map((name) => [name, rows.find((r) => r.includes(name))]));
}

/** Waits until a form field shows one of `texts`: as its input's value, or as text in its read-only display. */
export async function fieldShows(page: Page, field: string, ...texts: string[]): Promise<void> {
  await page.waitForFunction(([f, ts]) => {
    const input = document.querySelector(`#root_${f}`) as HTMLInputElement | null;
    const shown = [input && 'value' in input ? String(input.value) : '', (input?.closest('.form-group') as HTMLElement | null)?.innerText ?? ''];
    return ts.some((t) => shown.some((s) => s.includes(t)));
  }, [field, texts] as const);
}

/** The workflow state shown on the open record page. */
export const stateIs = (page: Page, label: string) => page.getByTestId('workflow-state').filter({ hasText: new RegExp(`^${label}$`) }).waitFor();
