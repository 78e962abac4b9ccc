import { createTestRuntime, forEachDatabase, type TestRuntime } from '@tessera/runtime';
import { workflowApp } from './workflow-fixtures';

forEachDatabase('workflow transitions', (getCtx) => {
  let rt: TestRuntime;
  beforeAll(async () => {
    // A long timer: these tests are about transitions, not about `after`.
    rt = await createTestRuntime({ app: workflowApp({ timerMs: 3_600_000 }), databaseUrl: getCtx().databaseUrl, dataDir: getCtx().dataDir });
  });
  afterAll(() => rt?.close());

  const create = async (name: string) => {
    const res = await rt.admin.call('POST', '/api/customers', { name });
    expect(res.status).toBe(201);
    return res.body.data as { id: string; stage: string; version: number };
  };

  it('starts records in the initial state and lists the transitions the user may take', async () => {
    const c = await create('Acme');
    expect(c.stage).toBe('prospect');
    const wf = await rt.admin.call('GET', `/api/customers/${c.id}/workflow`);
    expect(wf.status).toBe(200);
    expect(wf.body.data).toMatchObject({ workflow: 'customer_stage', state: 'prospect', final: false, history: [] });
    expect(wf.body.data.transitions.map((t: { event: string }) => t.event)).toEqual(['ACTIVATE', 'LOSE']);
    expect(wf.body.data.transitions[1].form.required).toEqual(['reason']);
  });

  it('moves the record, applying setFields, and writes history and outbox rows in the same transaction', async () => {
    const c = await create('Beta');
    const res = await rt.admin.call('POST', `/api/customers/${c.id}/transitions/ACTIVATE`, {});
    expect(res.status).toBe(200);
    expect(res.body.data).toMatchObject({ stage: 'active', tier: 'silver', version: c.version + 1 });
    expect(res.body.transition).toEqual({ event: 'ACTIVATE', from: 'prospect', to: 'active' });
    const history = await rt.runtime.knex('tessera.workflow_history').where({ record_id: c.id });
    expect(history).toEqual([expect.objectContaining({ entity: 'customer', workflow: 'customer_stage', workflow_version: 1, from_state: 'prospect', to_state: 'active', event: 'ACTIVATE', actor: rt.admin.user.id })]);
    const outbox = await rt.runtime.knex('tessera.outbox').whereRaw("payload->>'recordId' = ?", [c.id]);
    expect(outbox).toEqual([expect.objectContaining({ kind: 'notify', payload: expect.objectContaining({ to: [rt.admin.user.id], body: 'Customer Beta is now active' }) })]);
    // The outbox is delivered after commit: an in-app notification for the owner.
    const deadline = Date.now() + 5000;
    let notes: unknown[] = [];
    while (Date.now() < deadline && notes.length === 0) {
      notes = await rt.runtime.knex('tessera.notifications').where({ record_id: c.id });
      if (notes.length === 0) await new Promise((r) => setTimeout(r, 100));
    }
    expect(notes).toEqual([expect.objectContaining({ user_id: rt.admin.user.id, body: 'Customer Beta is now active' })]);
    const wf = await rt.admin.call('GET', `/api/customers/${c.id}/workflow`);
    expect(wf.body.data.history).toEqual([expect.objectContaining({ event: 'ACTIVATE', from: 'prospect', to: 'active', actor: rt.admin.user.id })]);
  });

  it('refuses a plain write of the state field (422 read-only), on create and on update', async () => {
    const c = await create('Gamma');
    const patch = await rt.admin.call('PATCH', `/api/customers/${c.id}`, { stage: 'lost' });
    expect(patch.status).toBe(422);
    expect(patch.body.error.details).toEqual([expect.objectContaining({ field: 'stage', rule: 'read-only' })]);
    const post = await rt.admin.call('POST', '/api/customers', { name: 'Delta', stage: 'active' });
    expect(post.status).toBe(422);
    expect((await rt.admin.call('GET', `/api/customers/${c.id}`)).body.data.stage).toBe('prospect');
  });

  it('validates the transition form (422 naming the field) and changes nothing', async () => {
    const c = await create('Epsilon');
    const res = await rt.admin.call('POST', `/api/customers/${c.id}/transitions/LOSE`, {});
    expect(res.status).toBe(422);
    expect(res.body.error).toMatchObject({ code: 'validation_failed', details: [{ field: 'reason', rule: 'required', message: 'is required' }] });
    const short = await rt.admin.call('POST', `/api/customers/${c.id}/transitions/LOSE`, { reason: 'no' });
    expect(short.body.error.details).toEqual([expect.objectContaining({ field: 'reason', rule: 'minLength' })]);
    expect((await rt.admin.call('GET', `/api/customers/${c.id}`)).body.data).toMatchObject({ stage: 'prospect', version: c.version });
    const ok = await rt.admin.call('POST', `/api/customers/${c.id}/transitions/LOSE`, { reason: 'went elsewhere' });
    expect(ok.status).toBe(200);
    const [h] = await rt.runtime.knex('tessera.workflow_history').where({ record_id: c.id });
    expect(h.data).toEqual({ reason: 'went elsewhere' });
  });

  it('answers 409 for an event the state does not have, 403 without the role, 404 for an unknown record', async () => {
    const c = await create('Zeta');
    const unknown = await rt.admin.call('POST', `/api/customers/${c.id}/transitions/PROMOTE`, {});
    expect(unknown.status).toBe(409);
    expect(unknown.body.error.code).toBe('transition_not_available');
    expect(unknown.body.error.message).toContain('ACTIVATE, LOSE');
    await rt.admin.call('POST', `/api/customers/${c.id}/transitions/ACTIVATE`, {});
    const forbidden = await rt.admin.call('POST', `/api/customers/${c.id}/transitions/PROMOTE`, {});
    expect(forbidden.status).toBe(403);
    expect(forbidden.body.error).toMatchObject({ code: 'transition_forbidden', message: expect.stringContaining('manager') });
    await rt.createUser({ username: 'mgr', password: 'manager-password-1', roles: ['manager'] });
    const mgr = await rt.login('mgr', 'manager-password-1');
    expect((await mgr.call('GET', `/api/customers/${c.id}/workflow`)).body.data.transitions.map((t: { event: string }) => t.event)).toEqual(['PROMOTE', 'LOSE']);
    expect((await mgr.call('POST', `/api/customers/${c.id}/transitions/PROMOTE`, {})).status).toBe(200);
    const missing = await rt.admin.call('POST', '/api/customers/00000000-0000-4000-8000-000000000000/transitions/ACTIVATE', {});
    expect(missing.status).toBe(404);
  });

  it('lets exactly one of two racing transitions win; the other gets 409 and nothing of it is written', async () => {
    const c = await create('Race');
    const [a, b] = await Promise.all([
      rt.admin.call('POST', `/api/customers/${c.id}/transitions/ACTIVATE`, {}),
      rt.admin.call('POST', `/api/customers/${c.id}/transitions/ACTIVATE`, {}),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    const loser = a.status === 409 ? a : b;
    // Compare-and-set lost (truly concurrent), or decided after the winner committed: either way a 409.
    expect(['transition_conflict', 'transition_not_available']).toContain(loser.body.error.code);
    expect(await rt.runtime.knex('tessera.workflow_history').where({ record_id: c.id })).toHaveLength(1);
  });

  it('with If-Match, a transition decided on a version that moved on is a transition_conflict', async () => {
    const c = await create('Race 2');
    const ifMatch = { 'if-match': `W/"${c.version}"` };
    const [a, b] = await Promise.all([
      rt.admin.call('POST', `/api/customers/${c.id}/transitions/ACTIVATE`, {}, ifMatch),
      rt.admin.call('POST', `/api/customers/${c.id}/transitions/LOSE`, { reason: 'racing' }, ifMatch),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    expect((a.status === 409 ? a : b).body.error.code).toBe('transition_conflict');
    expect(await rt.runtime.knex('tessera.workflow_history').where({ record_id: c.id })).toHaveLength(1);
  });

  it('refuses a publish naming an unknown action, with a pointer', async () => {
    const app = workflowApp({ timerMs: 3_600_000 });
    app.workflows![0].machine.states.prospect.on!.ACTIVATE.actions = [{ type: 'sendFax' }];
    const version = (await rt.admin.call('GET', '/api/_meta/app')).body.version;
    const res = await rt.admin.call('POST', '/api/_meta/publish', { app, baseVersion: version });
    expect(res.status).toBe(422);
    expect(res.body.error.details).toEqual([expect.objectContaining({ code: 'unknown-action', pointer: '/workflows/0/machine/states/prospect/on/ACTIVATE/actions/0/type' })]);
  });
});
