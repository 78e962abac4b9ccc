import { randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdtemp, readFile, stat, truncate } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Knex } from 'knex';
import knexFactory from 'knex';
import { createDatabase, forEachDatabase } from '@tessera/runtime';
import { withDatabase } from '../src/testing/for-each-database';
import { fillSource, keyOf, sha } from './backup-fixtures';
import { BackupError, restoreBackup, tableChecksums, writeBackup } from '../src/backup';
import { localFileStorage, type FileStorage } from '../src/files/file-storage';

/** A second database on the test's server (PostgreSQL), or a fresh in-memory PGlite. */
async function emptyDatabase(kind: 'pglite' | 'postgres'): Promise<{ knex: Knex; drop(): Promise<void> }> {
  if (kind === 'pglite') {
    const knex = createDatabase({ dataDir: 'memory://' });
    return { knex, drop: () => knex.destroy() };
  }
  const server = process.env.TEST_DATABASE_URL!;
  const name = `tessera_restore_${randomUUID().slice(0, 8)}`;
  const admin = knexFactory({ client: 'pg', connection: server, pool: { min: 0, max: 1 } });
  await admin.raw('create database ??', [name]);
  const knex = createDatabase({ url: withDatabase(server, name) });
  return {
    knex,
    async drop() {
      await knex.destroy();
      await admin.raw('drop database if exists ?? with (force)', [name]);
      await admin.destroy();
    },
  };
}

forEachDatabase('backup and restore', (getCtx) => {
  let source: Knex;
  let sourceStorage: FileStorage;
  let hashes: string[];
  let work: string;
  beforeAll(async () => {
    work = await mkdtemp(path.join(os.tmpdir(), 'tessera-backup-'));
    source = createDatabase(getCtx().databaseUrl ? { url: getCtx().databaseUrl } : { dataDir: 'memory://' });
    sourceStorage = localFileStorage(path.join(work, 'source-files'));
    hashes = await fillSource(source, sourceStorage);
  });
  afterAll(async () => {
    await source.destroy();
  });

  it('a backup restored into an empty database has every table and every file equal, and refuses a non-empty one without force', async () => {
    const archive = path.join(work, 'round-trip.tar.gz');
    const progress: string[] = [];
    const summary = await writeBackup(source, sourceStorage, createWriteStream(archive), (p) => progress.push(p.phase));
    expect(summary.files).toBe(3);
    expect(summary.rows).toBeGreaterThan(1800);
    expect(progress).toContain('table');
    expect(progress[progress.length - 1]).toBe('done');

    const target = await emptyDatabase(getCtx().kind);
    try {
      const targetStorage = localFileStorage(path.join(work, 'target-files'));
      const restored = await restoreBackup(target.knex, targetStorage, createReadStream(archive));
      expect(restored.files).toBe(3);
      const before = await tableChecksums(source);
      const after = await tableChecksums(target.knex);
      expect(Object.keys(before).length).toBeGreaterThan(20);
      expect(after).toEqual(before);
      // The audit-style trigger was not fired by the restore (the change log is as it was) but works afterwards.
      expect(after['app.changes'].rows).toBe(1500);
      await target.knex('app.customer').insert({ id: randomUUID(), name: 'After restore' });
      expect(Number((await target.knex('app.changes').count('* as n').first())!.n)).toBe(1501);
      // Identity and serial sequences continue after the restored ids; the view and the foreign key exist.
      expect((await target.knex('app.customer').max('code as m').first())!.m).toBe(1501);
      expect(Number((await target.knex('app.won_customers').count('* as n').first())!.n)).toBe(500);
      await expect(target.knex('app.contact').insert({ customer_id: randomUUID(), email: 'nobody@example.com' })).rejects.toThrow(/foreign key/);
      for (const hash of hashes) expect(sha(await readFile(path.join(work, 'target-files', keyOf(hash))))).toBe(hash);

      // Non-empty now: refused, untouched; --force replaces everything.
      await expect(restoreBackup(target.knex, targetStorage, createReadStream(archive))).rejects.toMatchObject({ code: 'not_empty' });
      expect(Number((await target.knex('app.customer').count('* as n').first())!.n)).toBe(1501);
      await restoreBackup(target.knex, targetStorage, createReadStream(archive), { force: true });
      expect(await tableChecksums(target.knex)).toEqual(before);
    } finally {
      await target.drop();
    }
  });

  it('a truncated archive restores nothing', async () => {
    const archive = path.join(work, 'cut.tar.gz');
    await writeBackup(source, sourceStorage, createWriteStream(archive));
    await truncate(archive, Math.floor((await stat(archive)).size * 0.6));
    const target = await emptyDatabase(getCtx().kind);
    try {
      const err = await restoreBackup(target.knex, localFileStorage(path.join(work, 'cut-files')), createReadStream(archive)).catch((e) => e);
      expect(String(err?.message)).toMatch(/incomplete|unexpected end|invalid|header/i);
      expect((await target.knex.raw(`select count(*)::int as n from pg_namespace where nspname in ('tessera', 'app')`)).rows[0].n).toBe(0);
    } finally {
      await target.drop();
    }
  });

  it('a backup whose database references a file missing from the storage fails and says which', async () => {
    const storage = localFileStorage(path.join(work, 'empty-files'));
    const err = await writeBackup(source, storage, createWriteStream(path.join(work, 'missing.tar.gz'))).catch((e) => e);
    expect(err).toBeInstanceOf(BackupError);
    expect(err.message).toMatch(/is referenced by the database but missing/);
    expect(hashes.some((h) => err.message.includes(h))).toBe(true);
  });
});
