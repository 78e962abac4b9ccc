/**
 * Issue 17: the designer's draft belongs to the app on the server. One implementer's changes
 * survive a reload (with undo), a second browser sees them and who made them, a stale save
 * is offered a merge, discard clears it for everyone, and an old localStorage draft moves to
 * the server once. Also the palette search (keyboard) and one-click field settings.
 */
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { createTestRuntime, DEMO_ADMIN_PASSWORD, type TestRuntime } from '@tessera/runtime';
import { ensureWebBuilt, exampleDir, hasChromium, launchChromium, signIn } from './browser-harness';

const describeBrowser = hasChromium ? describe : describe.skip;
const options = () => ({ appDir: exampleDir, webDir: path.join(exampleDir, 'dist/app'), designerDir: path.join(exampleDir, 'dist/designer'), demoUsers: true });

type Draft = { revision: number; app: { entities: { properties: Record<string, unknown> }[] } | null; updatedBy: { username: string } | null };

describeBrowser('designer: the draft on the server, shared between browsers (issue 17)', () => {
  let server: TestRuntime;
  let browser: Browser;
  let first: BrowserContext;
  let second: BrowserContext;
  let a: Page;
  let b: Page;
  const draft = async () => (await server.admin.call('GET', '/api/_meta/draft')).body as Draft;
  const openDesigner = async (page: Page) => {
    await page.goto(server.url + '/designer/');
    await page.getByTestId('palette-text').waitFor();
  };
  // Keyboard only: search, Enter opens the new field's inspector (as a drop on the form would).
  const addBySearch = async (page: Page, query: string, label: string) => {
    await page.getByTestId('palette-search').fill(query);
    await page.getByTestId('palette-search').press('Enter');
    await page.getByTestId('inspector').waitFor();
    await page.getByTestId('inspector-label-en').fill(label);
    await page.getByTestId('inspector-add').click();
    await page.getByTestId('inspector').waitFor({ state: 'detached' });
  };
  const saved = (page: Page) => page.getByTestId('draft-saving').waitFor({ state: 'detached' });

  beforeAll(async () => {
    ensureWebBuilt();
    server = await createTestRuntime(options());
    await server.createUser({ username: 'implementer', password: 'implementer-123', displayName: 'Ma Lin (implementer)', roles: ['admin'] });
    browser = await launchChromium();
    first = await browser.newContext({ viewport: { width: 1360, height: 900 }, locale: 'en-US' });
    second = await browser.newContext({ viewport: { width: 1360, height: 900 }, locale: 'en-US' });
    a = await first.newPage();
    b = await second.newPage();
    for (const page of [a, b]) page.on('pageerror', (error) => console.error('page error:', error.message));
    await signIn(a, server.url, 'admin', DEMO_ADMIN_PASSWORD);
    await signIn(b, server.url, 'implementer', 'implementer-123');
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('moves a draft left in localStorage to the server once, as one undoable step', async () => {
    const { version, app } = (await server.admin.call('GET', '/api/_meta/app')).body as { version: number; app: { name: string; entities: { properties: Record<string, unknown> }[] } };
    const legacy = structuredClone(app);
    legacy.entities[0].properties.legacy_note = { 'x-id': 'f_legacy_note', 'x-type': 'text', 'x-label': { en: 'Legacy note' } };
    await openDesigner(a);
    await a.evaluate(([key, value]) => localStorage.setItem(key, value), [`tessera.draft.${app.name}.v${version}`, JSON.stringify(legacy)]);
    await a.reload();
    await a.getByTestId('canvas-field-legacy_note').waitFor();
    expect((await draft()).app!.entities[0].properties.legacy_note).toBeDefined();
    expect(await a.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('tessera.draft.')))).toEqual([]);
    await a.getByTestId('undo').click();
    await a.getByTestId('canvas-field-legacy_note').waitFor({ state: 'detached' });
    await saved(a);
    expect((await draft()).app!.entities[0].properties.legacy_note).toBeUndefined();
  });

  it('finds field types by search (English or Chinese) and opens a field in one click from the canvas', async () => {
    await openDesigner(a);
    const search = a.getByTestId('palette-search');
    await search.fill('curr');
    await a.getByTestId('palette-currency').waitFor();
    expect(await a.getByTestId('palette').locator('li').count()).toBe(1);
    await search.fill('日期');
    await a.getByTestId('palette-date').waitFor();
    expect(await a.getByTestId('palette-text').count()).toBe(0);
    await search.fill('zzzz');
    await a.getByTestId('palette-empty').waitFor();
    await search.press('Escape');
    await a.getByTestId('palette-text').waitFor();
    // ArrowDown goes from the box to the list.
    await search.press('ArrowDown');
    expect(await a.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toMatch(/^palette-/);

    await addBySearch(a, 'number', 'Draft budget');
    await a.getByTestId('canvas-field-draft_budget').click();
    await a.getByTestId('field-editor').waitFor();
    expect(await a.getByTestId('edit-name').inputValue()).toBe('draft_budget');
  });

  it('keeps the change and its undo history across a reload, and shows it in a second browser with who made it', async () => {
    await saved(a);
    await a.getByTestId('draft-editor').filter({ hasText: 'Administrator' }).waitFor();
    await a.reload();
    await a.getByTestId('canvas-field-draft_budget').waitFor();
    // Undo after the reload: the history is the server's.
    await a.getByTestId('undo').click();
    await a.getByTestId('canvas-field-draft_budget').waitFor({ state: 'detached' });
    await a.getByTestId('redo').click();
    await a.getByTestId('canvas-field-draft_budget').waitFor();
    await saved(a);

    await openDesigner(b);
    await b.getByTestId('canvas-field-draft_budget').waitFor();
    await b.getByTestId('draft-editor').filter({ hasText: 'Administrator' }).waitFor();
    expect(await b.getByTestId('undo').isEnabled()).toBe(true);
  });

  it('refuses a stale save and merges both implementers\' changes', async () => {
    // B adds a field; A, still on the older revision, adds another: A's save is stale.
    await addBySearch(b, 'date', 'Draft kickoff');
    await saved(b);
    await addBySearch(a, 'text', 'Draft sponsor');
    await a.getByTestId('draft-conflict').filter({ hasText: 'Ma Lin (implementer) changed the draft' }).waitFor();
    await a.getByTestId('draft-merge').click();
    await a.getByTestId('draft-merged').waitFor();
    await a.getByTestId('canvas-field-draft_kickoff').waitFor();
    await a.getByTestId('canvas-field-draft_sponsor').waitFor();
    const merged = await draft();
    expect(Object.keys(merged.app!.entities[0].properties)).toEqual(expect.arrayContaining(['draft_budget', 'draft_kickoff', 'draft_sponsor']));
    expect(merged.updatedBy?.username).toBe('admin');
    // B takes the merged draft on reload.
    await b.reload();
    await b.getByTestId('canvas-field-draft_sponsor').waitFor();
  });

  it('discards the draft for everyone', async () => {
    await b.getByTestId('draft-discard').click();
    await b.getByTestId('draft-discard-confirm').click();
    await b.getByTestId('canvas-field-draft_budget').waitFor({ state: 'detached' });
    expect(await b.getByTestId('draft-discard').count()).toBe(0);
    expect((await draft()).app).toBeNull();
    await a.reload();
    await a.getByTestId('palette-text').waitFor();
    expect(await a.getByTestId('canvas-field-draft_sponsor').count()).toBe(0);
    expect(await a.getByTestId('unsaved').count()).toBe(0);
  });
});
