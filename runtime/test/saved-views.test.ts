import { createTestRuntime, forEachDatabase, type TestRuntime } from '@tessera/runtime';
import type { AppDefinition } from '@tessera/metadata';
import { testApp } from './fixtures';

type Client = Awaited<ReturnType<TestRuntime['login']>>;

/** Reps read customers without `revenue`; contacts are not theirs to read at all. */
function viewsApp(): AppDefinition {
  const app = testApp();
  app.permissions = { roles: { sales_rep: { label: { en: 'Rep' }, entities: { customer: { actions: ['read', 'create', 'update'], scope: 'own', fields: { revenue: 'hidden' } } } } } };
  return app;
}

/** `/api/_views`: saved list views per user, checked by the list-query parser, own only. */
forEachDatabase('saved views over HTTP', (getCtx) => {
  let rt: TestRuntime;
  let rep: Client;
  let rep2: Client;
  let boss: Client;
  const ids: Record<string, string> = {};
  beforeAll(async () => {
    rt = await createTestRuntime({ app: viewsApp(), databaseUrl: getCtx().databaseUrl, dataDir: getCtx().dataDir });
    ids.boss = (await rt.createUser({ username: 'boss', password: 'password-123', roles: ['sales_rep'] })).id;
    await rt.createUser({ username: 'rep', password: 'password-123', roles: ['sales_rep'], managerId: ids.boss });
    await rt.createUser({ username: 'rep2', password: 'password-123', roles: ['sales_rep'] });
    [rep, rep2, boss] = await Promise.all(['rep', 'rep2', 'boss'].map((u) => rt.login(u, 'password-123')));
  });
  afterAll(() => rt?.close());

  const gold = { filter: { and: [{ tier: { eq: 'gold' } }] }, sort: '-name', q: 'acme' };

  it('saves, lists, renames and deletes my view', async () => {
    const created = await rep.call('POST', '/api/_views', { entity: 'customer', name: '  Gold accounts ', query: gold });
    expect(created.status).toBe(201);
    expect(created.body.data).toMatchObject({ entity: 'customer', name: 'Gold accounts', query: gold, shared: false, mine: true });
    const id = created.body.data.id;
    // The stored query runs as-is on the list API.
    const list = await rep.call('GET', `/api/customers?filter=${encodeURIComponent(JSON.stringify(gold.filter))}&sort=-name&q=acme`);
    expect(list.status).toBe(200);

    expect((await rep.call('GET', '/api/_views?entity=customer')).body.data.map((v: { name: string }) => v.name)).toEqual(['Gold accounts']);
    const renamed = await rep.call('PATCH', `/api/_views/${id}`, { name: 'Gold', query: { sort: 'name' } });
    expect(renamed.status).toBe(200);
    expect(renamed.body.data).toMatchObject({ name: 'Gold', query: { sort: 'name' } });
    expect((await rep.call('DELETE', `/api/_views/${id}`)).status).toBe(204);
    expect((await rep.call('GET', '/api/_views?entity=customer')).body.data).toEqual([]);
    expect(await rt.runtime.knex('tessera.saved_views').where({ id }).first()).toBeUndefined();
  });

  it('refuses invalid views: bad name, unknown or hidden field, bad operator, bad sort, duplicate name', async () => {
    const bad = await rep.call('POST', '/api/_views', { entity: 'customer', name: '', query: { filter: { nope: { eq: 1 } }, sort: 'revenue', extra: 1 } });
    expect(bad.status).toBe(422);
    expect(bad.body.error.code).toBe('validation_failed');
    expect(bad.body.error.details.map((d: { field: string }) => d.field)).toEqual(expect.arrayContaining(['name', 'query.extra']));

    const hidden = await rep.call('POST', '/api/_views', { entity: 'customer', name: 'Rich', query: { filter: { revenue: { gt: 1 } } } });
    expect(hidden.status).toBe(422);
    expect(hidden.body.error.details[0].field).toBe('query.filter');
    const hiddenSort = await rep.call('POST', '/api/_views', { entity: 'customer', name: 'Rich', query: { sort: '-revenue' } });
    expect(hiddenSort.body.error.details[0].field).toBe('query.sort');
    // The admin sees revenue: the same view is fine for them.
    expect((await rt.admin.call('POST', '/api/_views', { entity: 'customer', name: 'Rich', query: { filter: { revenue: { gt: 1 } } } })).status).toBe(201);

    const op = await rep.call('POST', '/api/_views', { entity: 'customer', name: 'Op', query: { filter: { active: { contains: 'x' } } } });
    expect(op.status).toBe(422);
    expect((await rep.call('POST', '/api/_views', { entity: 'customer', name: 'x'.repeat(101) })).status).toBe(422);
    expect((await rep.call('POST', '/api/_views', { entity: 'ghost', name: 'G' })).body.error.details[0].field).toBe('entity');
    expect((await rep.call('POST', '/api/_views', { entity: 'contact', name: 'C' })).status).toBe(403); // not readable at all
    expect((await rep.call('GET', '/api/_views?entity=contact')).status).toBe(403);

    expect((await rep.call('POST', '/api/_views', { entity: 'customer', name: 'Same' })).status).toBe(201);
    const dup = await rep.call('POST', '/api/_views', { entity: 'customer', name: 'Same', query: { sort: 'name' } });
    expect(dup.status).toBe(409);
    expect(dup.body.error.details[0].field).toBe('name');
  });

  it('keeps views per user: another user\'s view is invisible and a 404 to change', async () => {
    const mine = await rep.call('POST', '/api/_views', { entity: 'customer', name: 'Private', query: { sort: 'name' } });
    const id = mine.body.data.id;
    expect((await rep2.call('GET', '/api/_views?entity=customer')).body.data.map((v: { name: string }) => v.name)).not.toContain('Private');
    expect((await rep2.call('PATCH', `/api/_views/${id}`, { name: 'Mine now' })).status).toBe(404);
    expect((await rep2.call('DELETE', `/api/_views/${id}`)).status).toBe(404);
    expect((await rt.runtime.knex('tessera.saved_views').where({ id }).first()).name).toBe('Private');
  });

  it('shares a view only from admins and managers; a shared view the reader cannot run is left out', async () => {
    const refused = await rep.call('POST', '/api/_views', { entity: 'customer', name: 'Team', query: {}, shared: true });
    expect(refused.status).toBe(422);
    expect(refused.body.error.details[0]).toMatchObject({ field: 'shared', rule: 'forbidden' });

    const team = await boss.call('POST', '/api/_views', { entity: 'customer', name: 'Team gold', query: gold, shared: true }); // boss manages rep
    expect(team.status).toBe(201);
    await rt.admin.call('POST', '/api/_views', { entity: 'customer', name: 'Revenue', query: { sort: '-revenue' }, shared: true });
    const seen = (await rep2.call('GET', '/api/_views?entity=customer')).body.data;
    expect(seen.map((v: { name: string }) => v.name)).toEqual(['Team gold']); // not "Revenue": a hidden field for reps
    expect(seen[0]).toMatchObject({ mine: false, shared: true, ownerName: expect.any(String) });
    expect((await rep2.call('PATCH', `/api/_views/${team.body.data.id}`, { name: 'x' })).status).toBe(404);
  });
});
