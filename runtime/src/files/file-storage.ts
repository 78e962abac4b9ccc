import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, rename, rm, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { randomUUID } from 'node:crypto';
import type { Knex } from 'knex';
import { readConfig } from '../config/read-config';
import { filesDir } from './files-dir';
import { s3FileStorage, type S3StorageOptions } from './s3-storage';

/** Where file contents are kept, by storage key (`<sha[0..2]>/<sha>`); streamed both ways. */
export interface FileStorage {
  /** The content of `key`; rejects if it is missing. */
  read(key: string): Promise<Readable>;
  /** Stores `body` under `key` (atomically: a reader never sees half a file). */
  write(key: string, body: Readable): Promise<void>;
  /** The stored size, or undefined when `key` is absent. */
  size(key: string): Promise<number | undefined>;
  /** Deletes `key`; an absent key is not an error. */
  remove(key: string): Promise<void>;
  /** Takes a finished local temp file as `key` (local disk renames it; others upload it). */
  moveIn?(key: string, tempPath: string): Promise<void>;
}

/** Files in a folder on local disk (the default). */
export function localFileStorage(dir: string): FileStorage {
  return {
    async read(key) {
      const path = join(dir, key);
      await stat(path); // fail here, not later mid-stream, if the file is missing
      return createReadStream(path);
    },
    async write(key, body) {
      const path = join(dir, key);
      await mkdir(dirname(path), { recursive: true });
      const temp = `${path}.${randomUUID()}.part`;
      try {
        await pipeline(body, createWriteStream(temp));
        await rename(temp, path);
      } catch (err) {
        await rm(temp, { force: true });
        throw err;
      }
    },
    async size(key) {
      return stat(join(dir, key)).then((s) => s.size, () => undefined);
    },
    async remove(key) {
      await rm(join(dir, key), { force: true });
    },
    async moveIn(key, tempPath) {
      const path = join(dir, key);
      await mkdir(dirname(path), { recursive: true });
      await rename(tempPath, path);
    },
  };
}

/** Stores a staged temp file under `key` and removes the temp file, whatever the storage. */
export async function moveInto(storage: FileStorage, key: string, tempPath: string): Promise<void> {
  if (storage.moveIn) return storage.moveIn(key, tempPath);
  try {
    await storage.write(key, createReadStream(tempPath));
  } finally {
    await rm(tempPath, { force: true });
  }
}

const s3Storages = new Map<string, FileStorage>();

/** The storage the runtime on `knex` uses: `TESSERA_FILE_STORAGE`, local disk by default. */
export function fileStorageFor(knex: Knex): FileStorage {
  const c = readConfig();
  if (c.TESSERA_FILE_STORAGE !== 's3') return localFileStorage(filesDir(knex));
  const options: S3StorageOptions = {
    bucket: c.TESSERA_S3_BUCKET!,
    prefix: c.TESSERA_S3_PREFIX,
    region: c.TESSERA_S3_REGION,
    endpoint: c.TESSERA_S3_ENDPOINT,
    forcePathStyle: c.TESSERA_S3_FORCE_PATH_STYLE,
    credentials: c.TESSERA_S3_ACCESS_KEY_ID ? { accessKeyId: c.TESSERA_S3_ACCESS_KEY_ID, secretAccessKey: c.TESSERA_S3_SECRET_ACCESS_KEY! } : undefined,
  };
  // One client (and its connection pool) per configuration, not per request.
  const id = JSON.stringify(options);
  let storage = s3Storages.get(id);
  if (!storage) s3Storages.set(id, (storage = s3FileStorage(options)));
  return storage;
}
