import { createFieldTypeRegistry } from '@tessera/engine';
import type { AppDefinition } from '@tessera/metadata';
import { createTestRuntime, forEachDatabase, type TestRuntime } from '@tessera/runtime';
import { compileAppState } from '../src/meta/compile-app-state';
import { returnStaleToPool } from '../src/pool/return-stale-to-pool';
import type { SessionClient } from '../src/testing/create-session-client';

const label = (en: string) => ({ en });
const app = {
  name: 'pooltest',
  label: label('Pool'),
  entities: [
    {
      type: 'object', 'x-name': 'customer', 'x-plural': 'customers', 'x-label': label('Customer'),
      'x-pool': { ownerField: 'owner', returnAfterDays: 30, activityField: 'last_followed_at', maxClaimsPerUser: 2 },
      properties: { name: { 'x-id': 'fld_name', 'x-type': 'text', 'x-label': label('Name') }, last_followed_at: { 'x-id': 'fld_last', 'x-type': 'datetime', 'x-label': label('Last follow-up') } },
    },
    { type: 'object', 'x-name': 'note', 'x-plural': 'notes', 'x-label': label('Note'), properties: { body: { 'x-id': 'fld_body', 'x-type': 'text', 'x-label': label('Body') } } },
  ],
  layouts: [],
  permissions: {
    roles: {
      sales_rep: { label: label('Rep'), entities: { customer: { actions: ['read', 'create', 'update', 'claim'], scope: 'own' }, note: { actions: ['read', 'create'], scope: 'own' } } },
      sales_manager: { label: label('Manager'), entities: { customer: { actions: ['read', 'update', 'transfer', 'claim'], scope: 'department' } } },
      service: { label: label('Service'), entities: { customer: { actions: ['read'], scope: 'all' } } },
    },
  },
} as unknown as AppDefinition;

