import { readConfig } from '../config/read-config';
import { dirname, join, resolve } from 'node:path';
import type { Knex } from 'knex';

/**
 * Where file contents live: `TESSERA_FILES_DIR`, else `files/` beside the PGlite folder, else
 * `.tessera-data/files` (PostgreSQL, in-memory PGlite). Contents are named by sha256, so two
 * uploads of the same bytes share one file.
 */
export function filesDir(knex: Knex): string {
  const dir = readConfig().TESSERA_FILES_DIR;
  if (dir) return resolve(dir);
  const pglite = (knex as { tesseraDataDir?: string }).tesseraDataDir;
  return pglite ? pgliteFilesDir(pglite) : resolve('.tessera-data/files');
}

/** The `files/` folder beside a PGlite data folder: where a development install keeps its files. */
export const pgliteFilesDir = (dataDir: string): string => join(dirname(resolve(dataDir)), 'files');

/** `<sha[0..2]>/<sha>`: two hex digits of fan-out keep directories small. */
export const storageKeyOf = (sha256: string) => `${sha256.slice(0, 2)}/${sha256}`;
