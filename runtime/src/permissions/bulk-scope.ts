import type { Knex } from 'knex';
import type { CompiledEntity } from '../meta/compile-app-state';
import type { RecordAccess } from './record-access';

/**
 * The ids among `ids` that the caller may NOT write: one query for the whole batch, the write
 * scope in its WHERE, locking the rows it finds so no owner changes before the writes run.
 * An id that does not exist is reported like one out of scope (404 either way, as for a
 * single write: existence is not revealed). Free for scope `all`.
 */
export async function idsOutOfScope(trx: Knex.Transaction, entity: CompiledEntity, ra: RecordAccess, ids: readonly string[]): Promise<Set<string>> {
  if (ra.access.scope === 'all' || ids.length === 0) return new Set();
  const unique = [...new Set(ids)];
  const found: { id: string }[] = await trx
    .withSchema(entity.schema)
    .table(entity.table)
    .whereIn('id', unique)
    .modify((qb) => ra.restrict(qb, entity.table, 'write'))
    .forUpdate()
    .select('id');
  const inScope = new Set(found.map((r) => r.id));
  return new Set(unique.filter((id) => !inScope.has(id)));
}
