import type { LocalizedText } from '@tessera/metadata';

/** One cell as read from the file: CSV cells are text; XLSX cells keep their numbers, booleans and dates. */
export type RawCell = string | number | boolean | Date | null;

/** A file as a table: the header row, then the data rows (row 2 of the file is `rows[0]`). */
export interface ImportTable {
  format: 'csv' | 'xlsx';
  /** CSV only: how the bytes were decoded (`utf-8`, `gbk`, `utf-16le`). */
  encoding?: string;
  columns: string[];
  rows: RawCell[][];
}

export type DuplicateMode = 'skip' | 'update' | 'create';
export const DUPLICATE_MODES: readonly DuplicateMode[] = ['skip', 'update', 'create'];

/** Column header → field name (or null: the column is not imported). The API and the CLI share it. */
export type ImportMapping = Record<string, string | null>;

export type ImportLocale = 'en' | 'zh';

/** One problem with one cell (or a row-level problem when `column` is absent), in the user's words. */
export interface CellError {
  column?: string;
  field?: string;
  message: string;
}

/** A field a column may be mapped to. */
export interface ImportableField {
  name: string;
  label: LocalizedText;
  type: string;
  required: boolean;
}

export type ImportStatus = 'uploaded' | 'running' | 'done' | 'failed' | 'reverted';

export interface ImportRow {
  id: string;
  app: string;
  entity: string;
  file_name: string;
  format: 'csv' | 'xlsx';
  encoding: string | null;
  content: Buffer;
  size: number;
  columns: string[];
  total: number;
  status: ImportStatus;
  mode: DuplicateMode | null;
  mapping: ImportMapping | null;
  locale: ImportLocale;
  processed: number;
  created: number;
  updated: number;
  skipped: number;
  rejected: number;
  error: string | null;
  lease_until: Date | null;
  created_by: string;
  created_at: Date;
  started_at: Date | null;
  finished_at: Date | null;
  reverted_at: Date | null;
}
