/**
 * A workflow per record type (ADR 0060): invoices of kind "export" run their own collection
 * process, with a longer grace before overdue, while domestic and untyped invoices run the
 * default one; both drive the one Status field. The date-timer sweep fires each workflow's
 * timers only on the records that run it, and a new record starts in its own workflow.
 */
import type { AppDefinition } from '@tessera/metadata';
import { createTestRuntime, forEachDatabase, type TestRuntime } from '@tessera/runtime';

const l = (en: string) => ({ en });
const DAY = 86_400_000;

const collect = (name: string, graceDays: number, extra: Record<string, unknown> = {}) => ({
  name, entity: 'invoice', stateField: 'status',
  machine: {
    initial: 'open',
    states: {
      open: { on: { PAY: { target: 'paid' }, ...extra }, after: { [String(graceDays * DAY)]: { target: 'overdue', since: 'due_date' } } },
      overdue: { on: { PAY: { target: 'paid' } } },
      paid: { type: 'final' },
    },
  },
});

const app = {
  name: 'kindflows',
  label: l('Kinds and workflows'),
  entities: [{
    type: 'object', 'x-name': 'invoice', 'x-plural': 'invoices', 'x-label': l('Invoice'), 'x-display-field': 'name',
    'x-record-types': { field: 'kind', types: { domestic: {}, export: { workflow: 'export_collect' } } },
    properties: {
      name: { 'x-id': 'f_name', 'x-type': 'text', 'x-label': l('Name') },
      kind: { 'x-id': 'f_kind', 'x-type': 'select', 'x-label': l('Kind'), 'x-options': ['domestic', 'export'].map((value) => ({ value, label: l(value) })) },
      due_date: { 'x-id': 'f_due', 'x-type': 'date', 'x-label': l('Due date') },
      status: { 'x-id': 'f_status', 'x-type': 'select', 'x-label': l('Status'), 'x-options': ['open', 'overdue', 'paid'].map((value) => ({ value, label: l(value) })) },
    },
  }],
  layouts: [],
  workflows: [collect('collect', 1), collect('export_collect', 30, { CUSTOMS_HOLD: { target: 'overdue' } })],
} as unknown as AppDefinition;

forEachDatabase('a workflow per record type', (getCtx) => {
  let rt: TestRuntime;
  let clock = new Date('2026-03-10T04:00:00Z');
  const sweep = () => rt.runtime.jobs.run('workflows:date-timers');
  const create = async (body: Record<string, unknown>) => {
    const res = await rt.admin.call('POST', '/api/invoices', body);
    expect(res.status).toBe(201);
    return res.body.data as { id: string; status: string };
  };
  const statusOf = async (id: string) => (await rt.admin.call('GET', `/api/invoices/${id}`)).body.data.status as string;

  beforeAll(async () => {
    rt = await createTestRuntime({ app, databaseUrl: getCtx().databaseUrl, dataDir: getCtx().dataDir, now: () => clock });
    await rt.runtime.jobs.idle();
  });
  afterAll(() => rt?.close());

  it('starts each record in its own workflow and offers only its events', async () => {
    const exported = await create({ name: 'EXP-1', kind: 'export', due_date: '2026-03-11' });
    const untyped = await create({ name: 'INV-0', due_date: '2026-03-11' });
    expect([exported.status, untyped.status]).toEqual(['open', 'open']);
    const flow = async (id: string) => (await rt.admin.call('GET', `/api/invoices/${id}/workflow`)).body.data as { workflow: string; transitions: { event: string }[] };
    expect((await flow(exported.id)).workflow).toBe('export_collect');
    expect((await flow(exported.id)).transitions.map((t) => t.event).sort()).toEqual(['CUSTOMS_HOLD', 'PAY']);
    expect((await flow(untyped.id)).workflow).toBe('collect');
    expect((await rt.admin.call('POST', `/api/invoices/${untyped.id}/transitions/CUSTOMS_HOLD`, {})).status).toBe(409);
    expect((await rt.admin.call('POST', `/api/invoices/${exported.id}/transitions/CUSTOMS_HOLD`, {})).body.data.status).toBe('overdue');
  });

  it('sweeps each workflow\'s date timers over its own records only', async () => {
    const domestic = await create({ name: 'DOM-1', kind: 'domestic', due_date: '2026-03-11' });
    const untyped = await create({ name: 'INV-1', due_date: '2026-03-11' });
    const exported = await create({ name: 'EXP-2', kind: 'export', due_date: '2026-03-11' });
    clock = new Date('2026-03-13T04:00:00Z'); // two days past due: past the default's grace, not export's
    expect(await sweep()).toBe('ran');
    expect(await statusOf(domestic.id)).toBe('overdue');
    expect(await statusOf(untyped.id)).toBe('overdue');
    expect(await statusOf(exported.id)).toBe('open');
    clock = new Date('2026-04-11T04:00:00Z'); // 31 days past due
    expect(await sweep()).toBe('ran');
    expect(await statusOf(exported.id)).toBe('overdue');
    const history = await rt.runtime.knex('tessera.workflow_history').where({ record_id: exported.id }).select('workflow', 'event');
    expect(history).toEqual([{ workflow: 'export_collect', event: `after:${30 * DAY}:due_date` }]);
  });

  it('refuses moving a record into another kind\'s workflow', async () => {
    const domestic = await create({ name: 'DOM-2', kind: 'domestic' });
    const res = await rt.admin.call('PATCH', `/api/invoices/${domestic.id}`, { kind: 'export' });
    expect(res.status).toBe(422);
    expect(res.body.error.details).toEqual([expect.objectContaining({ field: 'kind', rule: 'record-type', messages: { en: 'Kind cannot change from domestic to export: they follow different processes.', zh: 'Kind不能从domestic改为export：两者的流程不同。' } })]);
  });
});
