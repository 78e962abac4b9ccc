import type { AppDefinition } from '@tessera/metadata';
import { createTestRuntime, forEachDatabase, type TestRuntime } from '@tessera/runtime';
import { relationsApp } from './relations-fixtures';

function withoutTags(): AppDefinition {
  const app = relationsApp();
  delete app.entities.find((e) => e['x-name'] === 'deal')!.properties.tags;
  return app;
}

forEachDatabase('migrate: rollback restores an archived join table', (getCtx) => {
  let rt: TestRuntime;
  beforeAll(async () => {
    rt = await createTestRuntime({ app: relationsApp(), databaseUrl: getCtx().databaseUrl });
  });
  afterAll(() => rt?.close());

  it('removing a many-to-many drops its links; rollback brings every link back (but none to a record deleted since)', async () => {
    const tags: string[] = [];
    for (const label of ['hot', 'warm', 'cold', 'gone']) tags.push((await rt.admin.call('POST', '/api/tags', { label })).body.data.id);
    const links: Record<string, string[]> = {};
    for (const [title, picked] of [['A', [0, 1, 3]], ['B', [1]], ['C', []], ['D', [0, 1, 2, 3]]] as const) {
      const created = await rt.admin.call('POST', '/api/deals', { title, tags: picked.map((i) => tags[i]) });
      expect(created.status).toBe(201);
      links[created.body.data.id] = [...created.body.data.tags].sort();
    }
    const { version } = (await rt.admin.call('GET', '/api/_meta/app')).body;
    const removed = await rt.admin.call('POST', '/api/_meta/publish', { app: withoutTags(), baseVersion: version, confirmDestructive: true });
    expect(removed.status).toBe(200);
    for (const id of Object.keys(links)) expect((await rt.admin.call('GET', `/api/deals/${id}`)).body.data).not.toHaveProperty('tags');
    expect((await rt.admin.call('GET', '/api/_meta/archives')).body.data).toEqual([expect.objectContaining({ kind: 'table', source: 'deal__tags', rows: 8 })]);

    // A tag deleted while the field is gone: its links stay out (the foreign key would refuse them).
    expect((await rt.admin.call('DELETE', `/api/tags/${tags[3]}`)).status).toBe(204);
    const back = await rt.admin.call('POST', '/api/_meta/rollback', { baseVersion: version + 1 });
    expect(back.status).toBe(200);
    expect(back.body.steps).toEqual(expect.arrayContaining([expect.objectContaining({ kind: 'restore-archive', description: expect.stringContaining('deal.tags') })]));
    for (const [id, expected] of Object.entries(links)) {
      const read = await rt.admin.call('GET', `/api/deals/${id}`);
      expect([...read.body.data.tags].sort()).toEqual(expected.filter((t) => t !== tags[3]));
    }
    // The restored table is a real join table again: writes work, and the foreign keys hold.
    const [first] = Object.keys(links);
    expect((await rt.admin.call('PATCH', `/api/deals/${first}`, { tags: [tags[2]] })).body.data.tags).toEqual([tags[2]]);
    const missing = await rt.admin.call('PATCH', `/api/deals/${first}`, { tags: [tags[3]] });
    expect(missing.status).toBe(422);
  });
});
