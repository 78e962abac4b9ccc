import { createTestRuntime, forEachDatabase, type TestRuntime, waitFor } from '@tessera/runtime';
import type { AppDefinition, WorkflowDefinition } from '@tessera/metadata';
import { approvalApp } from './approval-fixtures';
import { workflowApp } from './workflow-fixtures';

// Definition changes with records in flight (issue 6): removed states need a mapping at
// publish, kept states carry on under the new definition, running approvals keep their chain.

const LOSE = { target: 'lost', meta: { form: { required: ['reason'], properties: { reason: { type: 'string', minLength: 3 } } } } };
const named = (app: AppDefinition, name: string): AppDefinition => ({ ...app, name });

/** The customer stage flow with `active` replaced by `engaged` (and its option gone), which may also be paused. */
function engagedApp(base: AppDefinition): AppDefinition {
  const app = structuredClone(base);
  const stage = app.entities[0].properties.stage;
  stage['x-options'] = ['prospect', 'engaged', 'dormant', 'lost'].map((value) => ({ value, label: { en: value } }));
  const wf = app.workflows![0];
  wf.version = 2;
  wf.machine.states = {
    prospect: { on: { ACTIVATE: { target: 'engaged' }, LOSE } },
    engaged: { on: { PAUSE: { target: 'dormant' }, LOSE }, after: { '600000': { target: 'dormant' } } },
    dormant: { on: { ACTIVATE: { target: 'engaged' } } },
    lost: { type: 'final' },
  };
  return app;
}

