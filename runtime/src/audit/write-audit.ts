import type { Knex } from 'knex';

export interface AuditEntry {
  actorId: string | null;
  requestId: string | null;
  /** `login`, `login_failed`, `publish`, `share`… (record changes come from the trigger). */
  action: string;
  entity?: string | null;
  recordId?: string | null;
  changes?: { field: string; old: unknown; new: unknown }[];
  meta?: Record<string, unknown>;
}

/** Appends one entry; pass the write's transaction so the entry commits (or not) with it. There is no update or delete. */
export async function writeAudit(db: Knex | Knex.Transaction, entry: AuditEntry): Promise<void> {
  await db.withSchema('tessera').table('audit_log').insert({
    actor_id: entry.actorId,
    request_id: entry.requestId,
    action: entry.action,
    entity: entry.entity ?? null,
    record_id: entry.recordId ?? null,
    changes: JSON.stringify(entry.changes ?? []),
    meta: JSON.stringify(entry.meta ?? {}),
  });
}
