import { createHash, randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { StorageEngine } from 'multer';
import { HttpError } from '../errors/http-error';

/** What the storage engine hands back for one uploaded part. */
export interface StagedFile {
  tempPath: string;
  size: number;
  sha256: string;
  /** The first bytes, for sniffing the real type. */
  head: Uint8Array;
}

const HEAD_BYTES = 16;

/**
 * A multer storage engine that streams the part to `<dir>/tmp/<uuid>` while hashing and
 * counting it. Past `maxSize` bytes it stops, deletes the temp file and fails with 413, so an
 * oversized upload never reaches its final name and leaves nothing on disk.
 */
export function hashingStorage(dir: string, maxSize: number): StorageEngine {
  return {
    _handleFile(_req, file, cb) {
      const tempDir = join(dir, 'tmp');
      const tempPath = join(tempDir, randomUUID());
      mkdir(tempDir, { recursive: true }).then(() => {
        const hash = createHash('sha256');
        const out = createWriteStream(tempPath);
        let size = 0;
        let head = Buffer.alloc(0);
        let failed = false;
        const fail = (err: unknown) => {
          if (failed) return;
          failed = true;
          file.stream.unpipe(out);
          file.stream.resume(); // drain the rest so the request can finish and be answered
          out.destroy();
          rm(tempPath, { force: true }).then(() => cb(err), () => cb(err));
        };
        file.stream.on('data', (chunk: Buffer) => {
          size += chunk.length;
          if (head.length < HEAD_BYTES) head = Buffer.concat([head, chunk.subarray(0, HEAD_BYTES - head.length)]);
          if (size > maxSize) return fail(new HttpError(413, 'file_too_large', `The file is larger than the field's limit of ${maxSize} bytes`));
          hash.update(chunk);
        });
        file.stream.on('error', fail);
        out.on('error', fail);
        out.on('finish', () => {
          if (!failed) cb(null, { tempPath, size, sha256: hash.digest('hex'), head } satisfies StagedFile);
        });
        file.stream.pipe(out);
      }, cb);
    },
    _removeFile(_req, file, cb) {
      rm(String(file.tempPath), { force: true }).then(() => cb(null), cb);
    },
  };
}
