import { randomUUID } from 'node:crypto';
import { rm } from 'node:fs/promises';
import { fileTypeAccepted } from '@tessera/engine';
import type { FileSpec } from '@tessera/metadata';
import type { Knex } from 'knex';
import multer from 'multer';
import { HttpError } from '../errors/http-error';
import type { AppContext } from '../http/http-types';
import type { CompiledEntity } from '../meta/compile-app-state';
import { fileStorageFor, moveInto } from './file-storage';
import { filesDir, storageKeyOf } from './files-dir';
import { hashingStorage, type StagedFile } from './hashing-storage';
import { contentMatches } from './sniff-mime';

export interface UploadedFile {
  id: string;
  name: string;
  mime: string;
  size: number;
}

type Received = StagedFile & { originalname: string; mimetype: string };

/**
 * Receives the multipart part `file` for one file field (or a purpose such as approval attachments, by name): streamed to a temp file under the
 * field's size limit, type-checked (declared and sniffed), then renamed to its sha256 name
 * and recorded, unattached, in `tessera.files`. Any refusal deletes the temp file first.
 */
export async function uploadFile(ctx: AppContext, knex: Knex, app: string, entity: CompiledEntity | string, field: string, spec: FileSpec): Promise<UploadedFile> {
  if (!ctx.is('multipart/form-data')) throw new HttpError(415, 'unsupported_media_type', 'Upload with Content-Type multipart/form-data and the file in the part "file"');
  const dir = filesDir(knex);
  const upload = multer({ storage: hashingStorage(dir, spec.maxSize), limits: { fileSize: spec.maxSize + 1, files: 1, fields: 10, parts: 12 } }).single('file');
  await new Promise<void>((done, fail) => upload(ctx.req, ctx.res, (err) => (err ? fail(multerError(err)) : done())));
  const file = (ctx.req as { file?: Received }).file;
  if (!file) throw new HttpError(400, 'bad_request', 'The multipart body has no part named "file"');
  const mime = file.mimetype.toLowerCase();
  if (!fileTypeAccepted(mime, spec.accept) || !contentMatches(mime, file.head)) {
    await rm(file.tempPath, { force: true });
    throw new HttpError(415, 'file_type_not_allowed', `"${field}" accepts ${spec.accept.join(', ')}; the file is not one of them (declared ${mime})`);
  }
  const key = storageKeyOf(file.sha256);
  // Same bytes, same name: a re-upload just replaces identical content.
  await moveInto(fileStorageFor(knex), key, file.tempPath);
  const row = { id: randomUUID(), app, entity: typeof entity === 'string' ? entity : entity.entity['x-name'], field, name: safeName(file.originalname), mime, size: file.size, sha256: file.sha256, storage_key: key, created_by: ctx.state.user!.id };
  await knex.withSchema('tessera').table('files').insert(row);
  return { id: row.id, name: row.name, mime, size: file.size };
}

function multerError(err: unknown): unknown {
  if (err instanceof HttpError) return err;
  const code = (err as { code?: string }).code;
  if (code === 'LIMIT_FILE_SIZE') return new HttpError(413, 'file_too_large', 'The file is larger than the field allows');
  if (typeof code === 'string' && code.startsWith('LIMIT_')) return new HttpError(400, 'bad_request', `Send one part named "file" (${code})`);
  return new HttpError(400, 'bad_request', `The multipart body could not be read: ${(err as Error).message}`);
}

/** The base name only, without control characters: it ends up in Content-Disposition. */
function safeName(name: string): string {
  // eslint-disable-next-line no-control-regex
  const base = (name.split(/[\\/]/).pop() ?? '').replace(/[\u0000-\u001f\u007f]/g, '').slice(0, 255);
  return base || 'file';
}
