// multer ships no types; this is the part of its API the upload route uses.
declare module 'multer' {
  import type { IncomingMessage, ServerResponse } from 'node:http';
  import type { Readable } from 'node:stream';
  export interface IncomingFile { fieldname: string; originalname: string; mimetype: string; stream: Readable }
  export interface StorageEngine {
    _handleFile(req: IncomingMessage, file: IncomingFile, cb: (err: unknown, info?: Record<string, unknown>) => void): void;
    _removeFile(req: IncomingMessage, file: IncomingFile & Record<string, unknown>, cb: (err: unknown) => void): void;
  }
  interface Multer {
    single(field: string): (req: IncomingMessage, res: ServerResponse, next: (err?: unknown) => void) => void;
  }
  function multer(opts: { storage: StorageEngine; limits?: { fileSize?: number; files?: number; fields?: number; parts?: number } }): Multer;
  export default multer;
}
