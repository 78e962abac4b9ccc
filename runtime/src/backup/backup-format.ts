/** What `tessera backup` writes first in its archive; a restore reads it before anything else. */
export interface BackupManifest {
  format: 'tessera-backup';
  formatVersion: 1;
  createdAt: string;
  /** `pglite` or `postgres`, and the server's version, for the operator's information. */
  source: { kind: 'pglite' | 'postgres'; serverVersion: string };
  schemas: string[];
  tables: Array<{ table: string; columns: string[]; identityAlways: boolean }>;
  files: number;
}

/** Written last: what the archive holds, checked by the restore before it commits. */
export interface BackupTrailer {
  rows: Record<string, number>;
  files: number;
}

/** Archive layout: one gzip-compressed tar, entries in the order a streaming restore needs them. */
export const ENTRY = {
  manifest: 'manifest.json',
  preData: 'schema/pre-data.json',
  postData: 'schema/post-data.json',
  /** `data/<table index>/<chunk>.jsonl`: one `to_jsonb` row per line. */
  data: (table: number, chunk: number) => `data/${String(table).padStart(5, '0')}/${String(chunk).padStart(6, '0')}.jsonl`,
  file: (storageKey: string) => `files/${storageKey}`,
  trailer: 'trailer.json',
} as const;

/** A refusal the CLI reports by its message (exit code 3). */
export class BackupError extends Error {
  constructor(public readonly code: 'not_empty' | 'bad_archive' | 'missing_file' | 'mismatch', message: string) {
    super(message);
  }
}

/** What a backup or restore reports as it goes. */
export type BackupProgress =
  | { phase: 'schema'; tables: number; files: number }
  | { phase: 'table'; index: number; tables: number; table: string; rows: number }
  | { phase: 'files'; done: number; files: number }
  | { phase: 'done' };
