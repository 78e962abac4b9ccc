import { createTestRuntime, forEachDatabase, type TestRuntime } from '@tessera/runtime';
import { testApp } from './fixtures';

const withScore = () => {
  const app = testApp();
  app.entities[0].properties.score = { 'x-id': 'f_score', 'x-type': 'number', 'x-label': { en: 'Score' } };
  return app;
};

// The designer's version diff and workflow canvas read these two routes (issue 8).
forEachDatabase('meta versions and registry', (getCtx) => {
  let rt: TestRuntime;
  beforeAll(async () => {
    rt = await createTestRuntime({ app: testApp(), databaseUrl: getCtx().databaseUrl });
  });
  afterAll(() => rt?.close());

  it('GET /api/_meta/versions/:n returns the stored definition of each published version', async () => {
    expect((await rt.admin.call('POST', '/api/_meta/publish', { app: withScore(), baseVersion: 1 })).status).toBe(200);
    const v1 = await rt.admin.call('GET', '/api/_meta/versions/1');
    expect(v1.status).toBe(200);
    expect(v1.body).toMatchObject({ version: 1, source: 'files' });
    expect(v1.body.app.entities[0].properties.score).toBeUndefined();
    const v2 = await rt.admin.call('GET', '/api/_meta/versions/2');
    expect(v2.status).toBe(200);
    expect(v2.body).toMatchObject({ version: 2, source: 'designer' });
    expect(v2.body.app.entities[0].properties.score).toMatchObject({ 'x-type': 'number' });
  });

  it('an unknown version is 404 and a malformed one 400, in the error envelope', async () => {
    const missing = await rt.admin.call('GET', '/api/_meta/versions/99');
    expect(missing.status).toBe(404);
    expect(missing.body.error).toMatchObject({ code: 'not_found', message: 'There is no version 99' });
    const bad = await rt.admin.call('GET', '/api/_meta/versions/two');
    expect(bad.status).toBe(400);
    expect(bad.body.error.details).toEqual([expect.objectContaining({ field: 'version' })]);
  });

  it('GET /api/_meta/registry lists guards and actions with their params schemas', async () => {
    const res = await rt.admin.call('GET', '/api/_meta/registry');
    expect(res.status).toBe(200);
    const notify = res.body.actions.find((a: { name: string }) => a.name === 'notify');
    expect(notify.paramsSchema.required).toEqual(['template', 'to']);
    expect(res.body.guards.map((g: { name: string }) => g.name)).toEqual(expect.arrayContaining(['role', 'field']));
    expect(res.body.channels).toContain('inApp');
    expect(res.body.fieldTypes.map((f: { name: string }) => f.name)).toContain('select');
  });

  it('both routes are for admins only', async () => {
    await rt.createUser({ username: 'versions_viewer', password: 'viewer-password-1', roles: ['sales'] });
    const client = await rt.login('versions_viewer', 'viewer-password-1');
    expect((await client.call('GET', '/api/_meta/versions/1')).status).toBe(403);
    expect((await client.call('GET', '/api/_meta/registry')).status).toBe(403);
  });
});
