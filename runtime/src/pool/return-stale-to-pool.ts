import type { Knex } from 'knex';
import { setAuditContext } from '../audit/set-audit-context';
import type { AppState, CompiledEntity } from '../meta/compile-app-state';

export interface StaleReturn {
  entity: string;
  returned: number;
}

const entityNamed = (app: Pick<AppState, 'byPlural'>, name: string) => [...app.byPlural.values()].find((e) => e.entity['x-name'] === name);

/**
 * The "still stale" condition of one pooled entity at `cutoff`, on its table's rows:
 * - `activity` (child records, e.g. follow-ups): created before the cutoff, no child dated on or
 *   after it, and not claimed on or after it (a fresh claim is activity too). Two NOT EXISTS
 *   probes per candidate, on the child's link index and the claims' record index.
 * - else `activityField` (a date on the record, else creation), or `updated_at` without either.
 */
function staleWhere(knex: Knex, app: Pick<AppState, 'byPlural'>, entity: CompiledEntity, cutoff: Date): (qb: Knex.QueryBuilder) => void {
  const pool = entity.entity['x-pool']!;
  const self = `${entity.schema}.${entity.table}`;
  const activity = pool.activity;
  const child = activity && entityNamed(app, activity.entity);
  if (activity && child) {
    const via = child.fieldsByName.get(activity.via)?.column ?? activity.via;
    const date = child.fieldsByName.get(activity.date)?.column ?? activity.date;
    return (qb) => {
      qb.where(`${self}.created_at`, '<', cutoff);
      qb.whereNotExists((sub) => {
        sub.select(knex.raw('1')).from(`${child.schema}.${child.table} as a`).whereRaw('?? = ??', [`a.${via}`, `${self}.id`]).where(`a.${date}`, '>=', cutoff);
        if (child.entity['x-soft-delete']) sub.whereNull('a.deleted_at');
      });
      qb.whereNotExists((sub) => void sub.select(knex.raw('1')).from('tessera.pool_claims as p').where('p.entity', entity.entity['x-name']).whereRaw('?? = ??', ['p.record_id', `${self}.id`]).where('p.claimed_at', '>=', cutoff));
    };
  }
  const column = pool.activityField ? entity.fieldsByName.get(pool.activityField)?.column : undefined;
  const last = column ? knex.raw('coalesce(??, ??)', [column, 'created_at']) : knex.raw('??', ['updated_at']);
  return (qb) => void qb.where(last, '<', cutoff);
}

/**
 * Puts back into the pool every owned record of every pooled entity of the published app that
 * has had no activity for `returnAfterDays` before `now` (see staleWhere). One UPDATE per entity,
 * in its own transaction, audited as `return_to_pool` with no actor. `now` is a parameter so
 * tests (and a catch-up run) control the clock. Soft-deleted records stay where they are.
 */
export async function returnStaleToPool(knex: Knex, app: Pick<AppState, 'byPlural'>, now: Date): Promise<StaleReturn[]> {
  const results: StaleReturn[] = [];
  for (const entity of app.byPlural.values()) {
    const pool = entity.entity['x-pool'];
    if (!pool) continue;
    const cutoff = new Date(now.getTime() - pool.returnAfterDays * 86_400_000);
    const returned = await knex.transaction(async (trx) => {
      await setAuditContext(trx, { actorId: undefined, requestId: undefined, action: 'return_to_pool' });
      const rows = await trx
        .withSchema(entity.schema)
        .table(entity.table)
        .whereNotNull('owner')
        .modify(staleWhere(trx, app, entity, cutoff))
        .modify((qb) => void (entity.entity['x-soft-delete'] ? qb.whereNull('deleted_at') : qb))
        .update({ owner: null, version: trx.raw('?? + 1', ['version']), updated_at: trx.fn.now() })
        .returning('id');
      return rows.length;
    });
    results.push({ entity: entity.entity['x-name'], returned });
  }
  return results;
}
