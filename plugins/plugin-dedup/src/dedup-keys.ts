import { normalizeContact, normalizeName } from './normalize-name';

type Row = Record<string, unknown>;

/** A field named `name` or `…_name` is a company/person name; everything else (phone, email) a contact value. */
export const isNameField = (field: string): boolean => field === 'name' || field.endsWith('_name');

/**
 * THE definition of "the same value" for duplicate detection: keys are written with it and
 * probes are looked up with it, so a stored key and a probe can only ever differ if the values do.
 */
export const normalizeField = (field: string, value: string): string => (isNameField(field) ? normalizeName(value) : normalizeContact(value));

/** One indexed key of a record: the compared field it comes from and its normalized value. */
export interface DedupKey {
  kind: string;
  key: string;
}

/** The keys `record` is found by: one per compared field holding a non-blank value. */
export function recordKeys(fields: readonly string[], record: Row): DedupKey[] {
  const keys: DedupKey[] = [];
  for (const kind of fields) {
    const raw = record[kind];
    if (typeof raw !== 'string' || raw.trim() === '') continue;
    const key = normalizeField(kind, raw);
    if (key !== '') keys.push({ kind, key });
  }
  return keys;
}
