import type { Knex } from 'knex';
import { notFound } from '../errors/http-error';
import type { CompiledEntity } from '../meta/compile-app-state';
import type { RecordAccess, ScopeMode } from './record-access';

/**
 * Before a write by id: the record must be in the caller's scope, else 404 — the same answer
 * as for an id that does not exist, so ids of other people's records reveal nothing (IDOR).
 * Runs in the write's transaction and locks the row, so the owner cannot change between this
 * check and the write. Free for scope `all` (no query).
 */
export async function assertInScope(trx: Knex.Transaction, entity: CompiledEntity, ra: RecordAccess, id: string, mode: ScopeMode = 'write'): Promise<void> {
  if (ra.access.scope === 'all') return;
  const found = await trx.withSchema(entity.schema).table(entity.table).where({ id }).modify((qb) => ra.restrict(qb, entity.table, mode)).forUpdate().first('id');
  if (!found) throw notFound(`No ${entity.entity['x-name']} with id "${id}"`);
}
