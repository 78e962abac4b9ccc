import { createTestRuntime, forEachDatabase, type TestRuntime, waitFor } from '@tessera/runtime';
import { workflowApp } from './workflow-fixtures';

/** The fixture's workflow with a timer on its initial state too (prospect → dormant). */
function initialTimerApp(initialMs: number, activeMs = 600_000) {
  const app = workflowApp({ timerMs: activeMs });
  const machine = app.workflows![0]!.machine;
  machine.states.prospect!.after = { [String(initialMs)]: { target: 'dormant' } };
  return app;
}

forEachDatabase('workflow timers of the initial state (armed on create)', (getCtx) => {
  const boot = (initialMs: number) => createTestRuntime({ app: initialTimerApp(initialMs), databaseUrl: getCtx().databaseUrl });
  const historyOf = (rt: TestRuntime, id: string) => rt.runtime.knex('tessera.workflow_history').where({ record_id: id }).orderBy('at');
  const stageOf = async (rt: TestRuntime, id: string) => (await rt.admin.call('GET', `/api/customers/${id}`)).body.data.stage as string;
  const dormant = (rt: TestRuntime, id: string) => waitFor(`${id} dormant`, async () => ((await stageOf(rt, id)) === 'dormant' ? true : undefined));

  it('moves a record created in a state with `after` by itself (single create, bulk create), once, as the system', async () => {
    const rt = await boot(500);
    try {
      const single = (await rt.admin.call('POST', '/api/customers', { name: 'Born sleepy' })).body.data;
      expect(single.stage).toBe('prospect');
      const bulk = await rt.admin.call('POST', '/api/customers/bulk', { create: [{ name: 'Bulk one' }, { name: 'Bulk two' }] });
      expect(bulk.status).toBe(200);
      const ids = [single.id as string, ...bulk.body.data.map((r: { data: { id: string } }) => r.data.id)];
      for (const id of ids) await dormant(rt, id);
      await new Promise((r) => setTimeout(r, 1500)); // a second firing would show up by now
      for (const id of ids) {
        expect((await historyOf(rt, id)).map((h) => [h.event, h.from_state, h.to_state, h.actor])).toEqual([['after:500', 'prospect', 'dormant', null]]);
      }
      // The create's outbox row is used up.
      const left = await rt.runtime.knex('tessera.outbox').where({ kind: 'workflow-timers' }).whereNull('sent_at');
      expect(left).toEqual([]);
    } finally {
      await rt.close();
    }
  }, 90_000);

  it('keeps the timer through an ordinary field edit (tied to the state entry, not the version)', async () => {
    const rt = await boot(1500);
    try {
      const { id, version } = (await rt.admin.call('POST', '/api/customers', { name: 'Edited' })).body.data;
      const patched = await rt.admin.call('PATCH', `/api/customers/${id}`, { name: 'Edited again' }, { 'If-Match': `"${version}"` });
      expect(patched.status).toBe(200);
      expect(patched.body.data.version).toBeGreaterThan(version);
      await dormant(rt, id);
      expect((await historyOf(rt, id)).map((h) => h.event)).toEqual(['after:1500']);
    } finally {
      await rt.close();
    }
  }, 90_000);

  it('drops the timer when a transition leaves the state first', async () => {
    const rt = await boot(1500);
    try {
      const { id } = (await rt.admin.call('POST', '/api/customers', { name: 'Moved on' })).body.data;
      expect((await rt.admin.call('POST', `/api/customers/${id}/transitions/ACTIVATE`, {})).status).toBe(200);
      await new Promise((r) => setTimeout(r, 3500));
      expect(await stageOf(rt, id)).toBe('active');
      expect((await historyOf(rt, id)).map((h) => h.to_state)).toEqual(['active']);
    } finally {
      await rt.close();
    }
  }, 90_000);
});
