import multer, { type StorageEngine } from 'multer';
import { HttpError } from '../errors/http-error';
import type { AppContext } from '../http/http-types';

/** Largest import file (10 MB): about 100,000 rows of a typical customer list. */
export const MAX_IMPORT_BYTES = 10 * 1024 * 1024;

/**
 * The multipart part `file`, read as it streams in and cut off past `maxBytes` (413 — the rest
 * of the body is never buffered). Kept in memory: at most `maxBytes`, and it goes to the
 * database next, so every process can preview and run the import.
 */
export async function receiveImportUpload(ctx: AppContext, maxBytes = MAX_IMPORT_BYTES): Promise<{ name: string; bytes: Buffer }> {
  if (!ctx.is('multipart/form-data')) throw new HttpError(415, 'unsupported_media_type', 'Upload the CSV or XLSX file with Content-Type multipart/form-data, in the part "file"');
  // Browsers send a file name in UTF-8 (客户.csv), not busboy's default latin1.
  const upload = multer({ storage: boundedMemory(maxBytes), limits: { fileSize: maxBytes, files: 1, fields: 10, parts: 12 }, defParamCharset: 'utf8' } as Parameters<typeof multer>[0]).single('file');
  await new Promise<void>((done, fail) =>
    upload(ctx.req, ctx.res, (err: unknown) => {
      if (!err) return done();
      const code = (err as { code?: string }).code;
      if (err instanceof HttpError) return fail(err);
      if (code === 'LIMIT_FILE_SIZE') return fail(tooLarge(maxBytes));
      if (typeof code === 'string' && code.startsWith('LIMIT_')) return fail(new HttpError(400, 'bad_request', `Send one part named "file" (${code})`));
      return fail(new HttpError(400, 'bad_request', `The multipart body could not be read: ${(err as Error).message}`));
    }),
  );
  const file = (ctx.req as { file?: { originalname: string; buffer: Buffer } }).file;
  if (!file) throw new HttpError(400, 'bad_request', 'The multipart body has no part named "file"');
  // eslint-disable-next-line no-control-regex
  const name = (file.originalname.split(/[\\/]/).pop() ?? '').replace(/[\u0000-\u001f\u007f]/g, '').slice(0, 255) || 'import.csv';
  return { name, bytes: file.buffer };
}

const tooLarge = (maxBytes: number) => new HttpError(413, 'file_too_large', `An import file may be at most ${Math.round(maxBytes / 1024 / 1024)} MB; split it`);

/** Chunks collected as they arrive; past `maxBytes` the part is drained unread and the upload fails with 413. */
function boundedMemory(maxBytes: number): StorageEngine {
  return {
    _handleFile(_req, file, cb) {
      const chunks: Buffer[] = [];
      let size = 0;
      let failed = false;
      file.stream.on('data', (chunk: Buffer) => {
        if (failed) return;
        size += chunk.length;
        if (size > maxBytes) {
          failed = true;
          chunks.length = 0;
          file.stream.resume();
          return cb(tooLarge(maxBytes));
        }
        chunks.push(chunk);
      });
      file.stream.on('error', (err) => !failed && ((failed = true), cb(err)));
      file.stream.on('end', () => !failed && cb(null, { buffer: Buffer.concat(chunks), size }));
    },
    _removeFile(_req, _file, cb) {
      cb(null);
    },
  };
}
