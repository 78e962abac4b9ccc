/**
 * Initial plugin settings from app metadata (ADR 0024): app.json's `{ name, settings }` entry
 * is checked against the plugin's schema at start, stored when the app has no settings for the
 * plugin yet, and never overrides what an admin stored. Runs from an app folder (app.json on
 * disk) on PGlite in a folder and on PostgreSQL, so restarts see the same database.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { definePlugin } from '@tessera/engine';
import type { AppDefinition } from '@tessera/metadata';
import { createTestRuntime, forEachDatabase, type TestRuntime } from '@tessera/runtime';
import { writeAppDir } from './app-files';
import { testApp } from './fixtures';

/** A plugin with a settings schema (defaults, bounds, no unknown keys) whose hook shows which settings it got. */
const vip = definePlugin({
  name: '@test/plugin-vip',
  version: '1.0.0',
  settings: {
    type: 'object',
    additionalProperties: false,
    properties: {
      minEmployees: { type: 'integer', minimum: 0, default: 10 },
      tiers: { type: 'array', items: { type: 'string', enum: ['gold', 'silver'] }, default: ['gold'] },
    },
  },
  hooks: {
    customer: {
      beforeCreate(ctx) {
        const { minEmployees, tiers } = ctx.settings as { minEmployees: number; tiers: string[] };
        if (tiers.includes(String(ctx.data.tier)) && Number(ctx.data.employees ?? 0) < minEmployees) ctx.reject(`Needs ${minEmployees} employees`, 'employees');
      },
    },
  },
});

/** A second plugin, added to app.json between two starts. */
const stamp = definePlugin({
  name: '@test/plugin-stamp',
  version: '1.0.0',
  settings: { type: 'object', properties: { note: { type: 'string', default: 'default note' } } },
  hooks: { customer: { beforeCreate(ctx) { ctx.data.notes = String(ctx.settings.note); } } },
});

const appWith = (plugins: AppDefinition['plugins']): AppDefinition => ({ ...testApp(), plugins });
const settingsOf = async (rt: TestRuntime, name: string) =>
  ((await rt.admin.call('GET', '/api/_meta/plugins')).body.data as { name: string; settings: unknown }[]).find((p) => p.name === name)?.settings;

forEachDatabase('initial plugin settings from app.json', (getCtx) => {
  let dataDir: string | undefined;
  beforeAll(async () => {
    // A restart needs a database that outlives the runtime: a PGlite folder, or the block's PostgreSQL database.
    if (getCtx().kind === 'pglite') dataDir = await mkdtemp(path.join(os.tmpdir(), 'tessera-pglite-'));
  });
  afterAll(async () => {
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });
  const boot = (appDir: string) => createTestRuntime({ appDir, databaseUrl: getCtx().databaseUrl, dataDir, plugins: [vip, stamp] });

  it('uses them on the first start, keeps an admin change across restarts, and gives a newly added plugin its own', async () => {
    const appDir = await writeAppDir(appWith([{ name: '@test/plugin-vip', settings: { minEmployees: 50 } }]));
    let rt = await boot(appDir);
    try {
      // The first start stored app.json's value, with the schema's default for what it left out.
      expect(await settingsOf(rt, '@test/plugin-vip')).toEqual({ minEmployees: 50, tiers: ['gold'] });
      const small = await rt.admin.call('POST', '/api/customers', { name: 'Small gold', tier: 'gold', employees: 20 });
      expect(small.status).toBe(422);
      expect(small.body.error).toMatchObject({ code: 'rejected_by_plugin', message: expect.stringContaining('Needs 50 employees') });
      // The admin lowers the bar.
      const changed = await rt.admin.call('POST', '/api/_meta/plugins/@test/plugin-vip/enable', { settings: { minEmployees: 5, tiers: ['gold', 'silver'] } });
      expect(changed.status).toBe(200);
    } finally {
      await rt.close();
    }

    // Restart with the same app.json plus a newly listed plugin with its own initial settings.
    await writeAppDir(appWith([{ name: '@test/plugin-vip', settings: { minEmployees: 50 } }, { name: '@test/plugin-stamp', settings: { note: 'from app.json' } }]), appDir);
    rt = await boot(appDir);
    try {
      expect(await settingsOf(rt, '@test/plugin-vip')).toEqual({ minEmployees: 5, tiers: ['gold', 'silver'] });
      const created = await rt.admin.call('POST', '/api/customers', { name: 'Small gold', tier: 'gold', employees: 20 });
      expect(created.status).toBe(201);
      expect(created.body.data.notes).toBe('from app.json');
      expect((await rt.admin.call('POST', '/api/customers', { name: 'Tiny silver', tier: 'silver', employees: 1 })).status).toBe(422);
    } finally {
      await rt.close();
    }

    // An admin's disable is stored state too: app.json's settings do not switch the plugin back on.
    rt = await boot(appDir);
    try {
      expect((await rt.admin.call('POST', '/api/_meta/plugins/@test/plugin-stamp/disable')).status).toBe(200);
    } finally {
      await rt.close();
    }
    rt = await boot(appDir);
    try {
      const plugins = (await rt.admin.call('GET', '/api/_meta/plugins')).body.data as { name: string; enabled: boolean; settings: unknown }[];
      expect(plugins.find((p) => p.name === '@test/plugin-stamp')).toMatchObject({ enabled: false, settings: { note: 'from app.json' } });
      expect((await rt.admin.call('POST', '/api/customers', { name: 'Unstamped' })).body.data.notes).toBeNull();
    } finally {
      await rt.close();
    }
  });

  it('a plugin listed by name alone still starts with its schema defaults', async () => {
    const rt = await createTestRuntime({ app: { ...appWith(['@test/plugin-vip']), name: 'crm_by_name' }, databaseUrl: getCtx().databaseUrl, dataDir: getCtx().kind === 'pglite' ? 'memory://' : undefined, plugins: [vip] });
    try {
      expect(await settingsOf(rt, '@test/plugin-vip')).toEqual({ minEmployees: 10, tiers: ['gold'] });
    } finally {
      await rt.close();
    }
  });

  it('fails the start on a bad initial setting, naming the plugin, the setting and the rule', async () => {
    const appDir = await writeAppDir({ ...appWith([{ name: '@test/plugin-vip', settings: { minEmployees: -1, tiers: ['platinum'], colour: 'red' } }]), name: 'crm_bad_settings' });
    const started = createTestRuntime({ appDir, databaseUrl: getCtx().databaseUrl, dataDir: getCtx().kind === 'pglite' ? 'memory://' : undefined, plugins: [vip] });
    await expect(started).rejects.toThrow(/Plugin "@test\/plugin-vip": the initial setting settings\.minEmployees in app\.json must be >= 0 \(rule minimum\)/);
    await expect(started).rejects.toThrow(/settings\.tiers\.0 in app\.json must be equal to one of the allowed values \(rule enum\)/);
    await expect(started).rejects.toThrow(/settings in app\.json must NOT have additional properties \(rule additionalProperties\)/);
    await expect(started).rejects.toThrow(/插件 "@test\/plugin-vip" 在 app\.json 中的初始设置 settings\.minEmployees 无效/);
  });
});
