import type { AppDefinition } from '@tessera/metadata';
import { createTestRuntime, forEachDatabase, type TestRuntime } from '@tessera/runtime';
import { relationsApp } from './relations-fixtures';

/** The app without deal.tags: the many-to-many is added and removed by publishing. */
function withoutTags(): AppDefinition {
  const app = relationsApp();
  const deal = app.entities.find((e) => e['x-name'] === 'deal')!;
  delete deal.properties.tags;
  return app;
}

forEachDatabase('relations: publishing a many-to-many', (getCtx) => {
  let rt: TestRuntime;
  beforeAll(async () => {
    rt = await createTestRuntime({ app: withoutTags(), databaseUrl: getCtx().databaseUrl });
  });
  afterAll(() => rt?.close());

  it('creates the join table on publish, archives it when the field goes', async () => {
    const deal = (await rt.admin.call('POST', '/api/deals', { title: 'Before' })).body.data;
    const tag = (await rt.admin.call('POST', '/api/tags', { label: 'hot' })).body.data;
    const added = await rt.admin.call('POST', '/api/_meta/publish', { app: relationsApp(), baseVersion: 1 });
    expect(added.status).toBe(200);
    expect((await rt.admin.call('GET', `/api/deals/${deal.id}`)).body.data.tags).toEqual([]);
    expect((await rt.admin.call('PATCH', `/api/deals/${deal.id}`, { tags: [tag.id] })).body.data.tags).toEqual([tag.id]);

    const refused = await rt.admin.call('POST', '/api/_meta/publish', { app: withoutTags(), baseVersion: added.body.version });
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe('confirmation_required');
    const removed = await rt.admin.call('POST', '/api/_meta/publish', { app: withoutTags(), baseVersion: added.body.version, confirmDestructive: true });
    expect(removed.status).toBe(200);
    const read = await rt.admin.call('GET', `/api/deals/${deal.id}`);
    expect(read.body.data).not.toHaveProperty('tags');
    const unknown = await rt.admin.call('PATCH', `/api/deals/${deal.id}`, { tags: [tag.id] });
    expect(unknown.status).toBe(422);
    expect(unknown.body.error.details).toEqual([expect.objectContaining({ field: 'tags', rule: 'unknown-field' })]);
  });
});
