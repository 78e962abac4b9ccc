import { createTestRuntime, forEachDatabase, type TestRuntime } from '@tessera/runtime';
import { testApp } from './fixtures';

forEachDatabase('plugins named in the app', (getCtx) => {
  let rt: TestRuntime;
  beforeAll(async () => {
    const app = testApp();
    app.plugins = ['@tessera/plugin-rating'];
    app.entities[0].properties.rating = { 'x-id': 'f_rating', 'x-type': 'rating:stars', 'x-label': { en: 'Rating' } };
    rt = await createTestRuntime({ app, databaseUrl: getCtx().databaseUrl });
  });
  afterAll(() => rt?.close());

  it('loads the plugin by package name: its field type is listed and stored', async () => {
    const types = await rt.admin.call('GET', '/api/_meta/field-types');
    expect(types.body.data.map((t: { name: string }) => t.name)).toContain('rating:stars');
    const created = await rt.admin.call('POST', '/api/customers', { name: 'Rated', rating: 4 });
    expect(created.status).toBe(201);
    expect(created.body.data.rating).toBe(4);
    expect((await rt.admin.call('POST', '/api/customers', { name: 'Too many', rating: 9 })).status).toBe(422);
  });
});
