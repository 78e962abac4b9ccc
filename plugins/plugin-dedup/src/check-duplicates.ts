import type { PluginRecordsApi } from '@tessera/engine';
import { recordKeys, type DedupKey } from './dedup-keys';
import type { DedupStore } from './dedup-store';
import { isReady, lookupKeys } from './key-table';

type Row = Record<string, unknown>;

/** What one item of a batch matched: records the caller may read (with data), and the fields matched by ones they may not. */
export interface ItemMatches {
  visible: { id: string; matches: string[]; record: Row }[];
  /** Fields in common with records outside the caller's scope: no id, no data, only that they exist. */
  hidden: string[];
}

/** The list API's `in` takes at most this many values (QUERY_LIMITS.maxInValues). */
const IN_LIMIT = 100;

// Readiness only ever goes from false to true for a given field set, so a process remembers it
// and the hot path pays no query for it.
const readyCache = new Set<string>();

/** Whether the key table holds every record of `entity` for these fields (else: fall back to probes). */
export async function keysReady(store: DedupStore, entity: string, fields: readonly string[]): Promise<boolean> {
  const tag = `${store.schema}\n${entity}\n${[...fields].sort().join(',')}`;
  if (readyCache.has(tag)) return true;
  if (!(await isReady(store, entity, fields))) return false;
  readyCache.add(tag);
  return true;
}

/**
 * Duplicates of a whole batch in a fixed number of statements, whatever its size: one key
 * lookup over the entire table, then (only when something matched) one read per 100 matched
 * ids through the records API, which tells the caller's records from the others'.
 */
export async function checkDuplicates(
  store: DedupStore, records: PluginRecordsApi<Row>, entity: string, fields: readonly string[], items: readonly DedupKey[][], except: readonly (string | undefined)[] = [],
): Promise<ItemMatches[]> {
  const hits = await lookupKeys(store, entity, items, except);
  const ids = [...new Set(hits.map((h) => h.recordId))];
  const readable = new Map<string, Row>();
  for (let i = 0; i < ids.length; i += IN_LIMIT) {
    const chunk = ids.slice(i, i + IN_LIMIT);
    for (const row of await records.list({ 'filter[id][in]': chunk.join(','), limit: String(chunk.length) })) readable.set(String(row.id), row);
  }
  const order = (matched: Set<string>) => fields.filter((f) => matched.has(f));
  return items.map((_, item) => {
    const mine = hits.filter((h) => h.item === item);
    const byId = new Map<string, Set<string>>();
    for (const h of mine) byId.set(h.recordId, (byId.get(h.recordId) ?? new Set()).add(h.kind));
    const visible = [...byId].filter(([id]) => readable.has(id)).map(([id, kinds]) => ({ id, matches: order(kinds), record: readable.get(id)! }));
    const hidden = order(new Set(mine.filter((h) => !readable.has(h.recordId)).map((h) => h.kind)));
    return { visible, hidden };
  });
}

/** One record's duplicates (a create, an update's changed fields, the UI's check). */
export async function checkOne(store: DedupStore, records: PluginRecordsApi<Row>, entity: string, fields: readonly string[], data: Row, exceptId?: string): Promise<ItemMatches> {
  const [result] = await checkDuplicates(store, records, entity, fields, [recordKeys(fields, data)], [exceptId]);
  return result;
}
