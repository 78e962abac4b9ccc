import { encodeCursor, type PluginRecordsApi, type SortKey } from '@tessera/engine';
import { recordKeys } from './dedup-keys';
import type { DedupStore } from './dedup-store';
import { insertKeys, isReady, markReady, missingKeys } from './key-table';

type Row = Record<string, unknown>;

/** The list API's largest page (QUERY_LIMITS.maxLimit). */
const PAGE = 500;
/** Ids per `filter[id][in]` fetch of the records that lack keys. */
const FETCH = 100;
/** The sort the cursor belongs to: the API's own keyset cursor for `sort=id`. */
const BY_ID = [{ field: { path: 'id' }, direction: 'asc' }] as unknown as readonly SortKey[];

/**
 * Writes the keys of every record that has none: records stored before the hooks kept keys,
 * and records inserted later behind the API's back (`tessera seed`, a migration's SQL), which no
 * hook saw. Each run pages the ids only (by id, as the job's user, normally an admin with scope
 * `all`), asks the key table in one anti-join per page which of them have no key, and reads just
 * those records' compared fields. So a run over a keyed table reads ids and writes nothing; a
 * timestamp high-water mark would miss seeded rows, whose created_at lies in the past.
 * Records written through the API keep their keys through the hooks (an update replaces the
 * kinds it changes), so they are never re-keyed here and never get stale keys added.
 * The first complete run marks the entity ready (hooks then trust the key table).
 * Returns how many records it keyed.
 */
export async function backfillKeys(store: DedupStore, records: PluginRecordsApi<Row>, entity: string, fields: readonly string[]): Promise<number> {
  const ready = await isReady(store, entity, fields);
  let keyed = 0;
  for (let after = ''; ; ) {
    // Keyset paging by id (ids take no range filter; an offset would rescan the table per page).
    const query: Record<string, string> = { sort: 'id', limit: String(PAGE), fields: 'id', count: 'false' };
    if (after) query.cursor = encodeCursor(BY_ID, [after]);
    const page = await records.list(query);
    // Before the entity is ready the key table may hold keys for only some fields of a record
    // (a field added to the settings): then every record of the page is (re-)keyed, idempotently.
    const ids = page.map((row) => String(row.id));
    const missing = ready ? await missingKeys(store, entity, ids) : ids;
    for (let i = 0; i < missing.length; i += FETCH) {
      const chunk = missing.slice(i, i + FETCH);
      const rows = await records.list({ 'filter[id][in]': chunk.join(','), limit: String(FETCH), fields: ['id', ...fields].join(',') });
      await insertKeys(store, entity, rows.map((row) => ({ recordId: String(row.id), keys: recordKeys(fields, row) })));
      keyed += rows.length;
    }
    if (page.length < PAGE) break;
    after = ids[ids.length - 1];
  }
  if (!ready) await markReady(store, entity, fields);
  return keyed;
}
