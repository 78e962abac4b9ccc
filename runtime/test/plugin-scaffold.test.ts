import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFile, rm } from 'node:fs/promises';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '..', '..');
const run = (command: string, args: string[]) => {
  const r = spawnSync(command, args, { cwd: ROOT, encoding: 'utf8', env: process.env });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
};
const tessera = (...args: string[]) => run(process.execPath, [path.join(ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs'), 'runtime/src/cli/main.ts', ...args]);

describe('tessera plugin new', () => {
  // Under plugins/ so the generated package resolves the workspace packages as a real one would.
  const name = `scaffold-${randomBytes(4).toString('hex')}`;
  const folder = path.join(ROOT, 'plugins', `plugin-${name}`);
  afterAll(() => rm(folder, { recursive: true, force: true }));

  it('writes a plugin whose own tests pass', async () => {
    const made = tessera('plugin', 'new', name);
    expect(made.stderr).toBe('');
    expect(made.code).toBe(0);
    expect(made.stdout).toContain(`@tessera/plugin-${name}`);
    const pkg = JSON.parse(await readFile(path.join(folder, 'package.json'), 'utf8'));
    expect(pkg).toMatchObject({ name: `@tessera/plugin-${name}`, main: 'src/index.ts', dependencies: { '@tessera/engine': '0.1.0' } });
    expect(await readFile(path.join(folder, 'src', 'index.ts'), 'utf8')).toContain('beforeCreate(ctx)');

    // The generated test boots a real runtime (PGlite, and PostgreSQL when TEST_DATABASE_URL is set).
    const jest = run(process.execPath, [path.join(ROOT, 'node_modules', 'jest', 'bin', 'jest.js'), path.relative(ROOT, folder), '--maxWorkers=1']);
    expect(jest.stderr).toMatch(/Tests:\s+\d+ passed, \d+ total/);
    expect(jest.stderr).not.toMatch(/failed/);
    expect(jest.code).toBe(0);
  });

  it('refuses an existing folder and a bad name, writing nothing (exit 1)', () => {
    const again = tessera('plugin', 'new', name);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('already exists');
    const bad = tessera('plugin', 'new', 'Bad Name!');
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('must be lowercase letters, digits and dashes');
    expect(tessera('plugin', 'frobnicate').stderr).toContain('unknown action "frobnicate"');
  });
});
