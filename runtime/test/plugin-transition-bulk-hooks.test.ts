import { definePlugin, type PluginRecord } from '@tessera/engine';
import { createTestRuntime, forEachDatabase, type TestRuntime } from '@tessera/runtime';
import { workflowApp } from './workflow-fixtures';

interface Customer extends PluginRecord {
  id: string;
  name: string;
  notes?: string | null;
  stage?: string | null;
}

const transitions: { event: string; from: string; to: string; stage: unknown }[] = [];
const bulkAfter: string[] = [];

/** Hooks on the two write paths that issue 9 added: workflow transitions and bulk writes. */
const plugin = definePlugin<{ customer: Customer }>({
  name: '@test/transition-bulk',
  version: '1.0.0',
  hooks: {
    customer: {
      beforeTransition(ctx) {
        if (ctx.previous.name === 'Frozen') ctx.reject(`${ctx.event} is not allowed from ${ctx.from} for frozen customers`, 'stage');
        if (ctx.previous.name === 'Crash') throw new Error('transition hook broke');
      },
      afterTransition(ctx) {
        transitions.push({ event: ctx.event, from: ctx.from, to: ctx.to, stage: ctx.record?.stage });
      },
      beforeCreate(ctx) {
        if (ctx.data.name === 'refused') ctx.reject('no refused customers', 'name');
        ctx.data.notes = 'bulk-checked';
      },
      afterCreate(ctx) {
        bulkAfter.push(`created ${String(ctx.record?.name)}`);
      },
      beforeUpdate(ctx) {
        ctx.data.notes = `was ${String(ctx.previous.name)}`;
      },
      afterDelete(ctx) {
        bulkAfter.push(`deleted ${String(ctx.previous?.name)}`);
      },
    },
  },
});

const until = async (check: () => boolean) => {
  for (let i = 0; i < 100 && !check(); i++) await new Promise((r) => setTimeout(r, 20));
};

forEachDatabase('plugin hooks on transitions and bulk writes', (getCtx) => {
  let rt: TestRuntime;
  beforeAll(async () => {
    rt = await createTestRuntime({ app: workflowApp({ timerMs: 3_600_000 }), plugins: [plugin], databaseUrl: getCtx().databaseUrl, dataDir: getCtx().dataDir });
  });
  afterAll(() => rt?.close());

  const create = async (name: string) => {
    const res = await rt.admin.call('POST', '/api/customers', { name });
    return res.body.data as Customer & { version: number };
  };

  it('runs afterTransition once the transition committed, with from, to and the new record', async () => {
    const c = await create('Mover');
    const res = await rt.admin.call('POST', `/api/customers/${c.id}/transitions/ACTIVATE`, {});
    expect(res.status).toBe(200);
    await until(() => transitions.length > 0);
    expect(transitions).toContainEqual({ event: 'ACTIVATE', from: 'prospect', to: 'active', stage: 'active' });
  });

  it('beforeTransition rejects: 422 rejected_by_plugin, state and history unchanged', async () => {
    const c = await create('Frozen');
    const res = await rt.admin.call('POST', `/api/customers/${c.id}/transitions/ACTIVATE`, {});
    expect(res.status).toBe(422);
    expect(res.body.error).toMatchObject({ code: 'rejected_by_plugin', message: 'Rejected by plugin "@test/transition-bulk": ACTIVATE is not allowed from prospect for frozen customers' });
    expect((await rt.admin.call('GET', `/api/customers/${c.id}`)).body.data).toMatchObject({ stage: 'prospect', version: c.version });
    expect(await rt.runtime.knex('tessera.workflow_history').where({ record_id: c.id })).toEqual([]);
  });

  it('a throwing beforeTransition fails only that request with 502 plugin_failed', async () => {
    const c = await create('Crash');
    const res = await rt.admin.call('POST', `/api/customers/${c.id}/transitions/ACTIVATE`, {});
    expect(res.status).toBe(502);
    expect(res.body.error.code).toBe('plugin_failed');
    expect((await rt.admin.call('GET', `/api/customers/${c.id}`)).body.data.stage).toBe('prospect');
  });

  it('bulk create, update and delete run the same hooks as single writes', async () => {
    const old = await create('Old name');
    const gone = await create('Gone');
    const res = await rt.admin.call('POST', '/api/customers/bulk', { create: [{ name: 'Bulk A' }], update: [{ id: old.id, name: 'New name' }], delete: [gone.id] });
    expect(res.status).toBe(200);
    expect(res.body.data[0].data).toMatchObject({ name: 'Bulk A', notes: 'bulk-checked' });
    expect(res.body.data[1].data).toMatchObject({ name: 'New name', notes: 'was Old name' });
    await until(() => bulkAfter.includes('created Bulk A') && bulkAfter.includes('deleted Gone'));
    expect(bulkAfter).toEqual(expect.arrayContaining(['created Bulk A', 'deleted Gone']));
  });

  it('a bulk item a hook rejects fails the whole request: 422 bulk_failed naming the plugin, nothing written', async () => {
    const res = await rt.admin.call('POST', '/api/customers/bulk', { create: [{ name: 'Fine' }, { name: 'refused' }] });
    expect(res.status).toBe(422);
    expect(res.body.error.code).toBe('bulk_failed');
    expect(res.body.error.details[1]).toMatchObject({ index: 1, status: 422, error: { code: 'rejected_by_plugin' } });
    expect(res.body.error.details[0]).toMatchObject({ index: 0, status: 424 });
    expect((await rt.admin.call('GET', '/api/customers?filter[name]=Fine')).body.data).toEqual([]);
  });
});
