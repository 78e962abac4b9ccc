import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createTestRuntime, forEachDatabase } from '@tessera/runtime';
import { writeAppDir } from './app-files';
import { testApp } from './fixtures';

forEachDatabase('restart keeps designer publishes (the hash rule)', (getCtx) => {
  let dataDir: string | undefined;
  beforeAll(async () => {
    // A restart needs a database that outlives the runtime: a PGlite folder, or the block's PostgreSQL database.
    if (getCtx().kind === 'pglite') dataDir = await mkdtemp(path.join(os.tmpdir(), 'tessera-pglite-'));
  });
  afterAll(async () => {
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });
  const boot = (appDir: string) => createTestRuntime({ appDir, databaseUrl: getCtx().databaseUrl, dataDir });

  it('keeps designer fields across a restart with unchanged files; imports edited files as a new version', async () => {
    const files = testApp();
    const appDir = await writeAppDir(files);

    let rt = await boot(appDir);
    try {
      expect((await rt.admin.call('GET', '/api/_meta/app')).body.version).toBe(1);
      const designed = testApp();
      designed.entities[0].properties.score = { 'x-id': 'f_score', 'x-type': 'number', 'x-label': { en: 'Score' } };
      expect((await rt.admin.call('POST', '/api/_meta/publish', { app: designed, baseVersion: 1 })).body).toEqual({ version: 2 });
      expect((await rt.admin.call('POST', '/api/customers', { name: 'Kept', score: 5 })).status).toBe(201);
    } finally {
      await rt.close();
    }

    rt = await boot(appDir);
    try {
      const meta = await rt.admin.call('GET', '/api/_meta/app');
      expect(meta.body.version).toBe(2);
      expect(meta.body.app.entities[0].properties.score).toBeDefined();
      const list = await rt.admin.call('GET', '/api/customers');
      expect(list.body.data).toEqual([expect.objectContaining({ name: 'Kept', score: 5 })]);
    } finally {
      await rt.close();
    }

    // The implementer edits the files (keeping the designer's field, adding another): files win.
    const edited = testApp();
    edited.entities[0].properties.score = { 'x-id': 'f_score', 'x-type': 'number', 'x-label': { en: 'Score' } };
    edited.entities[0].properties.region = { 'x-id': 'f_region', 'x-type': 'text', 'x-label': { en: 'Region' } };
    await writeAppDir(edited, appDir);
    rt = await boot(appDir);
    try {
      const meta = await rt.admin.call('GET', '/api/_meta/app');
      expect(meta.body.version).toBe(3);
      const customer = meta.body.app.entities.find((e: { 'x-name': string }) => e['x-name'] === 'customer');
      expect(Object.keys(customer.properties)).toEqual(expect.arrayContaining(['score', 'region']));
      const created = await rt.admin.call('POST', '/api/customers', { name: 'New', region: 'North' });
      expect(created.status).toBe(201);
      const sources = await rt.runtime.knex('tessera.metadata_versions').orderBy('version').pluck('source');
      expect(sources).toEqual(['files', 'designer', 'files']);
    } finally {
      await rt.close();
    }
  });
});
