import type { PluginRecordsApi } from '@tessera/engine';
import { checkDuplicates } from './check-duplicates';
import { recordKeys, type DedupKey } from './dedup-keys';
import type { DedupStore } from './dedup-store';
import { findDuplicates, type Duplicate } from './find-duplicates';

type Row = Record<string, unknown>;

/** Rows one import check takes: a spreadsheet's worth, bounded for one request. */
export const MAX_BATCH = 200;

export interface BatchResult {
  /** The row's index in the batch. */
  row: number;
  /** Stored records it duplicates (as the caller sees them). */
  stored: Duplicate[];
  /** Fields it shares with stored records the caller may not read (key store only): that they exist, nothing more. */
  hidden?: string[];
  /** Earlier rows of the same batch it duplicates, with the fields that matched. */
  inBatch: { row: number; matches: string[] }[];
}

/** Each row against the rows before it, on the same keys the store holds. */
export function inBatchMatches(keysOf: DedupKey[][]): { row: number; matches: string[] }[][] {
  const seen = new Map<string, number[]>();
  return keysOf.map((keys, index) => {
    const earlier = new Map<number, string[]>();
    for (const { kind, key } of keys) {
      const tag = `${kind}\n${key}`;
      for (const row of seen.get(tag) ?? []) earlier.set(row, [...(earlier.get(row) ?? []), kind]);
      seen.set(tag, [...(seen.get(tag) ?? []), index]);
    }
    return [...earlier].map(([row, matches]) => ({ row, matches }));
  });
}

/**
 * The import check: each row against the stored records and against the rows before it, so
 * an importer can drop or merge duplicates before writing anything (the bulk write's
 * `beforeCreate` would reject them one by one, failing the whole batch). With a key store the
 * stored side is one lookup for the whole batch; without one, probes per row.
 */
export async function checkBatch(records: PluginRecordsApi<Row>, fields: readonly string[], rows: Row[], indexed?: { store: DedupStore; entity: string }): Promise<BatchResult[]> {
  const keysOf = rows.map((row) => recordKeys(fields, row));
  const inBatch = inBatchMatches(keysOf);
  const stored = indexed
    ? (await checkDuplicates(indexed.store, records, indexed.entity, fields, keysOf)).map((m) => ({ stored: m.visible, hidden: m.hidden }))
    : await probeEach(records, fields, rows);
  const results: BatchResult[] = [];
  for (const [index, found] of stored.entries()) {
    const hidden = found.hidden.length ? { hidden: found.hidden } : {};
    if (found.stored.length || found.hidden.length || inBatch[index].length) results.push({ row: index, stored: found.stored, ...hidden, inBatch: inBatch[index] });
  }
  return results;
}

/** The fallback: one row after the other, so a 200-row check does not take every pooled connection at once. */
async function probeEach(records: PluginRecordsApi<Row>, fields: readonly string[], rows: Row[]) {
  const out: { stored: Duplicate[]; hidden: string[] }[] = [];
  for (const row of rows) out.push({ stored: await findDuplicates(records, fields, row), hidden: [] });
  return out;
}
