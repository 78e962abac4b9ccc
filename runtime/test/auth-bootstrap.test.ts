import path from 'node:path';
import { createRuntime, forEachDatabase } from '@tessera/runtime';
import { bootstrapLines } from '../src/cli/start-command';
import { testApp } from './fixtures';

const exampleDir = path.resolve(__dirname, '..', '..', 'examples', 'crm');

forEachDatabase('auth: first-start users', (getCtx) => {
  const boot = (opts: { appDir?: string; adminPassword?: string }) =>
    createRuntime({ ...(opts.appDir ? { appDir: opts.appDir } : { app: testApp() }), adminPassword: opts.adminPassword, databaseUrl: getCtx().databaseUrl, dataDir: getCtx().dataDir });

  it('seeds the example app’s demo users, departments and teams when no admin password is given', async () => {
    const rt = await boot({ appDir: exampleDir });
    try {
      expect(rt.bootstrap.kind).toBe('demo');
      const lines = bootstrapLines(rt.bootstrap);
      expect(lines.join('\n')).toMatch(/^ {2}admin\s+admin-demo-123\s+admin$/m);
      const users = await rt.knex('tessera.users').orderBy('username').select('username', 'roles', 'manager_id', 'password_hash');
      const roles = users.flatMap((u: { roles: string[] }) => u.roles).sort();
      expect(roles).toEqual(['admin', 'management', 'marketing', 'partner', 'sales_manager', 'sales_rep', 'sales_rep', 'service', 'web_form']);
      for (const u of users) expect(u.password_hash).toMatch(/^\$argon2id\$/);
      const idOf = (name: string) => users.find((u: { username: string }) => u.username === name).id;
      expect(users.filter((u: { manager_id: string | null }) => u.manager_id !== null).map((u: { username: string }) => u.username)).toEqual(['sales1', 'sales2']);
      void idOf;
      const teams = await rt.knex('tessera.team_members as m').join('tessera.teams as t', 't.id', 'm.team_id').join('tessera.users as u', 'u.id', 'm.user_id').select('t.name', 'u.username', 'm.is_lead').orderBy(['t.name', 'u.username']);
      expect(teams).toEqual([
        { name: 'East team', username: 'manager', is_lead: true },
        { name: 'East team', username: 'sales1', is_lead: false },
        { name: 'West team', username: 'manager', is_lead: true },
        { name: 'West team', username: 'sales2', is_lead: false },
      ]);
      const sub = await rt.knex('tessera.departments as d').join('tessera.departments as p', 'p.id', 'd.parent_id').where('d.name', 'Sales East').first('p.name');
      expect(sub.name).toBe('Sales');
    } finally {
      await rt.close();
    }
  });
});

forEachDatabase('auth: first-start admin from the environment', (getCtx) => {
  it('creates only `admin` from the given password, once', async () => {
    const opts = { app: testApp(), databaseUrl: getCtx().databaseUrl, dataDir: getCtx().dataDir };
    const rt = await createRuntime({ ...opts, adminPassword: 'from-the-environment' });
    try {
      expect(rt.bootstrap).toEqual({ kind: 'admin', username: 'admin' });
      expect(bootstrapLines(rt.bootstrap)[0]).toContain('TESSERA_ADMIN_PASSWORD');
      expect(await rt.knex('tessera.users').pluck('username')).toEqual(['admin']);
    } finally {
      await rt.close();
    }
  });

  it('with neither, creates nobody and says how to add an admin', async () => {
    const rt = await createRuntime({ app: testApp(), dataDir: 'memory://' });
    try {
      expect(rt.bootstrap).toEqual({ kind: 'none' });
      expect(bootstrapLines(rt.bootstrap)[0]).toContain('tessera user add admin --role admin');
    } finally {
      await rt.close();
    }
  });
});