forEachDatabase('public pool (公海)', (getCtx) => {
  let rt: TestRuntime;
  const as: Record<string, SessionClient> = {};
  const ids: Record<string, string> = {};
  const userIds: Record<string, string> = {};

  beforeAll(async () => {
    rt = await createTestRuntime({ app, databaseUrl: getCtx().databaseUrl, dataDir: getCtx().dataDir });
    const [dept] = await rt.runtime.knex('tessera.departments').insert({ name: 'Sales' }).returning('id');
    for (const [name, role] of [['rep1', 'sales_rep'], ['rep2', 'sales_rep'], ['mgr', 'sales_manager'], ['svc', 'service']]) {
      userIds[name] = (await rt.createUser({ username: name, password: `${name}-password-123`, roles: [role], departmentId: dept.id })).id;
      as[name] = await rt.login(name, `${name}-password-123`);
    }
    as.admin = rt.admin;
    // The admin creates the records and releases them: that is how they enter the pool.
    for (const key of ['a', 'b', 'c', 'd']) {
      const res = await rt.admin.call('POST', '/api/customers', { name: key });
      expect(res.status).toBe(201);
      ids[key] = res.body.data.id;
      const released = await rt.admin.call('POST', `/api/customers/${ids[key]}/release`);
      expect(released.status).toBe(200);
      expect(released.body.data.owner).toBeNull();
    }
  });
  afterAll(() => rt?.close());

  const poolNames = async (who: string) => {
    const res = await as[who].call('GET', '/api/customers?pool=true&sort=name');
    expect(res.status).toBe(200);
    return res.body.data.map((r: { name: string }) => r.name);
  };

  it('lists the pool for roles that may claim; pooled records are readable, not writable', async () => {
    expect(await poolNames('rep1')).toEqual(['a', 'b', 'c', 'd']);
    expect((await as.rep1.call('GET', `/api/customers/${ids.a}`)).status).toBe(200);
    const patch = await as.rep1.call('PATCH', `/api/customers/${ids.a}`, { name: 'mine now' });
    expect(patch.status).toBe(404);
    const noClaim = await as.svc.call('GET', '/api/customers?pool=true');
    expect(noClaim.status).toBe(403);
    expect(noClaim.body.error.code).toBe('forbidden');
    const bad = await as.rep1.call('GET', '/api/customers?pool=yes');
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('invalid_query');
    expect((await as.admin.call('GET', '/api/notes?pool=true')).status).toBe(404);
  });

  it('two claimers race for one record: exactly one wins', async () => {
    const results = await Promise.all([as.rep1.call('POST', `/api/customers/${ids.a}/claim`), as.rep2.call('POST', `/api/customers/${ids.a}/claim`)]);
    const statuses = results.map((r) => r.status).sort();
    expect(statuses[0]).toBe(200);
    // The loser no longer sees the record (own scope): the same answer as a missing id.
    expect(statuses[1]).toBe(404);
    const winner = results[0].status === 200 ? 'rep1' : 'rep2';
    const [row] = await rt.runtime.knex('app_pooltest.customer').where({ id: ids.a }).select('owner');
    expect(row.owner).toBe(userIds[winner]);
    ids.winner = winner;
    ids.loser = winner === 'rep1' ? 'rep2' : 'rep1';
    expect(await poolNames('rep1')).toEqual(['b', 'c', 'd']);
  });

  it('enforces the per-user claim limit with 409 claim_limit_reached, leaving the record pooled', async () => {
    // The winner already owns one: one more is allowed, then the limit (2) is reached.
    expect((await as[ids.winner].call('POST', `/api/customers/${ids.b}/claim`)).status).toBe(200);
    const over = await as[ids.winner].call('POST', `/api/customers/${ids.c}/claim`);
    expect(over.status).toBe(409);
    expect(over.body.error.code).toBe('claim_limit_reached');
    expect(await poolNames('rep1')).toEqual(['c', 'd']);
    const again = await as[ids.winner].call('POST', `/api/customers/${ids.a}/claim`);
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('not_in_pool');
    expect((await as.svc.call('POST', `/api/customers/${ids.c}/claim`)).status).toBe(403);
    expect((await as.rep1.call('POST', '/api/customers/not-a-uuid/claim')).status).toBe(404);
    expect((await as.rep1.call('GET', `/api/customers/${ids.c}/claim`)).status).toBe(405);
  });

  it('release: by the owner or a manager, never by another rep', async () => {
    const other = await as[ids.loser].call('POST', `/api/customers/${ids.b}/release`);
    expect(other.status).toBe(404);
    expect((await as.mgr.call('POST', `/api/customers/${ids.b}/release`)).status).toBe(200);
    expect((await as[ids.winner].call('POST', `/api/customers/${ids.a}/release`)).status).toBe(200);
    const twice = await as[ids.winner].call('POST', `/api/customers/${ids.a}/release`);
    expect(twice.status).toBe(409);
    expect(await poolNames('rep1')).toEqual(['a', 'b', 'c', 'd']);
  });

  it('claims and releases are audited as their own actions', async () => {
    const rows = await rt.runtime.knex('tessera.audit_log').where({ entity: 'customer', record_id: ids.a }).orderBy('id').select('action', 'actor_id');
    const actions = rows.map((r: { action: string }) => r.action);
    expect(actions).toEqual(['create', 'release', 'claim', 'release']);
    expect(rows[2].actor_id).toBe(userIds[ids.winner]);
  });

  it('returnStaleToPool returns records not followed up for N days (injected clock)', async () => {
    expect((await as.rep1.call('POST', `/api/customers/${ids.c}/claim`)).status).toBe(200);
    expect((await as.rep2.call('POST', `/api/customers/${ids.d}/claim`)).status).toBe(200);
    const state = compileAppState(rt.runtime.app(), rt.runtime.version(), createFieldTypeRegistry());
    // 29 days on: nothing is stale yet (a claim counts as a follow-up).
    expect(await returnStaleToPool(rt.runtime.knex, state, new Date(Date.now() + 29 * 86_400_000))).toEqual([{ entity: 'customer', returned: 0 }]);
    await rt.runtime.knex('app_pooltest.customer').where({ id: ids.c }).update({ last_followed_at: new Date(Date.now() - 40 * 86_400_000) });
    expect(await returnStaleToPool(rt.runtime.knex, state, new Date())).toEqual([{ entity: 'customer', returned: 1 }]);
    expect(await poolNames('rep1')).toEqual(['a', 'b', 'c']);
    const [audit] = await rt.runtime.knex('tessera.audit_log').where({ entity: 'customer', record_id: ids.c }).orderBy('id', 'desc').limit(1).select('action', 'actor_id');
    expect(audit).toEqual({ action: 'return_to_pool', actor_id: null });
    expect(await returnStaleToPool(rt.runtime.knex, state, new Date(Date.now() + 31 * 86_400_000))).toEqual([{ entity: 'customer', returned: 1 }]);
    expect(await poolNames('rep1')).toEqual(['a', 'b', 'c', 'd']);
  });
});
