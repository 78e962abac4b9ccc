import type { CompiledWorkflow, TransitionSuccess, WorkflowTimer } from '@tessera/engine';
import type { Knex } from 'knex';
import { HttpError } from '../errors/http-error';
import type { AppState, CompiledEntity } from '../meta/compile-app-state';
import { rowToRecord } from '../records/row-to-record';
import { applyOutsideEffects, recordChanges } from './apply-effects';
import { createRelatedRecords } from './create-related-records';
import { transferRelatedRecords } from './transfer-related-records';

/** Starts (or resumes) the approval of the state a transition entered; supplied by the approval host. */
export type StartApprovalHook = (trx: Knex.Transaction, info: { state: AppState; entity: CompiledEntity; workflow: CompiledWorkflow; record: Record<string, unknown>; stateName: string; actor: string }) => Promise<void>;

export interface CommitRequest {
  state: AppState;
  entity: CompiledEntity;
  workflow: CompiledWorkflow;
  id: string;
  /** The version the decision was made on: the update only applies where the record still has it. */
  version: number;
  from: string;
  result: TransitionSuccess;
  event: string;
  actor: string | null;
  armTimers(trx: Knex.Transaction, timers: WorkflowTimer[], record: { entity: string; id: string; state: string; version: number }): Promise<void>;
  startApproval?: StartApprovalHook;
  /** The record changes when the caller already worked them out. */
  changes?: Record<string, unknown>;
}

export const transitionConflict = (message: string) => new HttpError(409, 'transition_conflict', message);

/**
 * The write half of a transition, inside the caller's transaction: compare-and-set the state
 * with the record changes (and back-links to the related records created just before), the
 * history row, the transfers of other records (transfer-related-records), outbox rows, the next timers and
 * (for `startApproval`) the approval instance. Returns the record as written.
 */
export async function commitTransition(trx: Knex.Transaction, req: CommitRequest): Promise<Record<string, unknown>> {
  const { state, entity, workflow, id, version, from, result: ok, event, actor } = req;
  const name = entity.entity['x-name'];
  const stateColumn = entity.fieldsByName.get(workflow.definition.stateField)!.column;
  const recordOwn = req.changes ?? (await recordChanges(trx, ok.effects, entity, { id, workflow: workflow.definition, to: ok.to }));
  // Related records first: a back-link to one of them joins the state update below.
  const owner = async () => (recordOwn.owner as string | undefined) ?? ((await trx.withSchema(entity.schema).table(entity.table).where({ id }).first('owner'))?.owner as string | null) ?? null;
  const changes = { ...recordOwn, ...(await createRelatedRecords(trx, state, ok.effects, { entity, recordId: id, actor, owner })) };
  const [next] = await trx.withSchema(entity.schema).table(entity.table)
    .where({ id, version })
    .update({ ...changes, [stateColumn]: ok.to, version: version + 1, updated_at: trx.fn.now() })
    .returning('*');
  if (!next) throw transitionConflict(`${name} "${id}" was changed by someone else while "${event}" ran; read it again`);
  // Transfers after the state update: one may move this very record (itself or as a child), so it is read again.
  const transferred = await transferRelatedRecords(trx, state, ok.effects, actor);
  const nextRecord = rowToRecord(transferred ? await trx.withSchema(entity.schema).table(entity.table).where({ id }).first() : next, entity);
  await trx('tessera.workflow_history').insert({
    entity: name,
    record_id: id,
    workflow: workflow.definition.name,
    workflow_version: workflow.definition.version ?? 1,
    app_version: state.version,
    from_state: from,
    to_state: ok.to,
    event,
    data: JSON.stringify(ok.data),
    actor,
  });
  await applyOutsideEffects(trx, ok.effects, { entity, recordId: id, event, from, to: ok.to, actor }, nextRecord);
  if (ok.timers.length > 0) await req.armTimers(trx, ok.timers, { entity: name, id, state: ok.to, version: version + 1 });
  if (ok.effects.some((e) => e.kind === 'start-approval')) {
    if (!req.startApproval || !actor) throw new Error(`startApproval needs a user and the approval host (${name} "${id}")`);
    await req.startApproval(trx, { state, entity, workflow, record: nextRecord, stateName: ok.to, actor });
  }
  return nextRecord;
}
