import type { PluginRecordsApi } from '@tessera/engine';
import { findDuplicates, type Duplicate, normalizeField } from './find-duplicates';

type Row = Record<string, unknown>;

/** Rows one import check takes: a spreadsheet's worth, bounded for one request. */
export const MAX_BATCH = 200;

export interface BatchResult {
  /** The row's index in the batch. */
  row: number;
  /** Stored records it duplicates (as the caller sees them). */
  stored: Duplicate[];
  /** Earlier rows of the same batch it duplicates, with the fields that matched. */
  inBatch: { row: number; matches: string[] }[];
}

/**
 * The import check: each row against the stored records and against the rows before it, so
 * an importer can drop or merge duplicates before writing anything (the bulk write's
 * `beforeCreate` would reject them one by one, failing the whole batch).
 */
export async function checkBatch(records: PluginRecordsApi<Row>, fields: readonly string[], rows: Row[]): Promise<BatchResult[]> {
  const seen = new Map<string, number[]>();
  const results: BatchResult[] = [];
  for (const [index, row] of rows.entries()) {
    const inBatch = new Map<number, string[]>();
    for (const field of fields) {
      const raw = row[field];
      if (typeof raw !== 'string' || raw.trim() === '') continue;
      const key = `${field}\n${normalizeField(field, raw)}`;
      for (const earlier of seen.get(key) ?? []) inBatch.set(earlier, [...(inBatch.get(earlier) ?? []), field]);
      seen.set(key, [...(seen.get(key) ?? []), index]);
    }
    const stored = await findDuplicates(records, fields, row);
    if (stored.length || inBatch.size) results.push({ row: index, stored, inBatch: [...inBatch].map(([r, matches]) => ({ row: r, matches })) });
  }
  return results;
}
