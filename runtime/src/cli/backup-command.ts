import { createReadStream, createWriteStream } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { PassThrough } from 'node:stream';
import { readConfig } from '../config/read-config';
import { BackupError, type BackupProgress } from '../backup/backup-format';
import { restoreBackup } from '../backup/restore-backup';
import { writeBackup } from '../backup/write-backup';
import { createDatabase } from '../db/create-database';
import { fileStorageFor, localFileStorage } from '../files/file-storage';
import { pgliteFilesDir } from '../files/files-dir';
import { EXIT, type CliIo } from './cli-types';

export const BACKUP_DETAILS = `Against DATABASE_URL, else the PGlite folder TESSERA_DATA_DIR; files from/to TESSERA_FILES_DIR.
The archive (gzip-compressed tar) holds every schema of the database (Tessera's tables, the app's
tables, metadata versions, the job queue) and every file the database references, all from one
repeatable-read snapshot: a backup of a running server is consistent. A restore refuses a database
that has tables (exit 3) unless --force, which drops everything in it first; stop the server
before restoring. Backups of PGlite restore into PostgreSQL and back.`;

/** Progress lines on stderr: one per table, and the files every 100 and at the end. */
function progressPrinter(io: CliIo, verb: string): (p: BackupProgress) => void {
  const say = io.progress ?? io.err;
  return (p) => {
    if (p.phase === 'schema') say(`${verb} ${p.tables} tables and ${p.files} files…`);
    if (p.phase === 'table') say(`  [${p.index}/${p.tables}] ${p.table}: ${p.rows} rows`);
    if (p.phase === 'files' && (p.done % 100 === 0 || p.done === p.files)) say(`  files ${p.done}/${p.files}`);
  };
}

const databaseOf = () => createDatabase({ url: readConfig().DATABASE_URL, dataDir: readConfig().TESSERA_DATA_DIR });

/** `tessera backup <file>`: written to `<file>.part` and renamed at the end, so a failed backup never looks like a good one. */
export async function backupCommand(file: string | undefined, io: CliIo): Promise<number> {
  if (!file) {
    io.err('tessera backup: the archive file is missing\nUsage: tessera backup <file.tar.gz>');
    return EXIT.error;
  }
  const knex = databaseOf();
  const part = `${file}.part`;
  try {
    const summary = await writeBackup(knex, fileStorageFor(knex), createWriteStream(part), progressPrinter(io, 'Backing up'));
    await rename(part, file);
    io.out(`Backed up ${summary.tables} tables (${summary.rows} rows) and ${summary.files} files (${summary.fileBytes} bytes) to ${file}`);
    io.result?.({ file, ...summary });
    return EXIT.ok;
  } catch (err) {
    await rm(part, { force: true });
    throw err;
  } finally {
    await knex.destroy();
  }
}

/** `tessera restore <file> [--force]`. */
export async function restoreCommand(file: string | undefined, force: boolean, io: CliIo): Promise<number> {
  if (!file) {
    io.err('tessera restore: the archive file is missing\nUsage: tessera restore <file.tar.gz> [--force]');
    return EXIT.error;
  }
  const knex = databaseOf();
  try {
    const summary = await restoreBackup(knex, fileStorageFor(knex), createReadStream(file), { force, onProgress: progressPrinter(io, 'Restoring') });
    io.out(`Restored ${summary.tables} tables (${summary.rows} rows) and ${summary.files} files from ${file}`);
    io.result?.({ file, ...summary });
    return EXIT.ok;
  } catch (err) {
    return backupFailure('restore', err, io);
  } finally {
    await knex.destroy();
  }
}

/**
 * `tessera move-to-postgres --from <pglite folder> --to <url>`: a backup of the PGlite folder
 * piped straight into a restore on PostgreSQL (no archive on disk), files included.
 */
export async function moveToPostgresCommand(from: string | undefined, to: string | undefined, force: boolean, io: CliIo): Promise<number> {
  if (!from || !to || !/^postgres(ql)?:\/\//.test(to)) {
    io.err('tessera move-to-postgres: --from <pglite folder> and --to <postgres://…> are both needed\nUsage: tessera move-to-postgres --from <pglite folder> --to <postgres://…> [--force]');
    return EXIT.error;
  }
  const source = createDatabase({ dataDir: from });
  const target = createDatabase({ url: to });
  try {
    const pipe = new PassThrough();
    // The folder's own files (beside it), whatever TESSERA_FILES_DIR says: that names the target's.
    const sourceFiles = localFileStorage(pgliteFilesDir(from));
    const written = writeBackup(source, sourceFiles, pipe, progressPrinter(io, 'Copying'));
    // If the restore refuses, stop the backup's stream so it does not wait for a reader forever.
    const restored = restoreBackup(target, fileStorageFor(target), pipe, { force }).catch((err) => {
      pipe.destroy(err);
      throw err;
    });
    const [, summary] = await Promise.all([written, restored]);
    io.out(`Moved ${summary.tables} tables (${summary.rows} rows) and ${summary.files} files from ${from} to PostgreSQL. Start with DATABASE_URL set to it.`);
    io.result?.({ from, ...summary });
    return EXIT.ok;
  } catch (err) {
    return backupFailure('move-to-postgres', err, io);
  } finally {
    await source.destroy();
    await target.destroy();
  }
}

function backupFailure(command: string, err: unknown, io: CliIo): number {
  if (!(err instanceof BackupError)) throw err;
  io.err(`tessera ${command}: ${err.message}`);
  return err.code === 'not_empty' ? EXIT.notEmpty : EXIT.error;
}
