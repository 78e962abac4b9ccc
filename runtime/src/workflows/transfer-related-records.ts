import type { WorkflowEffect } from '@tessera/engine';
import type { Knex } from 'knex';
import { HttpError, validationFailed } from '../errors/http-error';
import type { AppState } from '../meta/compile-app-state';
import { entityNoun, transferProblem } from '../transfer/transfer-messages';
import { isActiveUser, transferRecord, withAuditAction } from '../transfer/transfer-record';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

type TransferEffect = Extract<WorkflowEffect, { kind: 'transfer-record' }>;

/** The field an expression names when it is just one field (`customer`), else the expression itself. */
const fieldOf = (expression: string) => expression.trim();

/**
 * Carries out a transition's transfer-record effects, in order, inside its transaction and AFTER
 * its state update (so a transfer that moves the transition's own record, or that record as a
 * child, finds the version it just wrote). Each is the transfer route's own transfer: children
 * per `onTransfer`, a `transfer` history entry on every record moved. It runs with the
 * workflow's authority, not the actor's scope: publishing the workflow decided who may move
 * what (the approvers of the state before). Any failure throws, and the transition rolls back.
 * The history names `actor` (the approver, for an approval's outcome). Returns whether any transfer ran.
 */
export async function transferRelatedRecords(trx: Knex.Transaction, state: AppState, effects: WorkflowEffect[], actor: string | null): Promise<boolean> {
  const transfers = effects.filter((e): e is TransferEffect => e.kind === 'transfer-record');
  for (const effect of transfers) {
    const target = [...state.byPlural.values()].find((e) => e.entity['x-name'] === effect.entity);
    if (!target) throw new HttpError(409, 'workflow_entity_missing', `transferRecord: there is no entity "${effect.entity}" in the published app`);
    const entity = entityNoun(target.entity['x-label'], effect.entity);
    if (effect.id === null) throw validationFailed([transferProblem(fieldOf(effect.source.record), 'required', 'recordEmpty', { entity })]);
    if (!(await isActiveUser(trx, effect.to))) {
      throw validationFailed([transferProblem(fieldOf(effect.source.to), 'invalid-value', effect.to === null ? 'receiverEmpty' : 'receiverNotActive')]);
    }
    const id = effect.id;
    const done = UUID.test(id) ? await withAuditAction(trx, 'transfer', actor, () => transferRecord(trx, state, target, id.toLowerCase(), effect.to as string)) : undefined;
    if (!done) throw validationFailed([transferProblem(fieldOf(effect.source.record), 'relation', 'recordGone', { entity })]);
  }
  return transfers.length > 0;
}
