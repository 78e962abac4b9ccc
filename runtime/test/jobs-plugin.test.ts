import { definePlugin, type PluginJobContext } from '@tessera/engine';
import { createTestRuntime, forEachDatabase, type TestRuntime } from '@tessera/runtime';
import { testApp } from './fixtures';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
const seen: PluginJobContext<any>[] = [];
const errors: string[] = [];
const acmeJobs = definePlugin({
  name: '@acme/jobs',
  version: '1.0.0',
  settings: { type: 'object', properties: { prefix: { type: 'string', default: 'job' } } },
  jobs: [
    {
      name: 'tally',
      cron: '*/5 * * * *',
      async run(ctx) {
        seen.push(ctx);
        await ctx.records('customer').create({ name: `${String(ctx.settings.prefix)} ${ctx.due.toISOString()}` });
      },
    },
    { name: 'boom', cron: '0 * * * *', tz: 'UTC', run: async () => { throw new Error('kaboom'); } },
  ],
});

forEachDatabase('plugin jobs', (getCtx) => {
  let rt: TestRuntime;
  let clock = new Date('2025-06-01T10:02:00Z');

  beforeAll(async () => {
    rt = await createTestRuntime({ app: testApp(), databaseUrl: getCtx().databaseUrl, dataDir: getCtx().dataDir, plugins: [acmeJobs], now: () => clock });
    await rt.runtime.jobs.idle();
  });
  afterAll(() => rt?.close());

  it('registers each job as <plugin>:<job> with its schedule', async () => {
    const jobs = (await rt.admin.call('GET', '/api/_meta/jobs')).body.data;
    expect(jobs.map((j: { name: string; cron: string; tz: string; source: string }) => [j.name, j.cron, j.tz, j.source])).toEqual([
      ['@acme/jobs:boom', '0 * * * *', 'UTC', '@acme/jobs'],
      ['@acme/jobs:tally', '*/5 * * * *', 'Asia/Shanghai', '@acme/jobs'],
    ]);
  });

  it('runs a job with settings, its slot and a records API acting as the admin', async () => {
    clock = new Date('2025-06-01T10:06:00Z');
    expect(await rt.runtime.jobs.run('@acme/jobs:tally')).toBe('ran');
    const ctx = seen.at(-1)!;
    expect(ctx.job).toBe('@acme/jobs:tally');
    expect(ctx.due.toISOString()).toBe('2025-06-01T10:05:00.000Z');
    expect(ctx.previousDue).toBeUndefined();
    const created = await rt.admin.call('GET', `/api/customers?filter[name]=${encodeURIComponent('job 2025-06-01T10:05:00.000Z')}`);
    expect(created.body.data).toHaveLength(1);
    clock = new Date('2025-06-01T10:11:00Z');
    expect(await rt.runtime.jobs.run('@acme/jobs:tally')).toBe('ran');
    expect(seen.at(-1)!.previousDue?.toISOString()).toBe('2025-06-01T10:05:00.000Z');
  });

  it('logs and records a throwing job, keeps the process up, and retries at the next run', async () => {
    clock = new Date('2025-06-01T11:00:30Z');
    expect(await rt.runtime.jobs.run('@acme/jobs:boom')).toBe('failed');
    const boom = (await rt.admin.call('GET', '/api/_meta/jobs')).body.data.find((j: { name: string }) => j.name === '@acme/jobs:boom');
    expect(boom).toMatchObject({ lastStatus: 'failed', lastError: 'kaboom', lastDueAt: null });
    // The failed slot was handed back, so the same slot is tried again rather than skipped.
    expect(await rt.runtime.jobs.run('@acme/jobs:boom')).toBe('failed');
    expect((await rt.admin.call('GET', '/healthz')).status).toBe(200);
  });

  it('skips the jobs of a plugin the app disabled', async () => {
    const off = await rt.admin.call('POST', '/api/_meta/plugins/@acme/jobs/disable');
    expect(off.status).toBe(200);
    const before = seen.length;
    clock = new Date('2025-06-01T10:16:00Z');
    expect(await rt.runtime.jobs.run('@acme/jobs:tally')).toBe('skipped');
    expect(seen.length).toBe(before);
    const tally = (await rt.admin.call('GET', '/api/_meta/jobs')).body.data.find((j: { name: string }) => j.name === '@acme/jobs:tally');
    expect(tally).toMatchObject({ lastStatus: 'skipped', lastResult: 'plugin "@acme/jobs" is disabled' });
  });
});

forEachDatabase('plugin jobs: checked at load', (getCtx) => {
  it('refuses a plugin job with a bad cron or time zone, naming plugin and job', async () => {
    const bad = (cron: string, tz?: string) => definePlugin({ name: '@acme/bad', version: '1.0.0', jobs: [{ name: 'nightly', cron, tz, run: async () => undefined }] });
    const start = (plugin: ReturnType<typeof bad>) => createTestRuntime({ app: testApp(), databaseUrl: getCtx().databaseUrl, dataDir: getCtx().dataDir, plugins: [plugin] });
    await expect(start(bad('61 * * * *'))).rejects.toThrow('Plugin "@acme/bad" has a job "nightly" whose schedule "61 * * * *" is not a valid cron expression');
    await expect(start(bad('0 2 * * *', 'Moon/Base'))).rejects.toThrow('Plugin "@acme/bad" has a job "nightly" whose schedule uses the unknown time zone "Moon/Base"');
    await expect(start(bad('daily'))).rejects.toThrow('Plugin "@acme/bad" has a job "nightly" whose cron "daily" is not a cron expression');
  });
});
