/**
 * Timers counted from a date field (ADR 0050), driven by an injected clock: an unpaid invoice
 * becomes overdue once its due date has passed (00:00 of the next day in the jobs' time zone,
 * Asia/Shanghai), a moved due date moves the moment, a paid one never does, and a datetime
 * deadline escalates an hour after it.
 */
import type { AppDefinition } from '@tessera/metadata';
import { createTestRuntime, forEachDatabase, type TestRuntime } from '@tessera/runtime';

const l = (en: string) => ({ en });
const DAY = 86_400_000;
const HOUR = 3_600_000;

const app = {
  name: 'datetimers',
  label: l('Date timers'),
  entities: [{
    type: 'object', 'x-name': 'invoice', 'x-plural': 'invoices', 'x-label': l('Invoice'), 'x-display-field': 'name', 'x-soft-delete': true,
    properties: {
      name: { 'x-id': 'f_name', 'x-type': 'text', 'x-label': l('Name') },
      amount: { 'x-id': 'f_amount', 'x-type': 'number', 'x-label': l('Amount') },
      paid: { 'x-id': 'f_paid', 'x-type': 'number', 'x-label': l('Paid') },
      due_date: { 'x-id': 'f_due', 'x-type': 'date', 'x-label': l('Due date') },
      deadline: { 'x-id': 'f_deadline', 'x-type': 'datetime', 'x-label': l('Deadline') },
      status: { 'x-id': 'f_status', 'x-type': 'select', 'x-label': l('Status'), 'x-options': ['open', 'overdue', 'escalated', 'paid'].map((value) => ({ value, label: l(value) })) },
    },
  }],
  layouts: [],
  workflows: [{
    name: 'collect', entity: 'invoice', stateField: 'status',
    machine: {
      initial: 'open',
      states: {
        open: {
          on: { PAY: { target: 'paid' } },
          after: {
            [String(DAY)]: {
              target: 'overdue', since: 'due_date',
              guard: { type: 'field', params: { expression: 'paid == null || paid < amount' } },
              actions: [{ type: 'notify', params: { subject: 'Overdue', template: 'Invoice {{name}} was due on {{due_date}}', to: ['owner'] } }],
            },
            [String(HOUR)]: { target: 'escalated', since: 'deadline' },
          },
        },
        overdue: { on: { PAY: { target: 'paid' } } },
        escalated: { on: { PAY: { target: 'paid' } } },
        paid: { type: 'final' },
      },
    },
  }],
} as unknown as AppDefinition;

