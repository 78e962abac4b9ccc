/**
 * Scheduled reports (issue 21, ADR 0054) over real HTTP on PGlite and PostgreSQL, with an
 * injected clock: a schedule is checked field by field and only its owner (or an admin) sets
 * it; at its slot each recipient gets one notification with THEIR OWN numbers, in their
 * language; a slot is sent once — also with two runtimes sweeping one PostgreSQL database.
 */
import { createFieldTypeRegistry } from '@tessera/engine';
import type { AppDefinition } from '@tessera/metadata';
import { compileAppState } from '../meta/compile-app-state';
import { createTestRuntime, type TestRuntime } from '../testing/create-test-runtime';
import type { SessionClient } from '../testing/create-session-client';
import { forEachDatabase } from '../testing/for-each-database';
import { waitFor } from '../testing/wait-for';
import { SCHEDULED_REPORTS_JOB } from './report-scheduler';
import { sendScheduledReports } from './send-scheduled-reports';

const app = {
  name: 'schedreports',
  label: { en: 'Scheduled reports' },
  entities: [{
    type: 'object', 'x-name': 'deal', 'x-plural': 'deals', 'x-label': { en: 'Deal', zh: '商机' }, 'x-display-field': 'name',
    required: ['name'],
    properties: {
      name: { 'x-id': 'f_name', 'x-type': 'text', 'x-label': { en: 'Name' } },
      stage: { 'x-id': 'f_stage', 'x-type': 'select', 'x-label': { en: 'Stage', zh: '阶段' }, 'x-options': [{ value: 'open', label: { en: 'Open', zh: '进行中' } }, { value: 'won', label: { en: 'Won', zh: '赢单' } }] },
      amount: { 'x-id': 'f_amount', 'x-type': 'number', 'x-label': { en: 'Amount', zh: '金额' } },
    },
  }],
  layouts: [],
  permissions: { roles: {
    rep: { label: { en: 'Rep' }, entities: { deal: { actions: ['read', 'create'], scope: 'own' } } },
    boss: { label: { en: 'Boss' }, entities: { deal: { actions: ['read', 'export'], scope: 'all' } } },
    analyst: { label: { en: 'Analyst' }, entities: { deal: { actions: ['read'], scope: 'all', fields: { amount: 'hidden' } } } },
  } },
} as unknown as AppDefinition;

const HOUR = 3_600_000;
const byStage = { label: 'Amount by stage', entity: 'deal', groups: ['stage'], measures: ['sum:amount'], chart: 'bar' };
const daily9 = (recipients: object) => ({ cron: '0 9 * * *', timeZone: 'Asia/Shanghai', recipients });