forEachDatabase('workflow definition changes with records in flight', (getCtx) => {
  const boot = (app: AppDefinition) => createTestRuntime({ app, databaseUrl: getCtx().databaseUrl, dataDir: getCtx().dataDir });
  const historyOf = (rt: TestRuntime, id: string) => rt.runtime.knex('tessera.workflow_history').where({ record_id: id }).orderBy('at');
  const create = async (rt: TestRuntime, name: string, event?: string) => {
    const { id } = (await rt.admin.call('POST', '/api/customers', { name })).body.data;
    if (event) expect((await rt.admin.call('POST', `/api/customers/${id}/transitions/${event}`, {})).status).toBe(200);
    return id as string;
  };
  const get = async (rt: TestRuntime, id: string) => (await rt.admin.call('GET', `/api/customers/${id}`)).body.data;

  it('refuses a publish that strands records (409 with counts), previews it, and moves them by mapping in one transaction', async () => {
    const base = named(workflowApp({ timerMs: 600_000 }), 'wfv_map');
    const rt = await boot(base);
    try {
      const a = await create(rt, 'Alpha', 'ACTIVATE');
      const b = await create(rt, 'Beta', 'ACTIVATE');
      const c = await create(rt, 'Gamma');
      const next = engagedApp(base);

      const refused = await rt.admin.call('POST', '/api/_meta/publish', { app: next, baseVersion: 1 });
      expect(refused.status).toBe(409);
      expect(refused.body.error.code).toBe('state_mapping_required');
      expect(refused.body.error.details).toEqual([expect.objectContaining({ field: 'stateMappings.customer.active', rule: 'state_mapping_required', entity: 'customer', state: 'active', count: 2, samples: [a, b].sort() })]);
      expect(refused.body.error.details[0].message).toContain('map it to one of: prospect, engaged, dormant, lost');
      expect(rt.runtime.version()).toBe(1);

      const preview = await rt.admin.call('POST', '/api/_meta/plan', { app: next });
      expect(preview.status).toBe(200);
      expect(preview.body.stateMappings).toEqual([{ entity: 'customer', workflow: 'customer_stage', from: 'active', to: null, count: 2, samples: [a, b].sort() }]);
      const mapped = await rt.admin.call('POST', '/api/_meta/plan', { app: next, options: { stateMappings: { customer: { active: 'engaged' } } } });
      expect(mapped.body.stateMappings[0].to).toBe('engaged');

      const wrong = await rt.admin.call('POST', '/api/_meta/publish', { app: next, baseVersion: 1, stateMappings: { customer: { active: 'engagd', prospect: 'lost' } } });
      expect(wrong.status).toBe(422);
      expect(wrong.body.error.details.map((d: { field: string; rule: string }) => [d.field, d.rule])).toEqual([['stateMappings.customer.active', 'unknown-state'], ['stateMappings.customer.prospect', 'state-kept']]);
      expect(wrong.body.error.message).toContain('"engagd", which is not a state of the new workflow');
      const malformed = await rt.admin.call('POST', '/api/_meta/publish', { app: next, baseVersion: 1, stateMappings: { customer: { active: 3 } } });
      expect(malformed.status).toBe(400);
      expect(malformed.body.error.details[0].field).toBe('stateMappings');

      // A mapping with another part of the change failing (a removed tier option still in use): nothing moves.
      const tierUsed = await rt.admin.call('PATCH', `/api/customers/${c}`, { tier: 'gold' });
      expect(tierUsed.status).toBe(200);
      const failing = structuredClone(next);
      failing.entities[0].properties.tier['x-options'] = [{ value: 'silver', label: { en: 'Silver' } }];
      const failed = await rt.admin.call('POST', '/api/_meta/publish', { app: failing, baseVersion: 1, stateMappings: { customer: { active: 'engaged' } } });
      expect(failed.status).toBe(409);
      expect(failed.body.error.code).toBe('migration_precheck_failed');
      expect(await get(rt, a)).toMatchObject({ stage: 'active', version: 2 });
      expect((await historyOf(rt, a)).map((h) => h.event)).toEqual(['ACTIVATE']);

      const ok = await rt.admin.call('POST', '/api/_meta/publish', { app: next, baseVersion: 1, stateMappings: { customer: { active: 'engaged' } } });
      expect(ok.status).toBe(200);
      expect(ok.body.version).toBe(2);
      expect(await get(rt, a)).toMatchObject({ stage: 'engaged', version: 3 });
      expect(await get(rt, b)).toMatchObject({ stage: 'engaged', version: 3 });
      const history = await historyOf(rt, a);
      expect(history.map((h) => [h.event, h.from_state, h.to_state, h.actor, h.workflow_version, h.app_version])).toEqual([
        ['ACTIVATE', 'prospect', 'active', rt.admin.user.id, 1, 1],
        ['_migrated', 'active', 'engaged', rt.admin.user.id, 2, 2],
      ]);
      const audit = await rt.runtime.knex('tessera.audit_log').where({ record_id: a, action: 'workflow_migrate' });
      expect(audit).toHaveLength(1);
      expect(audit[0].actor_id).toBe(rt.admin.user.id);
      expect(audit[0].changes).toEqual(expect.arrayContaining([expect.objectContaining({ field: 'stage', old: 'active', new: 'engaged' })]));

      // The moved records take the new definition's transitions; the old ones are gone.
      expect((await rt.admin.call('POST', `/api/customers/${a}/transitions/PAUSE`, {})).body.data.stage).toBe('dormant');
      const gone = await rt.admin.call('POST', `/api/customers/${b}/transitions/PROMOTE`, {});
      expect(gone.status).toBe(409);
      expect(gone.body.error.code).toBe('transition_not_available');
      // A record in a kept state carries on under the new definition.
      const moved = await rt.admin.call('POST', `/api/customers/${c}/transitions/ACTIVATE`, {});
      expect(moved.status).toBe(200);
      expect(moved.body.data.stage).toBe('engaged');
    } finally {
      await rt.close();
    }
  }, 90_000);

  it('re-arms a mapped record for its new state, arms new delays of kept states, and drops timers the new definition lacks', async () => {
    const base = named(workflowApp({ timerMs: 2500 }), 'wfv_timers');
    const rt = await boot(base);
    try {
      const d = await create(rt, 'Dozy', 'ACTIVATE');
      await waitFor('the old timer to make Dozy dormant', async () => ((await get(rt, d)).stage === 'dormant' ? true : undefined));
      const k = await create(rt, 'Kept', 'ACTIVATE'); // its 2.5 s timer is pending at the publish
      const p = await create(rt, 'Patient');
      const armedAt = Date.now();

      const next = structuredClone(base);
      next.entities[0].properties.stage['x-options'] = ['prospect', 'active', 'sleeping', 'lost'].map((value) => ({ value, label: { en: value } }));
      const wf = next.workflows![0] as WorkflowDefinition;
      wf.machine.states = {
        prospect: { on: { ACTIVATE: { target: 'active' }, LOSE }, after: { '800': { target: 'lost' } } },
        active: { on: { LOSE }, after: { '600000': { target: 'sleeping' } } },
        sleeping: { on: { ACTIVATE: { target: 'active' } }, after: { '500': { target: 'lost' } } },
        lost: { type: 'final' },
      };
      const ok = await rt.admin.call('POST', '/api/_meta/publish', { app: next, baseVersion: 1, stateMappings: { customer: { dormant: 'sleeping' } } });
      expect(ok.status).toBe(200);

      await waitFor('the mapped record to leave its new state by the new timer', async () => ((await get(rt, d)).stage === 'lost' ? true : undefined));
      expect((await historyOf(rt, d)).map((h) => [h.event, h.to_state])).toEqual([['ACTIVATE', 'active'], ['after:2500', 'dormant'], ['_migrated', 'sleeping'], ['after:500', 'lost']]);
      await waitFor('the new delay of a kept state', async () => ((await get(rt, p)).stage === 'lost' ? true : undefined));
      expect((await historyOf(rt, p)).map((h) => h.event)).toEqual(['after:800']);

      // The 2.5 s timer armed under the old definition came due, found no such delay, and did nothing.
      await new Promise((r) => setTimeout(r, Math.max(0, armedAt + 2500 + 2500 - Date.now())));
      expect(await get(rt, k)).toMatchObject({ stage: 'active', version: 2 });
      expect((await historyOf(rt, k)).map((h) => h.event)).toEqual(['ACTIVATE']);
    } finally {
      await rt.close();
    }
  }, 90_000);
});

