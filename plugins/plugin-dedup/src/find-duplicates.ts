import type { PluginRecordsApi } from '@tessera/engine';
import { isNameField, normalizeField } from './dedup-keys';
import { toFullWidth } from './normalize-name';

type Row = Record<string, unknown>;

export interface Duplicate {
  id: string;
  /** The fields that matched, in the order the settings list them. */
  matches: string[];
  record: Row;
}

/** How many stored records one probe reads: enough for real duplicates, bounded for a hook. */
const PROBE_LIMIT = '50';

export { isNameField, normalizeField };
const normalize = normalizeField;

/**
 * The fallback when the runtime offers no key store (dedup-store.ts), or its back-fill is not
 * done: scans, so slow on large tables (issue 20), and blind to records outside the caller's scope.
 * The stored records whose `fields` equal `data`'s after normalizing. SQL cannot compare the
 * normalized forms, so each field is probed with the list API's case-insensitive `contains` on
 * the normalized core (and its full-width spelling), and the few hits are compared here.
 * Reads go through `records`, i.e. as the acting user: a duplicate outside the user's data
 * scope is not found (by design: telling a rep that a colleague's customer exists would leak it).
 */
export async function findDuplicates(records: PluginRecordsApi<Row>, fields: readonly string[], data: Row, exceptId?: string): Promise<Duplicate[]> {
  const found = new Map<string, Duplicate>();
  for (const field of fields) {
    const raw = data[field];
    if (typeof raw !== 'string' || raw.trim() === '') continue;
    const wanted = normalize(field, raw);
    if (wanted === '') continue;
    const probes = new Set([wanted, toFullWidth(wanted), raw.trim()]);
    for (const probe of probes) {
      const rows = await records.list({ [`filter[${field}][contains]`]: probe, limit: PROBE_LIMIT });
      for (const row of rows) {
        const id = String(row.id);
        if (id === exceptId || typeof row[field] !== 'string' || normalize(field, row[field] as string) !== wanted) continue;
        const hit = found.get(id) ?? { id, matches: [], record: row };
        if (!hit.matches.includes(field)) hit.matches.push(field);
        found.set(id, hit);
      }
    }
  }
  return [...found.values()].map((d) => ({ ...d, matches: fields.filter((f) => d.matches.includes(f)) }));
}