forEachDatabase('scheduled reports', (getCtx) => {
  let rt: TestRuntime;
  // Monday 2 March 2026, 08:00 in Shanghai: the first 09:00 slot is an hour away.
  let clock = new Date('2026-03-02T00:00:00Z');
  const users: Record<string, SessionClient> = {};
  const ids: Record<string, string> = {};
  let reportId: string;

  const notesOf = async (reportId: string, db = rt.runtime.knex) =>
    (await db('tessera.notifications as n').join('tessera.users as u', 'u.id', 'n.user_id').where('n.record_id', reportId).orderBy(['u.username', 'n.created_at']).select('u.username', 'n.subject', 'n.body', 'n.entity')) as { username: string; subject: string; body: string; entity: string }[];

  beforeAll(async () => {
    rt = await createTestRuntime({ app, databaseUrl: getCtx().databaseUrl, dataDir: getCtx().dataDir, now: () => clock });
    for (const [name, role] of [['ann', 'rep'], ['bob', 'rep'], ['boss', 'boss'], ['ana', 'analyst'], ['cai', 'rep']]) {
      ids[name] = (await rt.createUser({ username: name, password: `${name}-password-1`, roles: [role] })).id;
      users[name] = await rt.login(name, `${name}-password-1`);
    }
    await rt.runtime.knex('tessera.users').where({ username: 'bob' }).update({ locale: 'zh' });
    for (const [who, name, stage, amount] of [['ann', 'A1', 'won', 100], ['ann', 'A2', 'won', 50], ['ann', 'A3', 'open', 7], ['bob', 'B1', 'won', 1000]] as const) {
      expect((await users[who].call('POST', '/api/deals', { name, stage, amount })).status).toBe(201);
    }
    const created = await users.boss.call('POST', '/api/_reports', byStage);
    expect(created.status).toBe(201);
    reportId = created.body.data.id;
  });
  afterAll(() => rt?.close());

  it('refuses a bad schedule naming the field: cron, time zone, too often, no one to send to, someone not allowed', async () => {
    const put = (who: SessionClient, body: unknown, id = reportId) => who.call('PUT', `/api/_reports/${id}/schedule`, body);
    const field = (res: { body: { error: { details: { field: string; rule: string }[] } } }) => res.body.error.details.map((d) => `${d.field}:${d.rule}`);
    const badCron = await put(users.boss, { ...daily9({ roles: ['rep'] }), cron: '0 25 * * *' });
    expect(badCron.status).toBe(400);
    expect(field(badCron)).toEqual(['cron:pattern']);
    expect(badCron.body.error.message).toMatch(/cron: "0 25 \* \* \*" is not a valid cron expression/);
    expect(field(await put(users.boss, { ...daily9({ roles: ['rep'] }), cron: 'every day' }))).toEqual(['cron:pattern']);
    const badZone = await put(users.boss, { ...daily9({ roles: ['rep'] }), timeZone: 'Mars/Olympus' });
    expect(badZone.status).toBe(400);
    expect(field(badZone)).toEqual(['timeZone:enum']);
    expect(field(await put(users.boss, { ...daily9({ roles: ['rep'] }), cron: '*/5 * * * *' }))).toEqual(['cron:frequency']);
    expect(field(await put(users.boss, daily9({ roles: [], users: [] })))).toEqual(['recipients:required']);
    expect(field(await put(users.boss, daily9({ roles: ['pirates'] })))).toEqual(['recipients.roles:enum']);
    expect(field(await put(users.boss, daily9({ users: ['00000000-0000-4000-8000-000000000000'] })))).toEqual(['recipients.users:enum']);
    expect(field(await put(users.boss, { ...daily9({ roles: ['rep'] }), every: 'day' }))).toEqual(['every:unknown-field']);

    // A rep may not send to a whole role (no export right); naming a colleague is fine.
    const annReport = (await users.ann.call('POST', '/api/_reports', { ...byStage, label: 'Ann\'s', sharedWith: { users: [ids.cai] } })).body.data.id;
    const forbidden = await put(users.ann, daily9({ roles: ['rep'] }), annReport);
    expect(forbidden.status).toBe(403);
    expect(field(forbidden)).toEqual(['recipients.roles:forbidden']);
    // Only the owner or an admin: a colleague it is shared with hears 403, a stranger 404.
    const notOwner = await put(users.cai, daily9({ users: [ids.cai] }), annReport);
    expect(notOwner.status).toBe(403);
    expect(field(notOwner)).toEqual(['schedule:forbidden']);
    expect((await put(users.bob, daily9({ users: [ids.bob] }), annReport)).status).toBe(404);
    expect((await users.bob.call('DELETE', `/api/_reports/${annReport}/schedule`)).status).toBe(404);
    // Nothing was half-applied.
    expect((await users.ann.call('GET', `/api/_reports/${annReport}/schedule`)).body.data).toBeNull();
    // The owner sends to a colleague and to herself; an admin may schedule anyone's report.
    const own = await put(users.ann, daily9({ users: [ids.cai, ids.ann] }), annReport);
    expect(own.status).toBe(200);
    expect(own.body.data).toEqual({ cron: '0 9 * * *', timeZone: 'Asia/Shanghai', recipients: { roles: [], users: [ids.cai, ids.ann] }, nextAt: '2026-03-02T01:00:00.000Z', lastAt: null });
    expect((await put(rt.admin, daily9({ users: [ids.ann] }), annReport)).status).toBe(200);
    expect((await users.ann.call('DELETE', `/api/_reports/${annReport}/schedule`)).status).toBe(204);
    expect((await users.ann.call('GET', '/api/_reports')).body.data.find((r: { id: string }) => r.id === annReport).schedule).toBeNull();
  });

  it('registers the sweep only while a report is scheduled', async () => {
    const jobs = async () => (await rt.admin.call('GET', '/api/_meta/jobs')).body.data.map((j: { name: string }) => j.name);
    expect(await jobs()).not.toContain(SCHEDULED_REPORTS_JOB);
    const res = await users.boss.call('PUT', `/api/_reports/${reportId}/schedule`, daily9({ users: [ids.ann, ids.bob, ids.ana] }));
    expect(res.status).toBe(200);
    expect(res.body.data.nextAt).toBe('2026-03-02T01:00:00.000Z');
    expect(await jobs()).toContain(SCHEDULED_REPORTS_JOB);
    // A recipient may open the report it is sent to, like a shared one; only the owner sees whom it goes to.
    const listed = (await users.ann.call('GET', '/api/_reports')).body.data.find((r: { id: string }) => r.id === reportId);
    expect(listed).toMatchObject({ mine: false, label: 'Amount by stage' });
    expect(listed.schedule).toBeUndefined();
  });

  it('sends at the slot, once, each recipient their own numbers in their language', async () => {
    await rt.runtime.jobs.run(SCHEDULED_REPORTS_JOB); // 08:00: nothing due yet
    await rt.runtime.jobs.idle();
    expect(await notesOf(reportId)).toEqual([]);
    clock = new Date(clock.getTime() + HOUR + 30_000); // 09:00:30 in Shanghai
    await rt.runtime.jobs.run(SCHEDULED_REPORTS_JOB);
    await rt.runtime.jobs.idle();
    const notes = await waitFor('three notifications', async () => { const n = await notesOf(reportId); return n.length >= 3 ? n : undefined; });
    expect(notes.map((n) => n.username)).toEqual(['ana', 'ann', 'bob']);
    const [ana, ann, bob] = notes;
    expect(ann.subject).toBe('Scheduled report: Amount by stage');
    expect(ann.body).toBe('Your numbers for “Amount by stage” (Sum · Amount).\nOpen: 7\nWon: 150\nTotal: 157');
    // Bob reads Chinese and sees only his deal.
    expect(bob.subject).toBe('定期报表：Amount by stage');
    expect(bob.body).toBe('你在“Amount by stage”中的数字（合计 · 金额）。\n赢单: 1,000\n合计: 1,000');
    // The analyst may not see amounts: told so, not shown a table without them.
    expect(ana.body).toBe('“Amount by stage” cannot be shown to you: it uses records or fields you may not see.');
    expect(notes.every((n) => n.entity === '_report')).toBe(true);

    // The same slot again (another run, a catch-up): nothing more.
    clock = new Date(clock.getTime() + 60_000);
    await rt.runtime.jobs.run(SCHEDULED_REPORTS_JOB);
    await rt.runtime.jobs.catchUp();
    await rt.runtime.jobs.idle();
    const [row] = await rt.runtime.knex('tessera.saved_reports').where({ id: reportId }).select('schedule_next_at', 'schedule_last_at');
    expect(new Date(row.schedule_last_at).toISOString()).toBe('2026-03-02T01:00:00.000Z');
    expect(new Date(row.schedule_next_at).toISOString()).toBe('2026-03-03T01:00:00.000Z');
    await new Promise((r) => setTimeout(r, 2500)); // one outbox sweep
    expect(await notesOf(reportId)).toHaveLength(3);

    // Two days without a process: the missed slots are sent once, not twice.
    clock = new Date('2026-03-04T02:00:00Z');
    await rt.runtime.jobs.run(SCHEDULED_REPORTS_JOB);
    await rt.runtime.jobs.idle();
    await waitFor('the next send', async () => ((await notesOf(reportId)).length >= 6 ? true : undefined));
    await new Promise((r) => setTimeout(r, 2500));
    expect(await notesOf(reportId)).toHaveLength(6);
  });

  const onPostgres = getCtx().kind === 'postgres' ? it : it.skip;
  onPostgres('sends a slot exactly once with two runtimes sweeping one database at the same moment', async () => {
    // The next slot: 5 March 09:00 Shanghai. Two processes, their clocks a minute apart, so each claims its own sweep slot.
    const due = new Date('2026-03-05T01:00:00Z');
    const before = (await notesOf(reportId)).length;
    // The second process starts after the slot: its start-up catch-up may already sweep it.
    const otherClock = new Date(due.getTime() + 90_000);
    const other = await createTestRuntime({ app, databaseUrl: getCtx().databaseUrl, now: () => otherClock });
    try {
      await other.runtime.jobs.idle();
      expect((await other.admin.call('GET', '/api/_meta/jobs')).body.data.map((j: { name: string }) => j.name)).toContain(SCHEDULED_REPORTS_JOB);
      clock = new Date(due.getTime() + 30_000);
      await Promise.all([rt.runtime.jobs.run(SCHEDULED_REPORTS_JOB), other.runtime.jobs.run(SCHEDULED_REPORTS_JOB)]);
      await Promise.all([rt.runtime.jobs.idle(), other.runtime.jobs.idle()]);
      await waitFor('the slot\'s messages', async () => ((await notesOf(reportId)).length >= before + 3 ? true : undefined));
      await new Promise((r) => setTimeout(r, 2500));
      expect((await notesOf(reportId)).length).toBe(before + 3);

      // The claim itself, without the recurring job's: two sweeps at once over the next slot. The
      // runtimes' clocks stay before it, so their own sweeps (pg-boss fires them too) find nothing due.
      const at = new Date('2026-03-06T01:00:05Z');
      const state = compileAppState(rt.runtime.app(), rt.runtime.version(), createFieldTypeRegistry());
      const channels = async () => ['inApp'];
      const quiet = { error: () => undefined };
      const outcomes = await Promise.all([
        sendScheduledReports({ knex: rt.runtime.knex, state, channels, logger: quiet }, at),
        sendScheduledReports({ knex: other.runtime.knex, state, channels, logger: quiet }, at),
      ]);
      expect(outcomes.map((o) => o.reports).sort()).toEqual([0, 1]);
      expect(outcomes.reduce((n, o) => n + o.messages, 0)).toBe(3);
    } finally {
      await other.close();
    }
  });
});
