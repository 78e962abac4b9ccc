import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtemp, readFile, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import knexFactory from 'knex';
import { createDatabase } from '@tessera/runtime';
import { withDatabase } from '../src/testing/for-each-database';
import { tableChecksums } from '../src/backup';
import { localFileStorage } from '../src/files/file-storage';
import { fillSource, keyOf, sha } from './backup-fixtures';

const ROOT = path.resolve(__dirname, '..', '..');

/** The real CLI as a child process (async, so the test's own database connections keep working). */
function tessera(env: Record<string, string | undefined>, ...args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [path.join(ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs'), 'runtime/src/cli/main.ts', ...args], {
      cwd: ROOT,
      env: { ...process.env, DATABASE_URL: undefined, TESSERA_DATA_DIR: undefined, TESSERA_FILES_DIR: undefined, ...env },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

describe('tessera CLI conventions', () => {
  it('--version, --json and --help per subcommand, with the exit codes', async () => {
    const version = await tessera({}, '--version');
    expect(version.code).toBe(0);
    expect(version.stdout.trim()).toMatch(/^tessera \d+\.\d+\.\d+$/);
    const json = await tessera({}, '--version', '--json');
    expect(JSON.parse(json.stdout)).toMatchObject({ ok: true, exitCode: 0, version: expect.stringMatching(/^\d+\.\d+\.\d+$/) });

    const help = await tessera({}, '--help');
    expect(help.code).toBe(0);
    for (const command of ['start', 'validate', 'migrate', 'seed', 'import', 'backup', 'restore', 'move-to-postgres']) expect(help.stdout).toContain(`  ${command}`);
    expect(help.stdout).toMatch(/Exit codes:[\s\S]*3 +refused/);
    const restoreHelp = await tessera({}, 'restore', '--help');
    expect(restoreHelp.code).toBe(0);
    expect(restoreHelp.stdout).toContain('Usage: tessera restore <file.tar.gz> [--force]');
    expect(restoreHelp.stdout).toContain('Exit codes:');

    const unknownOption = await tessera({}, 'backup', '--frobnicate');
    expect(unknownOption.code).toBe(1);
    expect(unknownOption.stderr).toContain('--frobnicate');
    const failed = await tessera({}, 'validate', '/nonexistent-app-folder', '--json');
    expect(failed.code).toBe(1);
    expect(JSON.parse(failed.stdout)).toMatchObject({ ok: false, exitCode: 1 });
  });
});

describe('tessera backup / restore / move-to-postgres (the CLI on real databases)', () => {
  it('backs up a PGlite folder with progress, restores it into an empty one, refuses a non-empty one (exit 3)', async () => {
    const work = await mkdtemp(path.join(os.tmpdir(), 'tessera-cli-backup-'));
    const dataDir = path.join(work, 'pglite');
    const db = createDatabase({ dataDir });
    const hashes = await fillSource(db, localFileStorage(path.join(work, 'files')));
    const before = await tableChecksums(db);
    await db.destroy();

    const archive = path.join(work, 'backup.tar.gz');
    const backup = await tessera({ TESSERA_DATA_DIR: dataDir }, 'backup', archive, '--json');
    expect(backup.stderr).toMatch(/\[\d+\/\d+\] "app"\."customer": 1500 rows/);
    expect(backup.code).toBe(0);
    expect(JSON.parse(backup.stdout)).toMatchObject({ ok: true, files: 3, file: archive });
    expect((await stat(archive)).size).toBeGreaterThan(1000);

    const restoredDir = path.join(work, 'restored', 'pglite');
    const restore = await tessera({ TESSERA_DATA_DIR: restoredDir }, 'restore', archive);
    expect(restore.stderr).toContain('Restoring');
    expect(restore.code).toBe(0);
    const again = await tessera({ TESSERA_DATA_DIR: restoredDir }, 'restore', archive);
    expect(again.code).toBe(3);
    expect(again.stderr).toContain('--force');

    const restored = createDatabase({ dataDir: restoredDir });
    try {
      expect(await tableChecksums(restored)).toEqual(before);
    } finally {
      await restored.destroy();
    }
    for (const hash of hashes) expect(sha(await readFile(path.join(work, 'restored', 'files', keyOf(hash))))).toBe(hash);
  });

  const server = process.env.TEST_DATABASE_URL;
  (server ? it : it.skip)('moves a PGlite folder and its files into PostgreSQL with one command', async () => {
    const work = await mkdtemp(path.join(os.tmpdir(), 'tessera-move-'));
    const dataDir = path.join(work, 'pglite');
    const db = createDatabase({ dataDir });
    const hashes = await fillSource(db, localFileStorage(path.join(work, 'files')));
    const before = await tableChecksums(db);
    await db.destroy();

    const name = `tessera_move_${randomUUID().slice(0, 8)}`;
    const admin = knexFactory({ client: 'pg', connection: server!, pool: { min: 0, max: 1 } });
    await admin.raw('create database ??', [name]);
    const url = withDatabase(server!, name);
    try {
      const moved = await tessera({ TESSERA_FILES_DIR: path.join(work, 'pg-files') }, 'move-to-postgres', '--from', dataDir, '--to', url, '--json');
      expect(moved.code).toBe(0);
      expect(JSON.parse(moved.stdout)).toMatchObject({ ok: true, files: 3 });
      const pg = createDatabase({ url });
      try {
        expect(await tableChecksums(pg)).toEqual(before);
      } finally {
        await pg.destroy();
      }
      for (const hash of hashes) expect(sha(await readFile(path.join(work, 'pg-files', keyOf(hash))))).toBe(hash);
      const twice = await tessera({ TESSERA_FILES_DIR: path.join(work, 'pg-files') }, 'move-to-postgres', '--from', dataDir, '--to', url);
      expect(twice.code).toBe(3);
    } finally {
      await admin.raw('drop database if exists ?? with (force)', [name]);
      await admin.destroy();
    }
  });
});
