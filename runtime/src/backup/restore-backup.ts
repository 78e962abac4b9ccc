import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGunzip } from 'node:zlib';
import type { Knex } from 'knex';
import { extract as tarExtract } from 'tar-stream';
import type { FileStorage } from '../files/file-storage';
import { ENTRY, BackupError, type BackupManifest, type BackupProgress, type BackupTrailer } from './backup-format';
import { hasUserTables, userSchemas } from './catalog-ddl';

export interface RestoreOptions {
  /** Replace a database that already has tables (every non-system schema is dropped first). */
  force?: boolean;
  onProgress?: (p: BackupProgress) => void;
}

export interface RestoreSummary {
  tables: number;
  rows: number;
  files: number;
}

/** One archive member as tar-stream hands it out: a readable with its header. */
type Entry = Readable & { header: { name: string } };

const readAll = async (entry: Entry) => {
  const parts: Buffer[] = [];
  for await (const part of entry) parts.push(part as Buffer);
  return Buffer.concat(parts).toString('utf8');
};

const ROWS_PER_INSERT = 500;

/**
 * Restores an archive of `writeBackup` into `knex`'s database and `storage`, streaming: the
 * schema first, then rows, then constraints, indexes and triggers (so no audit trigger fires
 * on restored rows and foreign keys are checked once), then the files. The database part is
 * one transaction: a bad or truncated archive leaves the database as it was. Refuses a
 * database that has tables unless `force`.
 */
export async function restoreBackup(knex: Knex, storage: FileStorage, input: Readable, opts: RestoreOptions = {}): Promise<RestoreSummary> {
  const onProgress = opts.onProgress ?? (() => undefined);
  if (!opts.force && (await hasUserTables(knex))) {
    throw new BackupError('not_empty', 'The target database already has tables; restore into an empty database, or pass --force to replace everything in it');
  }
  const summary: RestoreSummary = { tables: 0, rows: 0, files: 0 };
  const trx = await knex.transaction();
  // The iterator is attached in the same tick as the pipeline starts: entries emitted before it would be lost.
  const extract = tarExtract();
  const entries = extract[Symbol.asyncIterator]();
  const reading = pipeline(input, createGunzip(), extract);
  reading.catch(() => undefined); // awaited below
  try {
    if (opts.force) {
      for (const schema of await userSchemas(trx)) await trx.raw('drop schema ?? cascade', [schema]);
      await trx.raw('create schema if not exists public');
    }
    let manifest: BackupManifest | undefined;
    let trailer: BackupTrailer | undefined;
    const loaded = new Map<number, number>();
    let sawPostData = false;
    for await (const entry of { [Symbol.asyncIterator]: () => entries as AsyncIterator<Entry> }) {
      const name = entry.header.name;
      if (!manifest) {
        if (name !== ENTRY.manifest) throw new BackupError('bad_archive', 'This is not a Tessera backup (it does not start with its manifest)');
        manifest = JSON.parse(await readAll(entry)) as BackupManifest;
        if (manifest.format !== 'tessera-backup' || manifest.formatVersion !== 1) throw new BackupError('bad_archive', `Unsupported backup format ${manifest.format} ${manifest.formatVersion}`);
        continue;
      }
      if (name === ENTRY.preData || name === ENTRY.postData) {
        for (const sql of JSON.parse(await readAll(entry)) as string[]) await trx.raw(sql.replace(/\?/g, '\\?'));
        if (name === ENTRY.postData) sawPostData = true;
        else onProgress({ phase: 'schema', tables: manifest.tables.length, files: manifest.files });
        continue;
      }
      const data = /^data\/(\d+)\/\d+\.jsonl$/.exec(name);
      if (data) {
        const index = Number(data[1]);
        const table = manifest.tables[index];
        if (!table) throw new BackupError('bad_archive', `The archive has rows for an unknown table (${name})`);
        const lines = (await readAll(entry)).split('\n').filter((l) => l !== '');
        const cols = table.columns.map((c) => `"${c.replace(/"/g, '""')}"`).join(', ');
        for (let i = 0; i < lines.length; i += ROWS_PER_INSERT) {
          const slice = lines.slice(i, i + ROWS_PER_INSERT);
          await trx.raw(
            `insert into ${table.table} (${cols}) ${table.identityAlways ? 'overriding system value ' : ''}select ${cols} from jsonb_populate_recordset(null::${table.table}, ?::jsonb)`,
            [`[${slice.join(',')}]`],
          );
        }
        loaded.set(index, (loaded.get(index) ?? 0) + lines.length);
        summary.rows += lines.length;
        onProgress({ phase: 'table', index: index + 1, tables: manifest.tables.length, table: table.table, rows: loaded.get(index)! });
        continue;
      }
      if (name.startsWith('files/')) {
        const key = name.slice('files/'.length);
        if (!/^[0-9a-f]{2}\/[0-9a-f]{64}$/.test(key)) throw new BackupError('bad_archive', `Unexpected file name in the archive: ${name}`);
        await storage.write(key, entry);
        summary.files++;
        onProgress({ phase: 'files', done: summary.files, files: manifest.files });
        continue;
      }
      if (name === ENTRY.trailer) {
        trailer = JSON.parse(await readAll(entry)) as BackupTrailer;
        continue;
      }
      throw new BackupError('bad_archive', `Unexpected entry in the archive: ${name}`);
    }
    await reading;
    if (!manifest || !trailer || !sawPostData) throw new BackupError('bad_archive', 'The archive is incomplete (it was cut short); nothing was restored');
    manifest.tables.forEach((t, i) => {
      const expected = trailer!.rows[t.table] ?? 0;
      if ((loaded.get(i) ?? 0) !== expected) throw new BackupError('mismatch', `${t.table}: the archive promised ${expected} rows but held ${loaded.get(i) ?? 0}`);
    });
    if (summary.files !== trailer.files) throw new BackupError('mismatch', `The archive promised ${trailer.files} files but held ${summary.files}`);
    summary.tables = manifest.tables.length;
    await trx.commit();
  } catch (err) {
    await trx.rollback().catch(() => undefined);
    extract.destroy();
    throw err;
  }
  onProgress({ phase: 'done' });
  return summary;
}
