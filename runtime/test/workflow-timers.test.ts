import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createTestRuntime, forEachDatabase, type TestRuntime, waitFor } from '@tessera/runtime';
import { workflowApp } from './workflow-fixtures';

forEachDatabase('workflow timers (pg-boss)', (getCtx) => {
  let dataDir: string | undefined;
  beforeAll(async () => {
    // A restart needs a database that outlives the runtime: a PGlite folder, or the block's PostgreSQL database.
    if (getCtx().kind === 'pglite') dataDir = await mkdtemp(path.join(os.tmpdir(), 'tessera-wf-'));
  });
  afterAll(async () => {
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });
  const boot = (timerMs: number) => createTestRuntime({ app: workflowApp({ timerMs }), databaseUrl: getCtx().databaseUrl, dataDir });
  const historyOf = (rt: TestRuntime, id: string) => rt.runtime.knex('tessera.workflow_history').where({ record_id: id }).orderBy('at');

  it('fires an `after` of 500 ms once, as the system', async () => {
    const rt = await boot(500);
    try {
      const { id } = (await rt.admin.call('POST', '/api/customers', { name: 'Sleepy' })).body.data;
      expect((await rt.admin.call('POST', `/api/customers/${id}/transitions/ACTIVATE`, {})).status).toBe(200);
      const record = await waitFor('the timer', async () => {
        const r = (await rt.admin.call('GET', `/api/customers/${id}`)).body.data;
        return r.stage === 'dormant' ? r : undefined;
      });
      expect(record.stage).toBe('dormant');
      await new Promise((r) => setTimeout(r, 1500)); // a second firing would show up by now
      const history = await historyOf(rt, id);
      expect(history.map((h) => [h.event, h.from_state, h.to_state, h.actor])).toEqual([
        ['ACTIVATE', 'prospect', 'active', rt.admin.user.id],
        ['after:500', 'active', 'dormant', null],
      ]);
    } finally {
      await rt.close();
    }
  }, 180_000);

  it('does not fire when the record left the state first', async () => {
    const rt = await boot(500);
    try {
      const { id } = (await rt.admin.call('POST', '/api/customers', { name: 'Quick' })).body.data;
      await rt.admin.call('POST', `/api/customers/${id}/transitions/ACTIVATE`, {});
      expect((await rt.admin.call('POST', `/api/customers/${id}/transitions/LOSE`, { reason: 'changed mind' })).status).toBe(200);
      await new Promise((r) => setTimeout(r, 2000));
      expect((await historyOf(rt, id)).map((h) => h.to_state)).toEqual(['active', 'lost']);
    } finally {
      await rt.close();
    }
  }, 180_000);

  it('fires a timer that came due while the runtime was down, once, after the restart', async () => {
    let rt = await boot(1000);
    let id: string;
    try {
      id = (await rt.admin.call('POST', '/api/customers', { name: 'Restart' })).body.data.id;
      await rt.admin.call('POST', `/api/customers/${id}/transitions/ACTIVATE`, {});
    } finally {
      await rt.close(); // closed before the 1 s timer is due
    }
    await new Promise((r) => setTimeout(r, 1500));
    rt = await boot(1000);
    try {
      await waitFor('the overdue timer', async () => ((await rt.admin.call('GET', `/api/customers/${id}`)).body.data.stage === 'dormant' ? true : undefined));
      await new Promise((r) => setTimeout(r, 1500));
      expect((await historyOf(rt, id)).map((h) => h.event)).toEqual(['ACTIVATE', 'after:1000']);
    } finally {
      await rt.close();
    }
  }, 90_000);
});
