import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { createTestRuntime, forEachDatabase, type TestRuntime } from '@tessera/runtime';
import type { AppDefinition } from '@tessera/metadata';
import { writeAppDir } from './app-files';
import { testApp } from './fixtures';

const withField = (app: AppDefinition, name: string, label: string): AppDefinition => {
  const next = structuredClone(app);
  next.entities[0].properties[name] = { 'x-id': `f_${name}`, 'x-type': 'text', 'x-label': { en: label } };
  return next;
};

// Issue 17: the designer's draft lives on the server, shared by implementers and browsers.
forEachDatabase('designer drafts on the server', (getCtx) => {
  let dataDir: string | undefined;
  let appDir: string;
  let rt: TestRuntime;
  beforeAll(async () => {
    // "History survives a new Runtime" needs a database that outlives the first one.
    if (getCtx().kind === 'pglite') {
      dataDir = await mkdtemp(path.join(os.tmpdir(), 'tessera-drafts-'));
      // The folder's first opening creates the cluster, which on a loaded machine can outlast the
      // runtime's wait for its one connection; done here, the runtime only opens it.
      await (await PGlite.create({ dataDir })).close();
    }
    appDir = await writeAppDir(testApp());
  });
  afterAll(async () => {
    await rt?.close();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });
  const boot = () => createTestRuntime({ appDir, databaseUrl: getCtx().databaseUrl, dataDir });

  it('two implementers: a stale save is refused with who changed it, the merge saves, history and undo survive a restart, discard clears it', async () => {
    rt = await boot();
    await rt.createUser({ username: 'li', password: 'li-password-123', displayName: 'Li Wei', roles: ['admin'] });
    await rt.createUser({ username: 'rep', password: 'rep-password-123', displayName: 'Rep', roles: [] });
    const admin = rt.admin;
    const li = await rt.login('li', 'li-password-123');
    const rep = await rt.login('rep', 'rep-password-123');

    const empty = await admin.call('GET', '/api/_meta/draft');
    expect(empty.status).toBe(200);
    expect(empty.body).toMatchObject({ revision: 0, app: null, canUndo: false, canRedo: false });
    const { version, app: published } = (await admin.call('GET', '/api/_meta/app')).body as { version: number; app: AppDefinition };

    // Admin's first change creates the draft (revision 0 → 1) on top of the published version.
    const first = withField(published, 'region', 'Region');
    const saved = await admin.call('PUT', '/api/_meta/draft', { revision: 0, baseVersion: version, app: first });
    expect(saved.status).toBe(200);
    expect(saved.body).toMatchObject({ revision: 1, baseVersion: version, canUndo: true, canRedo: false, lastAction: 'edit', updatedBy: { username: 'admin' } });
    expect(saved.body.app).toBeUndefined();

    // Li, in another browser, sees it and changes it (revision 1 → 2).
    const seen = await li.call('GET', '/api/_meta/draft');
    expect(seen.body.app.entities[0].properties.region).toBeDefined();
    expect(seen.body.updatedBy).toMatchObject({ displayName: expect.any(String), username: 'admin' });
    const theirs = withField(seen.body.app, 'segment', 'Segment');
    expect((await li.call('PUT', '/api/_meta/draft', { revision: 1, baseVersion: version, app: theirs })).body).toMatchObject({ revision: 2, updatedBy: { displayName: 'Li Wei' } });

    // Admin still edits revision 1: refused, naming Li; nothing of the stale save is kept.
    const ours = withField(first, 'tier', 'Tier');
    const refused = await admin.call('PUT', '/api/_meta/draft', { revision: 1, baseVersion: version, app: ours });
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe('draft_conflict');
    expect(refused.body.error.message).toMatch(/^Li Wei changed the draft at .*merge your change with theirs or reload/);
    expect((await admin.call('GET', '/api/_meta/draft')).body).toMatchObject({ revision: 2 });
    expect((await admin.call('GET', '/api/_meta/draft')).body.app.entities[0].properties.tier).toBeUndefined();

    // The designer merges (theirs + ours) and saves on the current revision: both fields are kept.
    const merged = withField(theirs, 'tier', 'Tier');
    expect((await admin.call('PUT', '/api/_meta/draft', { revision: 2, baseVersion: version, app: merged })).status).toBe(200);
    const history = (await li.call('GET', '/api/_meta/draft/history')).body.data as { step: number; current: boolean; createdBy: { username: string } }[];
    expect(history.map((s) => [s.step, s.current, s.createdBy.username])).toEqual([[0, false, 'admin'], [1, false, 'admin'], [2, false, 'li'], [3, true, 'admin']]);

    // Undo by Li takes back the admin's merge step; a stale undo is refused like a stale save.
    expect((await li.call('POST', '/api/_meta/draft/undo', { revision: 2 })).status).toBe(409);
    const undone = await li.call('POST', '/api/_meta/draft/undo', { revision: 3 });
    expect(undone.body).toMatchObject({ revision: 4, canUndo: true, canRedo: true, lastAction: 'undo' });
    expect(Object.keys(undone.body.app.entities[0].properties)).toEqual(expect.arrayContaining(['region', 'segment']));
    expect(undone.body.app.entities[0].properties.tier).toBeUndefined();

    // Bad input and non-admins.
    const bad = await admin.call('PUT', '/api/_meta/draft', { revision: -1, app: { ...merged, name: 'other' } });
    expect(bad.status).toBe(422);
    expect(bad.body.error.details.map((d: { field: string }) => d.field).sort()).toEqual(['app.name', 'baseVersion', 'revision']);
    expect((await rep.call('GET', '/api/_meta/draft')).status).toBe(403);
    expect((await rep.call('POST', '/api/_meta/draft/discard', { revision: 4 })).status).toBe(403);
    await rt.close();

    // A new runtime on the same database: the draft, its position and its redo branch are there.
    rt = await boot();
    const li2 = await rt.login('li', 'li-password-123');
    const after = (await li2.call('GET', '/api/_meta/draft')).body;
    expect(after).toMatchObject({ revision: 4, canUndo: true, canRedo: true, lastAction: 'undo', updatedBy: { username: 'li' } });
    const redone = await li2.call('POST', '/api/_meta/draft/redo', { revision: 4 });
    expect(redone.body.app.entities[0].properties.tier).toBeDefined();
    expect(redone.body).toMatchObject({ revision: 5, canRedo: false });
    expect((await li2.call('POST', '/api/_meta/draft/redo', { revision: 5 })).body.error).toMatchObject({ code: 'nothing_to_redo', message: 'There is nothing to redo in the draft' });

    // A new edit after undo drops the redo branch.
    await li2.call('POST', '/api/_meta/draft/undo', { revision: 5 });
    const branch = await li2.call('PUT', '/api/_meta/draft', { revision: 6, baseVersion: version, app: withField(theirs, 'zone', 'Zone') });
    expect(branch.body).toMatchObject({ revision: 7, canRedo: false });
    expect(((await li2.call('GET', '/api/_meta/draft/history')).body.data as unknown[]).length).toBe(4);

    // Discard: the draft is gone for everyone, and a late save from the other browser learns who discarded it.
    const discarded = await li2.call('POST', '/api/_meta/draft/discard', { revision: 7 });
    expect(discarded.body).toMatchObject({ revision: 8, app: null, canUndo: false, lastAction: 'discard' });
    const late = await rt.admin.call('PUT', '/api/_meta/draft', { revision: 7, baseVersion: version, app: ours });
    expect(late.status).toBe(409);
    expect(late.body.error.message).toMatch(/^Li Wei discarded the draft at /);
    expect((await rt.admin.call('GET', '/api/_meta/draft/history')).body.data).toEqual([]);
    // A new draft after the discard starts again from the published version.
    const again = await rt.admin.call('PUT', '/api/_meta/draft', { revision: 8, baseVersion: version, app: ours });
    expect(again.body).toMatchObject({ revision: 9, canUndo: true });
    // Step 0 is the running app exactly, its field order included (a draft is stored as json, not jsonb).
    const running = (await rt.admin.call('GET', '/api/_meta/app')).body.app;
    expect(JSON.stringify((await rt.admin.call('POST', '/api/_meta/draft/undo', { revision: 9 })).body.app)).toBe(JSON.stringify(running));
    const ordered = withField(withField(published, 'zeta', 'Zeta'), 'alpha', 'Alpha');
    const keys = Object.keys(ordered.entities[0].properties);
    await rt.admin.call('PUT', '/api/_meta/draft', { revision: 10, baseVersion: version, app: ordered });
    expect(Object.keys((await rt.admin.call('GET', '/api/_meta/draft')).body.app.entities[0].properties)).toEqual(keys);
  });

  it('keeps at most the last 100 changes, and a save for an unknown base version is refused', async () => {
    const { version, app } = (await rt.admin.call('GET', '/api/_meta/app')).body as { version: number; app: AppDefinition };
    let revision = (await rt.admin.call('GET', '/api/_meta/draft')).body.revision as number;
    revision = (await rt.admin.call('POST', '/api/_meta/draft/discard', { revision })).body.revision;
    expect((await rt.admin.call('PUT', '/api/_meta/draft', { revision, baseVersion: 99, app })).status).toBe(422);
    for (let i = 0; i < 105; i++) {
      const res = await rt.admin.call('PUT', '/api/_meta/draft', { revision, baseVersion: version, app: withField(app, 'note', `Note ${i}`) });
      expect(res.status).toBe(200);
      revision = res.body.revision;
    }
    const steps = (await rt.admin.call('GET', '/api/_meta/draft/history')).body.data as { step: number }[];
    expect(steps.length).toBe(101);
    expect(steps[0].step).toBe(5);
  });
});
