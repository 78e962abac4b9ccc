import { createFieldTypeRegistry } from '@tessera/engine';
import type { AppDefinition } from '@tessera/metadata';
import { createTestRuntime, forEachDatabase, type SessionClient, type TestRuntime } from '@tessera/runtime';
import { compileAppState } from '../src/meta/compile-app-state';
import { returnStaleToPool } from '../src/pool/return-stale-to-pool';

const label = (en: string) => ({ en });
const DAY = 86_400_000;
/** Customers return after 30 days without a follow-up; a rep may claim 2 per 30 days, however many they own. */
const app = {
  name: 'poolactivity',
  label: label('Pool by activity'),
  layouts: [],
  entities: [
    {
      type: 'object', 'x-name': 'customer', 'x-plural': 'customers', 'x-label': label('Customer'), 'x-label-plural': label('Customers'),
      'x-pool': { ownerField: 'owner', returnAfterDays: 30, maxClaimsPerUser: 2, claimPeriodDays: 30, activity: { entity: 'follow_up', via: 'customer', date: 'occurred_at' } },
      properties: { name: { 'x-id': 'c_name', 'x-type': 'text', 'x-label': label('Name') } },
    },
    {
      type: 'object', 'x-name': 'follow_up', 'x-plural': 'follow_ups', 'x-label': label('Follow-up'),
      properties: {
        customer: { 'x-id': 'f_customer', 'x-type': 'relation', 'x-label': label('Customer'), 'x-relation': { entity: 'customer', kind: 'many-to-one', onDelete: 'cascade' }, 'x-indexed': true },
        occurred_at: { 'x-id': 'f_at', 'x-type': 'datetime', 'x-label': label('When') },
      },
    },
  ],
  permissions: { roles: { rep: { label: label('Rep'), entities: { customer: { actions: ['read', 'create', 'update', 'claim'], scope: 'own' }, follow_up: { actions: ['read', 'create'], scope: 'own' } } } } },
} as unknown as AppDefinition;

forEachDatabase('public pool by follow-up activity, claims per period', (getCtx) => {
  let rt: TestRuntime;
  const as: Record<string, SessionClient> = {};
  const users: Record<string, string> = {};
  const ids: Record<string, string> = {};
  const t0 = Date.now();
  beforeAll(async () => {
    rt = await createTestRuntime({ app, databaseUrl: getCtx().databaseUrl, dataDir: getCtx().dataDir });
    for (const name of ['rep1', 'rep2']) {
      users[name] = (await rt.createUser({ username: name, password: `${name}-password-1`, roles: ['rep'] })).id;
      as[name] = await rt.login(name, `${name}-password-1`);
    }
  });
  afterAll(() => rt?.close());

  const state = () => compileAppState(rt.runtime.app(), rt.runtime.version(), createFieldTypeRegistry());
  const owned = async (name: string, at: number, followUps: number[]) => {
    const res = await as.rep1.call('POST', '/api/customers', { name });
    expect(res.status).toBe(201);
    ids[name] = res.body.data.id;
    for (const days of followUps) expect((await as.rep1.call('POST', '/api/follow_ups', { customer: ids[name], occurred_at: new Date(at + days * DAY).toISOString() })).status).toBe(201);
  };
  const ownerOf = async (name: string) => (await rt.runtime.knex('app_poolactivity.customer').where({ id: ids[name] }).first('owner')).owner;

  it('returns only customers with no follow-up for N days (injected clock), whatever else changed', async () => {
    await owned('followed', t0, [-10, 35]); // the latest follow-up is 5 days before the run
    await owned('lapsed', t0, [0]); // 40 days before the run
    await owned('never', t0, []);
    await owned('claimed lately', t0, []);
    // An edit is not a follow-up: the lapsed customer was just renamed.
    expect((await as.rep1.call('PATCH', `/api/customers/${ids.lapsed}`, { name: 'lapsed' })).status).toBe(200);
    // A claim 35 days on counts as activity (a claimed record is not handed back the next night).
    await rt.runtime.knex('tessera.pool_claims').insert({ entity: 'customer', record_id: ids['claimed lately'], user_id: users.rep1, claimed_at: new Date(t0 + 35 * DAY) });
    // 20 days on nothing is 30 days old yet, created records included.
    expect(await returnStaleToPool(rt.runtime.knex, state(), new Date(t0 + 20 * DAY))).toEqual([{ entity: 'customer', returned: 0 }]);
    expect(await returnStaleToPool(rt.runtime.knex, state(), new Date(t0 + 40 * DAY))).toEqual([{ entity: 'customer', returned: 2 }]);
    expect(await ownerOf('followed')).toBe(users.rep1);
    expect(await ownerOf('claimed lately')).toBe(users.rep1);
    expect(await ownerOf('lapsed')).toBeNull();
    expect(await ownerOf('never')).toBeNull();
    const pool = await as.rep2.call('GET', '/api/customers?pool=true&sort=name');
    expect(pool.body.data.map((r: { name: string }) => r.name)).toEqual(['lapsed', 'never']);
  });

  it('takes exactly the stale ones out of many (one statement per entity)', async () => {
    const knex = rt.runtime.knex;
    const old = new Date(t0 - 90 * DAY);
    const rows = Array.from({ length: 400 }, (_, i) => ({ name: `bulk ${i}`, owner: users.rep2, created_at: old, updated_at: new Date(t0) }));
    const inserted: { id: string }[] = await knex('app_poolactivity.customer').insert(rows).returning('id');
    // Every other one was followed up 3 days ago; the rest 45 days ago.
    await knex('app_poolactivity.follow_up').insert(inserted.map((r, i) => ({ customer: r.id, owner: users.rep2, occurred_at: new Date(t0 - (i % 2 === 0 ? 3 : 45) * DAY) })));
    expect(await returnStaleToPool(knex, state(), new Date(t0))).toEqual([{ entity: 'customer', returned: 200 }]);
    const [{ n }] = await knex('app_poolactivity.customer').whereLike('name', 'bulk %').whereNull('owner').count({ n: '*' });
    expect(Number(n)).toBe(200);
  });

  it('limits claims per period, not owned customers: 2 in 30 days, the third refused, allowed again once they age', async () => {
    // rep2 owns 200 customers: the limit does not count them.
    const pooled: string[] = (await as.rep2.call('GET', '/api/customers?pool=true&sort=name&limit=5')).body.data.map((r: { id: string }) => r.id);
    expect((await as.rep2.call('POST', `/api/customers/${pooled[0]}/claim`)).status).toBe(200);
    expect((await as.rep2.call('POST', `/api/customers/${pooled[1]}/claim`)).status).toBe(200);
    const third = await as.rep2.call('POST', `/api/customers/${pooled[2]}/claim`);
    expect(third.status).toBe(409);
    expect(third.body.error).toMatchObject({ code: 'claim_limit_reached', message: 'You have claimed 2 customers in the last 30 days; the limit is 2' });
    expect((await rt.runtime.knex('app_poolactivity.customer').where({ id: pooled[2] }).first('owner')).owner).toBeNull();
    // Another rep has their own allowance.
    expect((await as.rep1.call('POST', `/api/customers/${pooled[2]}/claim`)).status).toBe(200);
    // A month later the old claims no longer count.
    await rt.runtime.knex('tessera.pool_claims').where({ user_id: users.rep2 }).update({ claimed_at: new Date(t0 - 31 * DAY) });
    expect((await as.rep2.call('POST', `/api/customers/${pooled[3]}/claim`)).status).toBe(200);
  });
});
