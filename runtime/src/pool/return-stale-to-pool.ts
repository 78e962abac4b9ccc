import type { Knex } from 'knex';
import { setAuditContext } from '../audit/set-audit-context';
import type { AppState } from '../meta/compile-app-state';

export interface StaleReturn {
  entity: string;
  returned: number;
}

/**
 * Puts back into the pool every owned record of every pooled entity of the published app
 * whose last follow-up (`activityField`, else `updated_at`; never followed up = since
 * creation) is older than `returnAfterDays` before `now`. One UPDATE per entity, in its own
 * transaction, audited as `return_to_pool` with no actor. `now` is a parameter so tests (and a
 * catch-up run) control the clock. Soft-deleted records stay where they are.
 */
export async function returnStaleToPool(knex: Knex, app: Pick<AppState, 'byPlural'>, now: Date): Promise<StaleReturn[]> {
  const results: StaleReturn[] = [];
  for (const entity of app.byPlural.values()) {
    const pool = entity.entity['x-pool'];
    if (!pool) continue;
    const cutoff = new Date(now.getTime() - pool.returnAfterDays * 86_400_000);
    const activity = pool.activityField ? entity.fieldsByName.get(pool.activityField)?.column : undefined;
    const last = activity ? knex.raw('coalesce(??, ??)', [activity, 'created_at']) : knex.raw('??', ['updated_at']);
    const returned = await knex.transaction(async (trx) => {
      await setAuditContext(trx, { actorId: undefined, requestId: undefined, action: 'return_to_pool' });
      const rows = await trx
        .withSchema(entity.schema)
        .table(entity.table)
        .whereNotNull('owner')
        .where(last, '<', cutoff)
        .modify((qb) => void (entity.entity['x-soft-delete'] ? qb.whereNull('deleted_at') : qb))
        .update({ owner: null, version: trx.raw('?? + 1', ['version']), updated_at: trx.fn.now() })
        .returning('id');
      return rows.length;
    });
    results.push({ entity: entity.entity['x-name'], returned });
  }
  return results;
}
