import { spawnSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createDatabase, forEachDatabase } from '@tessera/runtime';
import { writeAppDir } from './app-files';
import { editItem, migApp } from './migrate-fixtures';

const ROOT = path.resolve(__dirname, '..', '..');
const TSX = path.join(ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs');

// Ten child processes per database (each a few seconds on a small machine); one scenario keeps it at that.
forEachDatabase('tessera migrate (the CLI as a child process)', (getCtx) => {
  let dataDir: string | undefined;
  let appDir: string;
  beforeAll(async () => {
    if (getCtx().kind === 'pglite') dataDir = await mkdtemp(path.join(os.tmpdir(), 'tessera-migrate-cli-'));
    appDir = await mkdtemp(path.join(os.tmpdir(), 'tessera-migrate-app-'));
  });
  afterAll(async () => {
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
    await rm(appDir, { recursive: true, force: true });
  });

  const tessera = (...args: string[]) => {
    const env = { ...process.env, DATABASE_URL: getCtx().databaseUrl ?? '', TESSERA_DATA_DIR: dataDir ?? '', USER: 'tester' };
    const r = spawnSync(process.execPath, [TSX, 'runtime/src/cli/main.ts', 'migrate', ...args], { cwd: ROOT, encoding: 'utf8', env });
    return { code: r.status, stdout: r.stdout, stderr: r.stderr };
  };
  /** The database as the CLI sees it; closed before the next child opens it (PGlite is single-process). */
  const withDb = async <T>(fn: (knex: ReturnType<typeof createDatabase>) => Promise<T>): Promise<T> => {
    const knex = createDatabase({ url: getCtx().databaseUrl, dataDir });
    try {
      return await fn(knex);
    } finally {
      await knex.destroy();
    }
  };
  const notes = () => withDb(async (k) => (await k.raw('select name, note from app_mig.item order by name')).rows as { name: string; note: string | null }[]);
  const archives = () => withDb(async (k) => (await k('information_schema.tables').where({ table_schema: 'app_mig_archive' }).orderBy('table_name').pluck('table_name')) as string[]);

  it('plans, applies with --yes, lists history, rolls back, purges only with --yes, then refuses a rollback that needs purged data', async () => {
    await writeAppDir(migApp(), appDir);
    const first = tessera('apply', appDir);
    expect(first.stderr).toBe('');
    expect(first.stdout).toContain('Applied: mig is now at version 1 (was 0).');
    expect(first.code).toBe(0);
    await withDb((k) => k('app_mig.item').insert([{ name: 'a', note: 'alpha' }, { name: 'b', note: null }, { name: 'c', note: 'gamma' }]));
    const before = await notes();

    await writeAppDir(editItem(migApp(), (p) => { delete p.note; }), appDir);
    const plan = tessera('plan', appDir);
    expect(plan.stdout).toMatch(/\d+\. archive-column \[DESTRUCTIVE\] Archive column item\.note into/);
    expect(plan.code).toBe(0);

    const unconfirmed = tessera('apply', appDir);
    expect(unconfirmed.code).toBe(2);
    expect(unconfirmed.stderr).toContain('confirmation_required');
    expect(unconfirmed.stderr).toContain('Run again with --yes');
    expect((await notes())[0]).toHaveProperty('note', 'alpha');

    const applied = tessera('apply', appDir, '--yes');
    expect(applied.code).toBe(0);
    expect(applied.stdout).toContain('Applied: mig is now at version 2 (was 1).');
    const history = tessera('history', appDir);
    expect(history.code).toBe(0);
    expect(history.stdout.split('\n').filter(Boolean)).toEqual([
      expect.stringMatching(/^v2 apply +from v1 .* cli:tester +\d+ step\(s\)$/),
      expect.stringMatching(/^v1 apply +from v0 /),
    ]);

    const rolledBack = tessera('rollback', appDir);
    expect(rolledBack.stderr).toBe('');
    expect(rolledBack.code).toBe(0);
    expect(rolledBack.stdout).toContain('restore-archive');
    expect(rolledBack.stdout).toContain('Rolled back: mig is now at version 3, with the definition of version 1.');
    expect(await notes()).toEqual(before);

    // Drop it again (v4): two archives of item.note now exist.
    expect(tessera('apply', appDir, '--yes').code).toBe(0);
    const kept = await archives();
    expect(kept).toEqual([expect.stringMatching(/^item__note__v2_/), expect.stringMatching(/^item__note__v4_/)]);

    const listed = tessera('purge', appDir);
    expect(listed.code).toBe(2);
    expect(listed.stdout).toMatch(/item__note__v2_\S+ +column item\.note +archived by v2 at \S+ +2 non-null value\(s\)/);
    expect(listed.stdout).toContain('Nothing was dropped. Run again with --yes');
    expect(await archives()).toEqual(kept);

    const purged = tessera('purge', appDir, '--yes');
    expect(purged.stderr).toBe('');
    expect(purged.code).toBe(0);
    expect(purged.stdout.split('\n').filter((l) => l.startsWith('Dropping '))).toEqual([expect.stringContaining(kept[0]), expect.stringContaining(kept[1])]);
    expect(purged.stdout).toContain('Purged 2 archive(s) of mig at version 4');
    expect(await archives()).toEqual([]);

    const refused = tessera('rollback', appDir);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('rollback_not_possible');
    expect(refused.stderr).toMatch(/item\.note remain to restore \(purged \S+ by cli:tester\)/);
    expect(await withDb(async (k) => (await k('tessera.metadata_versions').max('version as v').first())?.v)).toBe(4);
  }, 400_000); // ten cold tsx starts: ~65 s measured on a busy 2-core machine
});