forEachDatabase('workflow timers counted from a date field', (getCtx) => {
  let rt: TestRuntime;
  // 2026-03-10 12:00 in Shanghai.
  let clock = new Date('2026-03-10T04:00:00Z');
  const at = (iso: string) => { clock = new Date(iso); };
  const sweep = () => rt.runtime.jobs.run('workflows:date-timers');
  const create = async (body: Record<string, unknown>) => {
    const res = await rt.admin.call('POST', '/api/invoices', body);
    expect(res.status).toBe(201);
    return res.body.data.id as string;
  };
  const statusOf = async (id: string) => (await rt.admin.call('GET', `/api/invoices/${id}`)).body.data.status as string;
  const historyOf = (id: string) => rt.runtime.knex('tessera.workflow_history').where({ record_id: id }).orderBy('at').select('event', 'from_state', 'to_state', 'actor');

  beforeAll(async () => {
    rt = await createTestRuntime({ app, databaseUrl: getCtx().databaseUrl, dataDir: getCtx().dataDir, now: () => clock });
    await rt.runtime.jobs.idle();
  });
  afterAll(() => rt?.close());

  it('is a recurring job of the app, and arms no job per record', async () => {
    const job = (await rt.admin.call('GET', '/api/_meta/jobs')).body.data.find((j: { name: string }) => j.name === 'workflows:date-timers');
    expect(job).toMatchObject({ cron: '*/5 * * * *', tz: 'Asia/Shanghai' });
    const id = await create({ name: 'no job', amount: 100, due_date: '2026-03-11' });
    expect(await rt.runtime.knex('tessera.outbox').where({ kind: 'workflow-timers' })).toEqual([]);
    await rt.admin.call('DELETE', `/api/invoices/${id}`);
  });

  it('makes an unpaid invoice overdue after its due date, not before, once, as the system', async () => {
    const due = await create({ name: 'INV-1', amount: 100, paid: 40, due_date: '2026-03-11' });
    const settled = await create({ name: 'INV-2', amount: 100, paid: 100, due_date: '2026-03-11' });
    const later = await create({ name: 'INV-3', amount: 100, due_date: '2026-03-12' });
    expect(await sweep()).toBe('ran');
    expect(await statusOf(due)).toBe('open'); // due tomorrow: not overdue today
    at('2026-03-11T15:55:00Z'); // 23:55 on the due date in Shanghai: paying today is on time
    expect(await sweep()).toBe('ran');
    expect(await statusOf(due)).toBe('open');
    at('2026-03-11T16:00:00Z'); // 00:00 the day after
    expect(await sweep()).toBe('ran');
    expect(await statusOf(due)).toBe('overdue');
    expect(await statusOf(settled)).toBe('open'); // the guard: nothing left to pay
    expect(await statusOf(later)).toBe('open');
    expect(await historyOf(due)).toEqual([{ event: `after:${DAY}:due_date`, from_state: 'open', to_state: 'overdue', actor: null }]);
    const notes = await rt.runtime.knex('tessera.outbox').where({ kind: 'notify' }).pluck('payload');
    const mine = notes.map((p: unknown) => (typeof p === 'string' ? JSON.parse(p) : p) as { recordId: string; body: string }).filter((n) => n.recordId === due);
    expect(mine).toHaveLength(1);
    expect(mine[0].body).toContain('Invoice INV-1 was due on 2026-03-11');
    at('2026-03-11T16:05:00Z');
    expect(await sweep()).toBe('ran');
    expect(await historyOf(due)).toHaveLength(1);
    for (const id of [due, settled, later]) await rt.admin.call('DELETE', `/api/invoices/${id}`);
  });

  it('follows the due date when it moves: later waits again, earlier fires at the next sweep', async () => {
    at('2026-03-20T02:00:00Z'); // 10:00 on 03-20 in Shanghai
    const moved = await create({ name: 'INV-4', amount: 100, due_date: '2026-03-20' });
    const early = await create({ name: 'INV-5', amount: 100, due_date: '2026-04-30' });
    expect((await rt.admin.call('PATCH', `/api/invoices/${moved}`, { due_date: '2026-03-25' })).status).toBe(200);
    expect((await rt.admin.call('PATCH', `/api/invoices/${early}`, { due_date: '2026-03-19' })).status).toBe(200);
    at('2026-03-21T16:10:00Z'); // past the first due date
    expect(await sweep()).toBe('ran');
    expect(await statusOf(moved)).toBe('open');
    expect(await statusOf(early)).toBe('overdue');
    at('2026-03-25T16:10:00Z'); // past the moved one
    expect(await sweep()).toBe('ran');
    expect(await statusOf(moved)).toBe('overdue');
    for (const id of [moved, early]) await rt.admin.call('DELETE', `/api/invoices/${id}`);
  });

  it('leaves records that left the state, deleted ones and ones without a date', async () => {
    at('2026-04-01T02:00:00Z');
    const paid = await create({ name: 'INV-6', amount: 100, due_date: '2026-03-01' });
    expect((await rt.admin.call('POST', `/api/invoices/${paid}/transitions/PAY`, {})).status).toBe(200);
    const gone = await create({ name: 'INV-7', amount: 100, due_date: '2026-03-01' });
    expect((await rt.admin.call('DELETE', `/api/invoices/${gone}`)).status).toBe(204);
    const undated = await create({ name: 'INV-8', amount: 100 });
    at('2026-04-01T02:10:00Z');
    expect(await sweep()).toBe('ran');
    expect(await statusOf(paid)).toBe('paid');
    expect(await rt.runtime.knex('tessera.workflow_history').where({ record_id: gone })).toEqual([]);
    expect(await statusOf(undated)).toBe('open');
    const job = (await rt.admin.call('GET', '/api/_meta/jobs')).body.data.find((j: { name: string }) => j.name === 'workflows:date-timers');
    expect(job.lastResult).toBe('0 fired');
    await rt.admin.call('DELETE', `/api/invoices/${undated}`);
  });

  it('counts a datetime from its instant', async () => {
    at('2026-05-01T00:00:00Z');
    const id = await create({ name: 'INV-9', amount: 100, due_date: '2026-06-30', deadline: '2026-05-01T08:00:00.000Z' });
    at('2026-05-01T08:55:00Z');
    expect(await sweep()).toBe('ran');
    expect(await statusOf(id)).toBe('open');
    at('2026-05-01T09:00:00Z');
    expect(await sweep()).toBe('ran');
    expect(await statusOf(id)).toBe('escalated');
    expect((await historyOf(id)).map((h) => h.event)).toEqual([`after:${HOUR}:deadline`]);
  });
});
