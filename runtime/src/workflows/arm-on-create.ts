import { currentState, isDateTimer, stateTimers, type CompiledWorkflow, type WorkflowTimer } from '@tessera/engine';
import type { EntityDefinition, EntityWorkflows, WorkflowDefinition } from '@tessera/metadata';
import type { Knex } from 'knex';
import type { CompiledEntity } from '../meta/compile-app-state';
import { isSoftDelete } from '../records/record-scope';
import { rowToRecord } from '../records/row-to-record';
import { stateEntry } from './state-entry';

/** The outbox kind a create writes when the record starts in a state with timers. */
export const CREATED_TIMERS_KIND = 'workflow-timers';

/** Whether a new record of `entity` may start in a workflow state with `after` timers (date timers are swept, not armed). */
export function hasInitialTimers(entity: EntityDefinition, workflows: readonly WorkflowDefinition[] = []): boolean {
  return workflows.filter((w) => w.entity === entity['x-name']).some((workflow) => {
    const after = workflow.machine.states[workflow.machine.initial]?.after;
    return after !== undefined && Object.values(after).some((t) => !isDateTimer(t));
  });
}

/**
 * A record's create as one statement that also writes the outbox row asking for its initial
 * state's timers (`insert … returning *` wrapped in a CTE, `$n` placeholders kept). Every
 * create path goes through createRecord, so this one place arms the timers of API, bulk,
 * import, plugin, public-form and workflow-made records, committed exactly with the record.
 */
export function withCreatedTimers(statement: Knex.SqlNative, entityName: string): Knex.SqlNative {
  const bindings = [...statement.bindings, entityName];
  return {
    sql: `with ins as (${statement.sql}), ob as (
      insert into tessera.outbox (kind, payload)
      select '${CREATED_TIMERS_KIND}', jsonb_build_object('entity', $${bindings.length}::text, 'id', ins.id) from ins
    ) select * from ins`,
    bindings: bindings as Knex.Value[],
  };
}

export type ArmTimers = (trx: Knex.Transaction, timers: WorkflowTimer[], record: { entity: string; id: string; state: string; version: number; elapsedMs?: number }) => Promise<void>;

/**
 * Turns a create's outbox row into timer jobs (run by the outbox dispatch): the timers of the
 * state the record is in, counted from its creation. A record that already moved (a history
 * row exists) had its timers armed by that transition; a deleted one needs none.
 */
export async function armCreatedTimers(
  trx: Knex.Transaction,
  payload: { entity?: unknown; id?: unknown },
  deps: { find(entity: string): { entity: CompiledEntity; workflows: EntityWorkflows<CompiledWorkflow> } | undefined; armTimers: ArmTimers },
): Promise<void> {
  if (typeof payload.entity !== 'string' || typeof payload.id !== 'string') return;
  const found = deps.find(payload.entity);
  if (!found) return; // the workflow was removed
  const { entity, workflows } = found;
  const row = await trx.withSchema(entity.schema).table(entity.table).where({ id: payload.id })
    .modify((qb) => { if (isSoftDelete(entity)) qb.whereNull('deleted_at'); })
    .first(trx.raw('*'), { elapsed: trx.raw('extract(epoch from (now() - created_at)) * 1000') });
  if (!row || (await stateEntry(trx, payload.entity, payload.id)) > 0) return;
  const record = rowToRecord(row, entity);
  const workflow = workflows.forRecord(record);
  if (!workflow) return; // its record type runs no workflow
  const state = currentState(workflow, record[workflow.definition.stateField]);
  const timers = stateTimers(workflow, state);
  if (timers.length > 0) await deps.armTimers(trx, timers, { entity: payload.entity, id: payload.id, state, version: Number(row.version), elapsedMs: Math.max(0, Number(row.elapsed)) });
}