forEachDatabase('approval chains across a publish', (getCtx) => {
  it('a running chain finishes on the steps it started with; a new one uses the published steps', async () => {
    const base = named(approvalApp({ steps: [{ id: 'manager', approvers: { kind: 'manager' }, mode: 'any' }] }), 'wfv_approval');
    const rt = await createTestRuntime({ app: base, databaseUrl: getCtx().databaseUrl, dataDir: getCtx().dataDir });
    try {
      const boss = (await rt.createUser({ username: 'boss', password: 'password-123', roles: ['manager'] })).id;
      await rt.createUser({ username: 'rep', password: 'password-123', roles: ['sales'], managerId: boss });
      const dir = (await rt.createUser({ username: 'dir', password: 'password-123', roles: ['director'] })).id;
      const rep = await rt.login('rep', 'password-123');
      const bossClient = await rt.login('boss', 'password-123');
      const submit = async () => {
        const id = (await rep.call('POST', '/api/quotes', { name: 'Q', discount: 30 })).body.data.id as string;
        expect((await rep.call('POST', `/api/quotes/${id}/transitions/SUBMIT`, {})).status).toBe(200);
        const [approval] = (await rep.call('GET', `/api/approvals?entity=quote&recordId=${id}`)).body.data;
        return { id, approval: approval as { id: string; steps: { id: string }[] } };
      };
      const running = await submit();
      expect(running.approval.steps.map((s) => s.id)).toEqual(['manager']);

      const next = structuredClone(base);
      next.workflows![0].version = 2;
      next.workflows![0].machine.states.pending_approval.approval!.steps.push({ id: 'director', approvers: { kind: 'role', roles: ['director'] }, mode: 'any' });
      const published = await rt.admin.call('POST', '/api/_meta/publish', { app: next, baseVersion: 1 });
      expect(published.status).toBe(200);

      // The running chain ends after its one step, although the chain now has two.
      const approved = await bossClient.call('POST', `/api/approvals/${running.approval.id}/approve`, {});
      expect(approved.status).toBe(200);
      expect(approved.body.data).toMatchObject({ status: 'approved', step: null });
      expect((await rt.admin.call('GET', `/api/quotes/${running.id}`)).body.data.status).toBe('approved');

      const fresh = await submit();
      expect(fresh.approval.steps.map((s) => s.id)).toEqual(['manager', 'director']);
      expect((await bossClient.call('POST', `/api/approvals/${fresh.approval.id}/approve`, {})).body.data).toMatchObject({ status: 'pending', step: 'director' });
      const [task] = await rt.runtime.knex('tessera.approval_tasks').where({ instance_id: fresh.approval.id, step: 'director' });
      expect(task.assignee).toBe(dir);
      expect((await rt.admin.call('GET', `/api/quotes/${fresh.id}`)).body.data.status).toBe('pending_approval');
    } finally {
      await rt.close();
    }
  }, 90_000);
});
