import type { Knex } from 'knex';
import type { AppState, CompiledEntity } from '../meta/compile-app-state';
import { rowToRecord } from '../records/row-to-record';
import { referrersOf } from './personal-fields';

/** Records per referring field in an export: a person is named by a CRM's handful, not thousands. */
export const RELATED_LIMIT = 1000;

export interface PersonData {
  entity: string;
  record: Record<string, unknown>;
  /** Records of other entities that point at the person (a follow-up with this contact). */
  related: { entity: string; field: string; records: Record<string, unknown>[] }[];
  files: { id: string; field: string; name: string; mime: string; size: number; createdAt: unknown; url: string }[];
  /** The record's change history, as the audit log keeps it (column names). */
  history: { at: unknown; action: string; actor: string | null; changes: unknown }[];
}

/** The live or soft-deleted row of the person's record, locked `forUpdate` when erasing. */
export function personRow(db: Knex | Knex.Transaction, entity: CompiledEntity, id: string) {
  return db.withSchema(entity.schema).table(entity.table).where({ id });
}

/**
 * Everything the app holds that names one person (PIPL art. 45 / GDPR art. 15): their record,
 * the records that refer to it, the files attached to it and its history. Read as the system
 * sees it, not through a scope: the administrator answers the person's request for all of it.
 */
export async function collectPersonData(db: Knex | Knex.Transaction, state: AppState, entity: CompiledEntity, id: string): Promise<PersonData | undefined> {
  const row = await personRow(db, entity, id).first();
  if (!row) return undefined;
  const related: PersonData['related'] = [];
  for (const ref of referrersOf(state, entity.entity['x-name'])) {
    const rows = await db.withSchema(ref.entity.schema).table(ref.entity.table).where(ref.column, id).orderBy('created_at').limit(RELATED_LIMIT);
    if (rows.length > 0) related.push({ entity: ref.entity.entity['x-name'], field: ref.field, records: rows.map((r: Record<string, unknown>) => rowToRecord(r, ref.entity)) });
  }
  const files = await db('tessera.files').where({ app: state.app.name, entity: entity.entity['x-name'], record_id: id }).orderBy('created_at').select('id', 'field', 'name', 'mime', 'size', 'created_at');
  const history = await db
    .from({ a: 'tessera.audit_log' })
    .leftJoin({ u: 'tessera.users' }, 'u.id', 'a.actor_id')
    .where({ 'a.entity': entity.entity['x-name'], 'a.record_id': id })
    .orderBy('a.id')
    .select('a.at', 'a.action', 'u.username', 'a.changes');
  return {
    entity: entity.entity['x-name'],
    record: rowToRecord(row, entity),
    related,
    files: files.map((f: Record<string, unknown>) => ({ id: String(f.id), field: String(f.field), name: String(f.name), mime: String(f.mime), size: Number(f.size), createdAt: f.created_at, url: `/api/files/${f.id}` })),
    history: history.map((h: Record<string, unknown>) => ({ at: h.at, action: String(h.action), actor: (h.username as string | null) ?? null, changes: h.changes })),
  };
}
