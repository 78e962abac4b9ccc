import type { AppDefinition } from '@tessera/metadata';
import { createTestRuntime, forEachDatabase, type TestRuntime } from '@tessera/runtime';
import { customerEntity, testApp } from './fixtures';

/** A toggle with setFields + notify and no timers: the transition is one statement (a data-modifying CTE). */
function toggleApp(): AppDefinition {
  const app = testApp();
  const customer = customerEntity();
  customer.properties.status = {
    'x-id': 'f_status',
    'x-type': 'select',
    'x-label': { en: 'Status' },
    'x-options': ['open', 'closed'].map((value) => ({ value, label: { en: value } })),
  };
  app.entities[0] = customer;
  return {
    ...app,
    workflows: [{
      name: 'customer_status',
      entity: 'customer',
      stateField: 'status',
      version: 1,
      machine: {
        initial: 'open',
        states: {
          open: { on: { CLOSE: { target: 'closed', actions: [{ type: 'setFields', params: { fields: { tier: 'gold' } } }, { type: 'notify', params: { template: '{{name}} is {{status}} ({{tier}})', to: ['owner'] } }] } } },
          closed: { on: { REOPEN: { target: 'open', actions: [{ type: 'setFields', params: { fields: { tier: 'not-a-tier' } } }] } } },
        },
      },
    }],
  };
}

forEachDatabase('one-statement transitions', (getCtx) => {
  let rt: TestRuntime;
  beforeAll(async () => {
    rt = await createTestRuntime({ app: toggleApp(), databaseUrl: getCtx().databaseUrl, dataDir: getCtx().dataDir });
  });
  afterAll(() => rt?.close());

  const create = async (name: string) => (await rt.admin.call('POST', '/api/customers', { name })).body.data as { id: string; version: number };

  it('writes state, fields, history, outbox and the attributed audit row in one statement after the read', async () => {
    const c = await create('Toggle');
    const sent: string[] = [];
    const listen = (q: { sql: string }) => sent.push(q.sql);
    rt.runtime.knex.on('query', listen);
    const res = await rt.admin.call('POST', `/api/customers/${c.id}/transitions/CLOSE`, {}, { 'x-request-id': 'req-close-1' });
    rt.runtime.knex.off('query', listen);

    expect(res.status).toBe(200);
    expect(res.body.data).toMatchObject({ status: 'closed', tier: 'gold', version: c.version + 1 });
    // Up to the write: the record's read, then the CTE — no BEGIN/COMMIT (the outbox dispatcher runs after).
    const write = sent.findIndex((sql) => sql.startsWith('with upd as ('));
    expect(write).toBeGreaterThan(0);
    expect(sent.slice(0, write).filter((sql) => !/tessera\.(sessions|users|plugin)/.test(sql))).toEqual([expect.stringMatching(/^select \* from "[^"]+"\."customer" where "id" = \$1 limit \$2$/)]);

    const history = await rt.runtime.knex('tessera.workflow_history').where({ record_id: c.id });
    expect(history).toEqual([expect.objectContaining({ from_state: 'open', to_state: 'closed', event: 'CLOSE', actor: rt.admin.user.id })]);
    const outbox = await rt.runtime.knex('tessera.outbox').whereRaw("payload->>'recordId' = ?", [c.id]);
    expect(outbox).toHaveLength(1);
    const payload = typeof outbox[0].payload === 'string' ? JSON.parse(outbox[0].payload) : outbox[0].payload;
    // Rendered on the record as written: the new state and the field the transition set.
    expect(payload).toMatchObject({ to: [rt.admin.user.id], body: 'Toggle is closed (gold)' });
    const audit = await rt.runtime.knex('tessera.audit_log').where({ record_id: c.id, action: 'update' });
    expect(audit).toEqual([expect.objectContaining({ actor_id: rt.admin.user.id, request_id: 'req-close-1' })]);
  });

  it('lets one of two racing transitions win; the loser writes no history, outbox or audit row', async () => {
    const c = await create('Race');
    const answers = await Promise.all([1, 2, 3].map(() => rt.admin.call('POST', `/api/customers/${c.id}/transitions/CLOSE`, {})));
    expect(answers.map((a) => a.status).sort()).toEqual([200, 409, 409]);
    expect(await rt.runtime.knex('tessera.workflow_history').where({ record_id: c.id })).toHaveLength(1);
    expect(await rt.runtime.knex('tessera.outbox').whereRaw("payload->>'recordId' = ?", [c.id])).toHaveLength(1);
    expect(await rt.runtime.knex('tessera.audit_log').where({ record_id: c.id, action: 'update' })).toHaveLength(1);
  });

  it('refuses setFields values the entity rejects (422) and writes nothing', async () => {
    const c = await create('Bad fields');
    expect((await rt.admin.call('POST', `/api/customers/${c.id}/transitions/CLOSE`, {})).status).toBe(200);
    const res = await rt.admin.call('POST', `/api/customers/${c.id}/transitions/REOPEN`, {});
    expect(res.status).toBe(422);
    expect(res.body.error.details).toEqual([expect.objectContaining({ field: 'tier' })]);
    const after = await rt.admin.call('GET', `/api/customers/${c.id}`);
    expect(after.body.data).toMatchObject({ status: 'closed', tier: 'gold', version: c.version + 1 });
    expect(await rt.runtime.knex('tessera.workflow_history').where({ record_id: c.id })).toHaveLength(1);
  });
});
