import type { AppDefinition } from '@tessera/metadata';
import { createTestRuntime, forEachDatabase, type TestRuntime } from '@tessera/runtime';

const label = (en: string, zh?: string) => ({ en, ...(zh ? { zh } : {}) });
const app = {
  name: 'remindtest',
  label: label('Reminders'),
  entities: [
    {
      type: 'object', 'x-name': 'contact', 'x-plural': 'contacts', 'x-label': label('Contact'), 'x-display-field': 'name', 'x-soft-delete': true,
      properties: {
        name: { 'x-id': 'fld_name', 'x-type': 'text', 'x-label': label('Name') },
        birthday: {
          'x-id': 'fld_birthday', 'x-type': 'date', 'x-label': label('Birthday', '生日'),
          'x-reminder': { before: 'P1D', notify: 'owner', yearly: true, message: { en: 'Birthday of {{name}} on {{due}}', zh: '{{name}} 的生日：{{due}}' } },
        },
      },
    },
    {
      type: 'object', 'x-name': 'task', 'x-plural': 'tasks', 'x-label': label('Task'), 'x-display-field': 'title',
      properties: {
        title: { 'x-id': 'fld_title', 'x-type': 'text', 'x-label': label('Title') },
        assignee: { 'x-id': 'fld_assignee', 'x-type': 'user', 'x-label': label('Assignee') },
        due_at: { 'x-id': 'fld_due_at', 'x-type': 'datetime', 'x-label': label('Due', '截止'), 'x-reminder': { before: 60, notify: 'assignee' } },
      },
    },
  ],
  layouts: [],
} as unknown as AppDefinition;

interface Note { to: string[]; subject: string; body: string; entity: string; recordId: string; reminder: { field: string; dueAt: string } }

forEachDatabase('date-field reminders', (getCtx) => {
  let rt: TestRuntime;
  // 2025-12-29 08:00 in Shanghai.
  let clock = new Date('2025-12-29T00:00:00Z');
  const ids: Record<string, string> = {};
  let repId = '';
  let adminId = '';

  const notes = async (): Promise<Note[]> =>
    (await rt.runtime.knex('tessera.outbox').where({ kind: 'notify' }).orderBy('created_at').pluck('payload')).map((p: unknown) => (typeof p === 'string' ? JSON.parse(p) : p) as Note);
  const run = () => rt.runtime.jobs.run('reminders:send');

  beforeAll(async () => {
    rt = await createTestRuntime({ app, databaseUrl: getCtx().databaseUrl, dataDir: getCtx().dataDir, now: () => clock });
    await rt.runtime.jobs.idle();
    repId = (await rt.createUser({ username: 'rep', password: 'rep-password-123', roles: ['admin'] })).id;
    adminId = (await rt.admin.call('GET', '/api/auth/me')).body.data?.id ?? (await rt.runtime.knex('tessera.users').where({ username: 'admin' }).first('id')).id;
    for (const [key, birthday] of [['ann', '1990-12-31'], ['bob', '1985-01-01'], ['gone', '1990-12-31']]) {
      const res = await rt.admin.call('POST', '/api/contacts', { name: key, birthday });
      expect(res.status).toBe(201);
      ids[key] = res.body.data.id;
    }
    expect((await rt.admin.call('DELETE', `/api/contacts/${ids.gone}`)).status).toBe(204);
    const task = await rt.admin.call('POST', '/api/tasks', { title: 'Send offer', assignee: repId, due_at: '2025-12-29T12:00:00.000Z' });
    expect(task.status).toBe(201);
    ids.task = task.body.data.id;
  });
  afterAll(() => rt?.close());

  it('sends nothing in the first window, before anything is due', async () => {
    expect(await run()).toBe('ran');
    expect(await notes()).toEqual([]);
  });

  it('catches up a day of downtime: each due reminder once, to the owner or the user field', async () => {
    clock = new Date('2025-12-30T00:00:00Z');
    expect(await run()).toBe('ran');
    const sent = await notes();
    expect(sent.map((n) => [n.entity, n.recordId, n.to, n.reminder.dueAt]).sort()).toEqual([
      ['contact', ids.ann, [adminId], '2025-12-30T16:00:00.000Z'],
      ['task', ids.task, [repId], '2025-12-29T12:00:00.000Z'],
    ].sort());
    const ann = sent.find((n) => n.recordId === ids.ann)!;
    expect(ann.body).toBe('Birthday of ann on 2025-12-31\nann 的生日：2025-12-31');
    expect(ann.subject).toBe('Reminder: Birthday / 提醒：生日');
    // The outbox delivers them as in-app notifications.
    await rt.runtime.jobs.idle();
    const deadline = Date.now() + 10_000;
    while ((await rt.runtime.knex('tessera.notifications').where({ record_id: ids.task }).count('* as n'))[0].n === '0' && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    expect(await rt.runtime.knex('tessera.notifications').where({ record_id: ids.task }).pluck('user_id')).toEqual([repId]);
  });

  it('does not repeat: the slot is done, and the same window again sends nothing', async () => {
    expect(await run()).toBe('not-due');
    await rt.runtime.knex('tessera.recurring_jobs').where({ name: 'reminders:send' }).update({ last_due_at: new Date('2025-12-29T00:00:00Z') });
    expect(await run()).toBe('ran');
    expect(await notes()).toHaveLength(2);
  });

  it('reminds again when the date moves later, and a yearly date across the year boundary; never a deleted record', async () => {
    expect((await rt.admin.call('PATCH', `/api/tasks/${ids.task}`, { due_at: '2025-12-30T05:00:00.000Z' })).status).toBe(200);
    clock = new Date('2025-12-31T00:00:00Z');
    expect(await run()).toBe('ran');
    const fresh = (await notes()).slice(2);
    expect(fresh.map((n) => [n.recordId, n.reminder.dueAt]).sort()).toEqual([
      [ids.bob, '2025-12-31T16:00:00.000Z'], // 2026-01-01 00:00 in Shanghai
      [ids.task, '2025-12-30T05:00:00.000Z'],
    ].sort());
    expect(fresh.find((n) => n.recordId === ids.bob)!.body).toContain('Birthday of bob on 2026-01-01');
    expect((await notes()).some((n) => n.recordId === ids.gone)).toBe(false);
  });

  it('lists the reminder job with its last result', async () => {
    const job = (await rt.admin.call('GET', '/api/_meta/jobs')).body.data.find((j: { name: string }) => j.name === 'reminders:send');
    expect(job).toMatchObject({ cron: '*/15 * * * *', tz: 'Asia/Shanghai', lastStatus: 'ok', lastResult: '2 sent', lastDueAt: '2025-12-31T00:00:00.000Z' });
  });
});
