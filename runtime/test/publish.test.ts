import { createTestRuntime, forEachDatabase, type TestRuntime } from '@tessera/runtime';
import { testApp } from './fixtures';

const withWebsiteScore = () => {
  const app = testApp();
  app.entities[0].properties.score = { 'x-id': 'f_score', 'x-type': 'number', 'x-label': { en: 'Score' }, maximum: 10 };
  return app;
};

forEachDatabase('publish', (getCtx) => {
  let rt: TestRuntime;
  beforeAll(async () => {
    rt = await createTestRuntime({ app: testApp(), databaseUrl: getCtx().databaseUrl });
  });
  afterAll(() => rt?.close());

  const columnsOf = async (table: string) =>
    (await rt.runtime.knex('information_schema.columns').where({ table_schema: 'app_crm_test', table_name: table }).pluck('column_name')) as string[];

  it('adds a field: the column exists and the API accepts it, with no restart', async () => {
    const before = await rt.admin.call('POST', '/api/customers', { name: 'Early', score: 3 });
    expect(before.status).toBe(422);
    expect(before.body.error.details).toEqual([expect.objectContaining({ field: 'score' })]);

    const res = await rt.admin.call('POST', '/api/_meta/publish', { app: withWebsiteScore(), baseVersion: 1 });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ version: 2 });
    expect(await columnsOf('customer')).toContain('score');

    const created = await rt.admin.call('POST', '/api/customers', { name: 'Late', score: 7 });
    expect(created.status).toBe(201);
    expect(created.body.data.score).toBe(7);
    expect((await rt.admin.call('POST', '/api/customers', { name: 'Too high', score: 11 })).status).toBe(422);
    const meta = await rt.admin.call('GET', '/api/_meta/app');
    expect(meta.body.version).toBe(2);
    expect(meta.body.app.entities[0].properties.score).toBeDefined();
    const stored = await rt.runtime.knex('tessera.metadata_versions').where({ app_name: 'crm_test' }).orderBy('version').select('version', 'source');
    expect(stored).toEqual([{ version: 1, source: 'files' }, { version: 2, source: 'designer' }]);
  });

  it('a stale baseVersion → 409 version_conflict and nothing changes', async () => {
    const app = withWebsiteScore();
    app.entities[0].properties.stale = { 'x-id': 'f_stale', 'x-type': 'text', 'x-label': { en: 'Stale' } };
    const res = await rt.admin.call('POST', '/api/_meta/publish', { app, baseVersion: 1 });
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('version_conflict');
    expect(await columnsOf('customer')).not.toContain('stale');
    expect((await rt.admin.call('GET', '/api/_meta/app')).body.version).toBe(2);
  });

  it('invalid metadata → 422 invalid_metadata with pointers; nothing changes', async () => {
    const app = withWebsiteScore() as any;
    app.entities[0].properties.broken = { 'x-id': 'f_broken', 'x-type': 'no-such-type', 'x-label': { en: 'Broken' } };
    const res = await rt.admin.call('POST', '/api/_meta/publish', { app, baseVersion: 2 });
    expect(res.status).toBe(422);
    expect(res.body.error.code).toBe('invalid_metadata');
    expect(res.body.error.details).toEqual(
      expect.arrayContaining([expect.objectContaining({ pointer: expect.stringContaining('/entities/0/properties/broken'), code: expect.any(String), message: expect.any(String), hint: expect.any(String) })]),
    );
    expect(await columnsOf('customer')).not.toContain('broken');
  });

  it('dropping a field without confirmDestructive → 409 confirmation_required naming it; nothing changes', async () => {
    const app = withWebsiteScore();
    delete app.entities[0].properties.notes;
    const res = await rt.admin.call('POST', '/api/_meta/publish', { app, baseVersion: 2 });
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('confirmation_required');
    expect(res.body.error.details).toEqual([expect.objectContaining({ field: 'customer.notes', rule: 'archive-column' })]);
    expect(await columnsOf('customer')).toContain('notes');
    expect((await rt.admin.call('GET', '/api/_meta/app')).body.version).toBe(2);
  });

  it('a publish body without app or baseVersion → 400 naming them', async () => {
    const res = await rt.admin.call('POST', '/api/_meta/publish', {});
    expect(res.status).toBe(400);
    expect(res.body.error.details.map((d: { field: string }) => d.field)).toEqual(['app', 'baseVersion']);
  });
});
