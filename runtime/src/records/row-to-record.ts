import { SYSTEM_FIELDS } from '@tessera/metadata';
import type { CompiledEntity } from '../meta/compile-app-state';

/** A timestamp as the API prints it; anything else (already text, null) as it is. */
export const toIso = (value: unknown) => (value instanceof Date ? value.toISOString() : value);

/**
 * A database row as the API returns it. Every value goes through its field type's `fromDb`,
 * so numbers, dates and timestamps look the same on PGlite and on PostgreSQL.
 */
export function rowToRecord(row: Record<string, unknown>, entity: CompiledEntity): Record<string, unknown> {
  const record: Record<string, unknown> = {
    id: row.id,
    created_at: toIso(row.created_at),
    updated_at: toIso(row.updated_at),
    created_by: row.created_by ?? null,
    owner: row.owner ?? null,
    version: row.version === undefined || row.version === null ? row.version : Number(row.version),
  };
  // Only soft-delete entities have the column; a live record shows null.
  if (entity.entity['x-soft-delete']) record.deleted_at = toIso(row.deleted_at ?? null);
  for (const field of entity.fields) {
    const raw = row[field.column];
    // Links not loaded (a write that did not touch them, a narrowed select): left out, not [].
    if (field.joinTable && raw === undefined) continue;
    record[field.name] = raw === null || raw === undefined ? null : field.fromDb ? field.fromDb(raw) : toIso(raw);
  }
  // Virtual formulas are computed from the record as read (stored ones came with the row).
  for (const f of entity.formulas) if (!f.stored) record[f.name] = f.formula.evaluate(record);
  return record;
}

/** Validated client data → column values through each field type's `toDb`; only columns named by metadata ever reach SQL. */
export function recordToRow(data: Record<string, unknown>, entity: CompiledEntity): Record<string, unknown> {
  const row: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(data)) {
    if ((SYSTEM_FIELDS as readonly string[]).includes(name)) continue;
    const field = entity.fieldsByName.get(name);
    // Many-to-many values go to their join table (relation-links), never to a column.
    if (field && !field.joinTable) row[field.column] = field.toDb && value !== null && value !== undefined ? field.toDb(value) : value;
  }
  return row;
}
