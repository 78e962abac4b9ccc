import type { PluginRecordsApi } from '@tessera/engine';
import { recordKeys } from './dedup-keys';
import type { DedupStore } from './dedup-store';
import { insertKeys, isReady, markReady } from './key-table';

type Row = Record<string, unknown>;

/** The list API's largest page (QUERY_LIMITS.maxLimit). */
const PAGE = 500;

/**
 * Writes the keys of every record stored before the hooks started keeping them, paging by id
 * through the records API (as the job's user, normally an admin with scope `all`), then marks
 * the entity ready so hooks stop falling back to probes. Idempotent: a re-run adds nothing.
 * Returns how many records it read (0 when the entity was ready already).
 */
export async function backfillKeys(store: DedupStore, records: PluginRecordsApi<Row>, entity: string, fields: readonly string[]): Promise<number> {
  if (await isReady(store, entity, fields)) return 0;
  let read = 0;
  for (let after = ''; ; ) {
    const query: Record<string, string> = { sort: 'id', limit: String(PAGE), fields: ['id', ...fields].join(',') };
    if (after) query['filter[id][gt]'] = after;
    const page = await records.list(query);
    await insertKeys(store, entity, page.map((row) => ({ recordId: String(row.id), keys: recordKeys(fields, row) })));
    read += page.length;
    if (page.length < PAGE) break;
    after = String(page[page.length - 1].id);
  }
  await markReady(store, entity, fields);
  return read;
}
