import type { AppDefinition, RelationSpec } from '@tessera/metadata';
import { createTestRuntime, forEachDatabase, type TestRuntime } from '@tessera/runtime';

const label = (en: string) => ({ en });

/** Deals whose `customer` field (one id throughout) changes kind; contacts point back at deals for the one-to-many. */
function kindApp(relation: RelationSpec): AppDefinition {
  const named = (x: string) => ({ type: 'object' as const, 'x-id': `e_${x}`, 'x-name': x, 'x-plural': `${x}s`, 'x-label': label(x) });
  return {
    name: 'kinds', label: label('Kinds'), layouts: [],
    entities: [
      { ...named('customer'), properties: { name: { 'x-id': 'f_cname', 'x-type': 'text', 'x-label': label('Name') } } },
      { ...named('deal'), properties: {
        title: { 'x-id': 'f_title', 'x-type': 'text', 'x-label': label('Title') },
        customer: { 'x-id': 'f_link', 'x-type': 'relation', 'x-label': label('Customer'), 'x-relation': relation },
      } },
      { ...named('contact'), properties: { deal: { 'x-id': 'f_deal', 'x-type': 'relation', 'x-label': label('Deal'), 'x-relation': { entity: 'deal', kind: 'many-to-one', onDelete: 'set-null' } } } },
    ],
  };
}
const M2O: RelationSpec = { entity: 'customer', kind: 'many-to-one' };
const M2M: RelationSpec = { entity: 'customer', kind: 'many-to-many' };
const O2M: RelationSpec = { entity: 'contact', kind: 'one-to-many', field: 'deal' };

forEachDatabase('migrate: relation kind changes keep the links', (getCtx) => {
  let rt: TestRuntime;
  const c: string[] = [];
  const deals: Record<string, string> = {};
  beforeAll(async () => {
    rt = await createTestRuntime({ app: kindApp(M2O), databaseUrl: getCtx().databaseUrl, dataDir: getCtx().dataDir });
    for (const name of ['c1', 'c2']) c.push((await rt.admin.call('POST', '/api/customers', { name })).body.data.id);
    for (const [title, customer] of [['A', c[0]], ['B', c[1]], ['C', null]] as const) deals[title] = (await rt.admin.call('POST', '/api/deals', { title, customer })).body.data.id;
  });
  afterAll(() => rt?.close());

  const version = async () => (await rt.admin.call('GET', '/api/_meta/app')).body.version as number;
  const publish = async (relation: RelationSpec, confirmDestructive = true) => rt.admin.call('POST', '/api/_meta/publish', { app: kindApp(relation), baseVersion: await version(), confirmDestructive });
  const rollback = async () => rt.admin.call('POST', '/api/_meta/rollback', { baseVersion: await version(), confirmDestructive: true });
  const links = async () => {
    const out: Record<string, unknown> = {};
    for (const [title, id] of Object.entries(deals)) {
      const value = (await rt.admin.call('GET', `/api/deals/${id}`)).body.data.customer;
      out[title] = Array.isArray(value) ? [...value].sort() : value;
    }
    return out;
  };

  it('many-to-one → many-to-many: needs confirmation, then every link is in the join table; rollback copies them back', async () => {
    const unconfirmed = await publish(M2M, false);
    expect(unconfirmed.status).toBe(409);
    expect(unconfirmed.body.error.code).toBe('confirmation_required');
    const res = await publish(M2M);
    expect(res.status).toBe(200);
    const [applied] = (await rt.admin.call('GET', '/api/_meta/history')).body.data;
    expect(applied.steps.map((s: { kind: string }) => s.kind)).toEqual(expect.arrayContaining(['archive-column', 'create-table', 'copy-links']));
    expect(await links()).toEqual({ A: [c[0]], B: [c[1]], C: [] });
    // Links behave as many-to-many now.
    expect((await rt.admin.call('PATCH', `/api/deals/${deals.C}`, { customer: [c[1]] })).status).toBe(200);

    const back = await rollback();
    expect(back.status).toBe(200);
    expect(await links()).toEqual({ A: c[0], B: c[1], C: c[1] });
    // The column's foreign key is back: a missing customer is refused.
    expect((await rt.admin.call('PATCH', `/api/deals/${deals.C}`, { customer: '00000000-0000-4000-8000-000000000000' })).status).toBe(422);
  });

  it('many-to-many → many-to-one: refused with the count and ids of records with several links; after fixing them the single links move; rollback restores', async () => {
    expect((await publish(M2M)).status).toBe(200);
    deals.D = (await rt.admin.call('POST', '/api/deals', { title: 'D', customer: [c[0], c[1]] })).body.data.id;
    expect((await rt.admin.call('PATCH', `/api/deals/${deals.A}`, { customer: [c[0], c[1]] })).status).toBe(200);
    const before = await version();

    const refused = await publish(M2O);
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe('migration_precheck_failed');
    expect(refused.body.error.details).toEqual([expect.objectContaining({ field: 'deal.customer', rule: 'copy-links', count: 2, samples: [deals.A, deals.D].sort() })]);
    expect(await version()).toBe(before);
    expect(await links()).toEqual({ A: [...c].sort(), B: [c[1]], C: [c[1]], D: [...c].sort() });

    expect((await rt.admin.call('PATCH', `/api/deals/${deals.A}`, { customer: [c[1]] })).status).toBe(200);
    expect((await rt.admin.call('PATCH', `/api/deals/${deals.D}`, { customer: [c[0]] })).status).toBe(200);
    expect((await publish(M2O)).status).toBe(200);
    expect(await links()).toEqual({ A: c[1], B: c[1], C: c[1], D: c[0] });

    expect((await rollback()).status).toBe(200);
    expect(await links()).toEqual({ A: [c[1]], B: [c[1]], C: [c[1]], D: [c[0]] });
    expect((await publish(M2O)).status).toBe(200);
  });

  it('many-to-one → one-to-many archives the column (no storage); rollback restores its values from the archive', async () => {
    const res = await publish(O2M);
    expect(res.status).toBe(200);
    const columns = await rt.runtime.knex('information_schema.columns').where({ table_schema: 'app_kinds', table_name: 'deal' }).pluck('column_name');
    expect(columns).not.toContain('customer');
    expect((await rollback()).status).toBe(200);
    expect(await links()).toEqual({ A: c[1], B: c[1], C: c[1], D: c[0] });
  });
});
