import type { Knex } from 'knex';
import { notFound } from '../errors/http-error';
import type { AppState, CompiledEntity } from '../meta/compile-app-state';
import { withDbErrors } from '../records/with-db-errors';
import { keepsDeleted } from './cascade-edges';

const DAY_MS = 86_400_000;
/** Deletions purged per run at most: a long outage is caught up over a few nights, not in one long transaction. */
const MAX_PER_RUN = 5_000;

const entityNamed = (state: AppState, name: string) => [...state.byPlural.values()].find((e) => e.entity['x-name'] === name);

/**
 * Removes one deleted record for good, with what its deletion took along: the row goes, and
 * the database's foreign keys remove (cascade) or clear (set-null) what points at it, as for a
 * hard delete. 404 when the record is not in the bin; 409 when something live still needs it.
 */
export async function purgeOne(trx: Knex.Transaction, entity: CompiledEntity, id: string): Promise<void> {
  const gone = await withDbErrors(entity, 'delete', () => trx.withSchema(entity.schema).table(entity.table).where({ id }).whereNotNull('deleted_at').delete().returning('id'));
  if (gone.length === 0) throw notFound(`No deleted ${entity.entity['x-name']} with id "${id}"`);
  const bin = await trx('tessera.recycle_bin').where({ entity: entity.entity['x-name'], record_id: id }).first('deletion_id');
  if (bin) await trx('tessera.recycle_bin').where({ deletion_id: bin.deletion_id }).delete();
}

export interface PurgeSummary {
  purged: number;
  /** Still referenced by a live record (a restrict foreign key): kept, tried again next run. */
  kept: number;
}

/**
 * The recycle bin's expiry: every deletion older than `days` is purged, each in its own
 * savepoint so one that is still referenced does not keep the others; then bin rows whose
 * records went with a purged parent (deleted on their own before it) are dropped.
 */
export async function purgeExpired(knex: Knex, state: AppState, days: number, now: Date): Promise<PurgeSummary> {
  const cutoff = new Date(now.getTime() - days * DAY_MS);
  const due = (await knex('tessera.recycle_bin').where('root', true).where('deleted_at', '<', cutoff).orderBy('deleted_at').limit(MAX_PER_RUN).select('entity', 'record_id')) as { entity: string; record_id: string }[];
  const summary: PurgeSummary = { purged: 0, kept: 0 };
  await knex.transaction(async (trx) => {
    for (const row of due) {
      const entity = entityNamed(state, row.entity);
      if (!entity || !keepsDeleted(entity)) continue;
      try {
        await trx.transaction((sp) => purgeOne(sp, entity, row.record_id));
        summary.purged += 1;
      } catch {
        summary.kept += 1;
      }
    }
    for (const entity of state.byPlural.values()) {
      if (!keepsDeleted(entity)) continue;
      await trx.raw('delete from tessera.recycle_bin b where b.entity = ? and not exists (select 1 from ??.?? t where t.id = b.record_id)', [entity.entity['x-name'], entity.schema, entity.table]);
    }
  });
  return summary;
}
