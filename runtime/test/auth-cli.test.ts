import { spawnSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createTestRuntime, forEachDatabase, TEST_ADMIN_PASSWORD } from '@tessera/runtime';
import { call, testApp } from './fixtures';

const ROOT = path.resolve(__dirname, '..', '..');

forEachDatabase('auth: tessera user add / passwd', (getCtx) => {
  let dataDir: string | undefined;
  beforeAll(async () => {
    if (getCtx().kind === 'pglite') dataDir = await mkdtemp(path.join(os.tmpdir(), 'tessera-users-'));
  });
  afterAll(async () => {
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });
  const tessera = (input: string, ...args: string[]) => {
    const env = { ...process.env, DATABASE_URL: getCtx().databaseUrl ?? '', TESSERA_DATA_DIR: dataDir ?? '' };
    const r = spawnSync(process.execPath, [path.join(ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs'), 'runtime/src/cli/main.ts', 'user', ...args], { cwd: ROOT, encoding: 'utf8', input, env });
    return { code: r.status, stdout: r.stdout, stderr: r.stderr };
  };

  it('adds users with roles from stdin passwords, refuses bad input, changes a password', async () => {
    const admin = tessera(`${TEST_ADMIN_PASSWORD}\n`, 'add', 'admin', '--role', 'admin', '--password-stdin');
    expect(admin.stderr).toBe('');
    expect(admin.stdout).toContain('Added user admin (admin)');
    expect(admin.code).toBe(0);
    const rep = tessera('first-password\n', 'add', 'Lin', '--role', 'sales_rep', '--email', 'lin@example.com', '--name', 'Lin Hui', '--password-stdin');
    expect(rep.code).toBe(0);
    const short = tessera('short\n', 'add', 'shorty', '--password-stdin');
    expect(short.code).toBe(1);
    expect(short.stderr).toContain('password: a password needs at least 10 characters');
    const dup = tessera('another-password\n', 'add', 'lin', '--password-stdin');
    expect(dup.code).toBe(1);
    expect(dup.stderr).toContain('username');
    expect(tessera('second-password\n', 'passwd', 'lin', '--password-stdin').code).toBe(0);
    expect(tessera('second-password\n', 'passwd', 'nobody', '--password-stdin').code).toBe(1);

    // The runtime finds the users already there: no bootstrap, and both can sign in.
    const rt = await createTestRuntime({ app: testApp(), databaseUrl: getCtx().databaseUrl, dataDir });
    try {
      expect(rt.runtime.bootstrap).toEqual({ kind: 'existing' });
      expect((await call(rt.url, 'POST', '/api/auth/login', { username: 'lin@example.com', password: 'first-password' })).status).toBe(401);
      const lin = await rt.login('lin', 'second-password');
      expect(lin.user).toMatchObject({ username: 'lin', displayName: 'Lin Hui', roles: ['sales_rep'] });
      expect((await rt.admin.call('GET', '/api/admin/users')).body.data.map((u: { username: string }) => u.username)).toEqual(['admin', 'lin']);
    } finally {
      await rt.close();
    }
  });
});
