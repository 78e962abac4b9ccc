import type { Knex } from 'knex';

export interface AuditContext {
  actorId: string | undefined;
  requestId: string | undefined;
  /** A more specific name than the trigger's create/update/delete (e.g. `transfer`). */
  action?: string;
}

/**
 * Tells the audit trigger who is writing, in this transaction only (`set_config(…, true)`
 * ends with the transaction, so a pooled connection never carries an actor to the next one).
 */
export async function setAuditContext(trx: Knex.Transaction, audit: AuditContext): Promise<void> {
  await trx.raw("select set_config('tessera.actor_id', ?, true), set_config('tessera.request_id', ?, true), set_config('tessera.audit_action', ?, true)", [
    audit.actorId ?? '',
    audit.requestId ?? '',
    audit.action ?? '',
  ]);
}
