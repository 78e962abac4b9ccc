import type { Knex } from 'knex';
import type { AppState, CompiledEntity } from '../meta/compile-app-state';
import { recordScope } from '../records/record-scope';
import { transferChildren, type MovedChildren } from './transfer-children';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Whether `id` is the id of an active user (the only kind a record may be handed to). */
export async function isActiveUser(db: Knex | Knex.Transaction, id: unknown): Promise<boolean> {
  if (typeof id !== 'string' || !UUID.test(id)) return false;
  return Boolean(await db.withSchema('tessera').table('users').where({ id: id.toLowerCase(), is_active: true }).first('id'));
}

export interface TransferResult {
  /** The record's row as written. */
  row: Record<string, unknown>;
  moved: MovedChildren[];
}

/**
 * The one transfer, for the transfer route and the `transferRecord` workflow action: the record
 * (live, and within `restrict` — the caller's write scope, or none for a workflow) changes owner
 * and, in the same transaction, the children its relations say follow it. The caller has set
 * the audit context (action `transfer`) and checked that `to` is an active user. Undefined when
 * the record is missing or out of scope.
 */
export async function transferRecord(trx: Knex.Transaction, state: AppState, entity: CompiledEntity, id: string, to: string, restrict?: (qb: Knex.QueryBuilder) => void): Promise<TransferResult | undefined> {
  const scoped = (qb: Knex.QueryBuilder) => qb.withSchema(entity.schema).table(entity.table).where({ id }).modify(recordScope(entity)).modify((q) => void restrict?.(q));
  // The previous owner, under a row lock: their children are the ones that follow.
  const before = await scoped(trx.queryBuilder()).forUpdate().first('owner');
  if (!before) return undefined;
  const owner = to.toLowerCase();
  const [row] = await scoped(trx.queryBuilder()).update({ owner, version: trx.raw('?? + 1', ['version']), updated_at: trx.fn.now() }).returning('*');
  if (!row) return undefined;
  return { row, moved: await transferChildren(trx, state, entity, id, (before.owner as string | null) ?? null, owner) };
}

/**
 * Runs `fn` with the audit trigger naming its writes `action` (and their actor `actorId`, when
 * given: an approval's outcome runs in a transaction that did not name one), then gives the
 * transaction its previous audit settings back, so its other writes stay as they were.
 */
export async function withAuditAction<T>(trx: Knex.Transaction, action: string, actorId: string | null, fn: () => Promise<T>): Promise<T> {
  const { rows } = await trx.raw("select coalesce(current_setting('tessera.audit_action', true), '') as action, coalesce(current_setting('tessera.actor_id', true), '') as actor");
  const previous = { action: String(rows[0]?.action ?? ''), actor: String(rows[0]?.actor ?? '') };
  const set = (a: string, actor: string) => trx.raw("select set_config('tessera.audit_action', ?, true), set_config('tessera.actor_id', ?, true)", [a, actor]);
  await set(action, actorId ?? previous.actor);
  const result = await fn();
  await set(previous.action, previous.actor);
  return result;
}
