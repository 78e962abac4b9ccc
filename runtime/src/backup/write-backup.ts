import type { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGzip } from 'node:zlib';
import type { Knex } from 'knex';
import { pack as tarPack, type Pack } from 'tar-stream';
import type { FileStorage } from '../files/file-storage';
import { ENTRY, BackupError, type BackupManifest, type BackupProgress, type BackupTrailer } from './backup-format';
import { readCatalogDdl } from './catalog-ddl';

export interface BackupSummary {
  tables: number;
  rows: number;
  files: number;
  fileBytes: number;
}

const FETCH_ROWS = 500;
const CHUNK_BYTES = 4 * 1024 * 1024;

const addEntry = (tar: Pack, name: string, body: string | Buffer) =>
  new Promise<void>((done, fail) => tar.entry({ name, mtime: new Date(0) }, body, (err) => (err ? fail(err) : done())));

/**
 * Writes the whole database (every schema outside the system ones: Tessera's, the app's, the
 * job queue's; metadata versions included) and every file its `tessera.files` rows reference
 * to `out` as one gzip-compressed tar, streamed. Everything comes from one repeatable-read
 * snapshot, so rows, schema and the list of files agree with each other even while the server
 * keeps writing; file contents are content-addressed and never change, so reading them after
 * the snapshot is consistent too.
 */
export async function writeBackup(knex: Knex, storage: FileStorage, out: Writable, onProgress: (p: BackupProgress) => void = () => undefined): Promise<BackupSummary> {
  const tar = tarPack();
  const written = pipeline(tar, createGzip(), out);
  written.catch(() => undefined); // awaited below; a failure here also fails the entries being added
  const summary: BackupSummary = { tables: 0, rows: 0, files: 0, fileBytes: 0 };
  const trx = await knex.transaction({ isolationLevel: 'repeatable read' });
  try {
    await trx.raw('set local search_path = pg_catalog');
    await trx.raw("set local timezone = 'UTC'");
    const ddl = await readCatalogDdl(trx);
    const hasFiles = ddl.tables.some((t) => t.schema === 'tessera' && t.name === 'files');
    const files: Array<{ storage_key: string }> = hasFiles ? (await trx.raw('select distinct storage_key from tessera.files order by storage_key')).rows : [];
    const version = (await trx.raw('select version() as v')).rows[0].v as string;
    const manifest: BackupManifest = {
      format: 'tessera-backup', formatVersion: 1, createdAt: new Date().toISOString(),
      source: { kind: /emscripten|emcc|wasm/i.test(version) ? 'pglite' : 'postgres', serverVersion: version },
      schemas: ddl.schemas,
      tables: ddl.tables.map((t) => ({ table: t.qualified, columns: t.columns, identityAlways: t.identityAlways })),
      files: files.length,
    };
    await addEntry(tar, ENTRY.manifest, JSON.stringify(manifest, null, 2));
    await addEntry(tar, ENTRY.preData, JSON.stringify(ddl.preData, null, 1));
    onProgress({ phase: 'schema', tables: ddl.tables.length, files: files.length });
    const trailer: BackupTrailer = { rows: {}, files: files.length };
    for (const [index, table] of ddl.tables.entries()) {
      let rows = 0;
      let chunk = 0;
      let lines: string[] = [];
      let bytes = 0;
      const flush = async () => {
        if (lines.length === 0) return;
        await addEntry(tar, ENTRY.data(index, chunk++), lines.join('\n'));
        lines = [];
        bytes = 0;
      };
      // A cursor: a big table streams through in slices instead of being read whole.
      await trx.raw(`declare tessera_backup no scroll cursor for select to_jsonb(t)::text as j from only ${table.qualified} t`);
      for (;;) {
        const batch: Array<{ j: string }> = (await trx.raw(`fetch forward ${FETCH_ROWS} from tessera_backup`)).rows;
        for (const { j } of batch) {
          lines.push(j);
          bytes += j.length;
        }
        rows += batch.length;
        if (bytes >= CHUNK_BYTES) await flush();
        if (batch.length < FETCH_ROWS) break;
      }
      await trx.raw('close tessera_backup');
      await flush();
      trailer.rows[table.qualified] = rows;
      summary.rows += rows;
      summary.tables++;
      onProgress({ phase: 'table', index: index + 1, tables: ddl.tables.length, table: table.qualified, rows });
    }
    await addEntry(tar, ENTRY.postData, JSON.stringify(ddl.postData, null, 1));
    for (const { storage_key: key } of files) {
      const size = await storage.size(key);
      if (size === undefined) throw new BackupError('missing_file', `The file ${key} is referenced by the database but missing from the file storage`);
      const body = await storage.read(key);
      await new Promise<void>((done, fail) => {
        const entry = tar.entry({ name: ENTRY.file(key), size, mtime: new Date(0) }, (err) => (err ? fail(err) : done()));
        body.on('error', fail);
        body.pipe(entry);
      });
      summary.files++;
      summary.fileBytes += size;
      onProgress({ phase: 'files', done: summary.files, files: files.length });
    }
    await addEntry(tar, ENTRY.trailer, JSON.stringify(trailer, null, 1));
    tar.finalize();
    await trx.commit();
  } catch (err) {
    await trx.rollback().catch(() => undefined);
    tar.destroy(err as Error);
    await written.catch(() => undefined);
    throw err;
  }
  await written;
  onProgress({ phase: 'done' });
  return summary;
}
