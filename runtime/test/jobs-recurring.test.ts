import type { AppDefinition } from '@tessera/metadata';
import { createTestRuntime, forEachDatabase, type TestRuntime } from '@tessera/runtime';

const label = (en: string) => ({ en });
const app = {
  name: 'jobstest',
  label: label('Jobs'),
  entities: [
    {
      type: 'object', 'x-name': 'customer', 'x-plural': 'customers', 'x-label': label('Customer'),
      'x-pool': { ownerField: 'owner', returnAfterDays: 30, maxClaimsPerUser: 5 },
      properties: { name: { 'x-id': 'fld_name', 'x-type': 'text', 'x-label': label('Name') } },
    },
  ],
  layouts: [],
} as unknown as AppDefinition;

const DAY = 86_400_000;

forEachDatabase('recurring jobs: the daily pool return', (getCtx) => {
  let rt: TestRuntime;
  // 2025-03-10 11:00 in Shanghai; the pool return is due at 02:00 Shanghai (18:00 UTC the day before).
  let clock = new Date('2025-03-10T03:00:00Z');

  beforeAll(async () => {
    rt = await createTestRuntime({ app, databaseUrl: getCtx().databaseUrl, dataDir: getCtx().dataDir, now: () => clock });
    await rt.runtime.jobs.idle();
  });
  afterAll(() => rt?.close());

  it('registers the job with pg-boss cron in Asia/Shanghai and lists it to admins only', async () => {
    const schedules = await rt.runtime.knex('tessera_jobs.schedule').select('name', 'cron', 'timezone');
    expect(schedules).toEqual([{ name: 'tessera-cron-pool:return-stale', cron: '0 2 * * *', timezone: 'Asia/Shanghai' }]);
    const res = await rt.admin.call('GET', '/api/_meta/jobs');
    expect(res.status).toBe(200);
    expect(res.body.data).toEqual([expect.objectContaining({ name: 'pool:return-stale', cron: '0 2 * * *', tz: 'Asia/Shanghai', source: 'builtin', lastStatus: null, lastError: null, nextRunAt: '2025-03-10T18:00:00.000Z' })]);
    await rt.createUser({ username: 'rep', password: 'rep-password-123', roles: ['sales_rep'] });
    const rep = await rt.login('rep', 'rep-password-123');
    const denied = await rep.call('GET', '/api/_meta/jobs');
    expect(denied.status).toBe(403);
    expect((await rt.admin.call('POST', '/api/_meta/jobs')).status).toBe(405);
  });

  it('does not run at start when no slot was missed since it was registered', async () => {
    expect(await rt.runtime.jobs.catchUp()).toEqual({});
  });

  it('catches up once after downtime, returning stale records with the run clock, and not again', async () => {
    const stale = (await rt.admin.call('POST', '/api/customers', { name: 'stale' })).body.data.id;
    const fresh = (await rt.admin.call('POST', '/api/customers', { name: 'fresh' })).body.data.id;
    await rt.runtime.knex('app_jobstest.customer').where({ id: stale }).update({ updated_at: new Date(clock.getTime() - 40 * DAY) });
    await rt.runtime.knex('app_jobstest.customer').where({ id: fresh }).update({ updated_at: new Date(clock.getTime() - 2 * DAY) });
    // The server "was down" over two 02:00 slots: one catch-up run covers the latest.
    clock = new Date(clock.getTime() + 2 * DAY);
    expect(await rt.runtime.jobs.catchUp()).toEqual({ 'pool:return-stale': 'ran' });
    const owners = await rt.runtime.knex('app_jobstest.customer').whereIn('id', [stale, fresh]).orderBy('name').pluck('owner');
    expect(owners[0]).not.toBeNull(); // fresh
    expect(owners[1]).toBeNull(); // stale, back in the pool
    expect(await rt.runtime.jobs.catchUp()).toEqual({});
    expect(await rt.runtime.jobs.run('pool:return-stale')).toBe('not-due');
    const [job] = (await rt.admin.call('GET', '/api/_meta/jobs')).body.data;
    expect(job).toMatchObject({ lastStatus: 'ok', lastDueAt: '2025-03-11T18:00:00.000Z', lastStartedAt: clock.toISOString(), lastResult: 'customer: 1', lastError: null });
    // The next day's slot runs again.
    clock = new Date(clock.getTime() + DAY);
    expect(await rt.runtime.jobs.run('pool:return-stale')).toBe('ran');
  });

  const onPostgres = getCtx().kind === 'postgres' ? it : it.skip;
  onPostgres('runs a missed slot once when two processes start on one database', async () => {
    clock = new Date(clock.getTime() + DAY);
    const other = await createTestRuntime({ app, databaseUrl: getCtx().databaseUrl, now: () => clock });
    try {
      await Promise.all([other.runtime.jobs.idle(), rt.runtime.jobs.catchUp()]);
      const outcomes = await Promise.all([rt.runtime.jobs.run('pool:return-stale'), other.runtime.jobs.run('pool:return-stale')]);
      expect(outcomes).toEqual(['not-due', 'not-due']);
      const [job] = (await rt.admin.call('GET', '/api/_meta/jobs')).body.data;
      expect(job.lastDueAt).toBe('2025-03-13T18:00:00.000Z');
      expect(job.lastStatus).toBe('ok');
    } finally {
      await other.close();
    }
  });
});

forEachDatabase('recurring jobs: none needed, no pg-boss', (getCtx) => {
  it('starts no job queue for an app without pool, reminders or plugin jobs', async () => {
    const plain = { ...app, name: 'nojobs', entities: [{ ...app.entities[0], 'x-pool': undefined }] } as unknown as AppDefinition;
    const rt = await createTestRuntime({ app: plain, databaseUrl: getCtx().databaseUrl, dataDir: getCtx().dataDir });
    try {
      expect((await rt.admin.call('GET', '/api/_meta/jobs')).body.data).toEqual([]);
      const boss = await rt.runtime.knex.raw("select 1 from information_schema.schemata where schema_name = 'tessera_jobs'");
      expect(boss.rows).toEqual([]);
    } finally {
      await rt.close();
    }
  });

  it('refuses a bad pool return schedule at boot, naming the setting', async () => {
    await expect(createTestRuntime({ app, databaseUrl: getCtx().databaseUrl, dataDir: getCtx().dataDir, jobs: { poolReturnCron: '0 25 * * *' } })).rejects.toThrow(
      'The pool return schedule (TESSERA_POOL_RETURN_CRON) "0 25 * * *" is not a valid cron expression',
    );
  });
});
