import { currentState, dateTimers, fireTimer, transitionWorkflow, type CompiledWorkflow, type TransitionResult, type WorkflowTimer } from '@tessera/engine';
import type { EntityWorkflows } from '@tessera/metadata';
import type { Knex } from 'knex';
import type { AuthUser } from '../auth/auth-types';
import { HttpError, notFound, validationFailed } from '../errors/http-error';
import type { AppState, CompiledEntity } from '../meta/compile-app-state';
import type { RecordHooks } from '../plugins/record-hooks-types';
import { rowToRecord } from '../records/row-to-record';
import { setAuditContext } from '../audit/set-audit-context';
import { recordChanges } from './apply-effects';
import { stateEntry } from './state-entry';
import { commitInOneStatement, fitsOneStatement } from './commit-in-one-statement';
import { commitTransition, transitionConflict as conflict, type StartApprovalHook } from './commit-transition';

export interface TransitionRequest {
  knex: Knex;
  state: AppState;
  entity: CompiledEntity;
  /** The workflow, or the entity's workflows to pick the record's from (its record type's, ADR 0060). */
  workflow: CompiledWorkflow | EntityWorkflows<CompiledWorkflow>;
  id: string;
  /**
   * A user's event with its form data, a due state timer (only on the state entry that armed
   * it), or a timer counted from a date field (only while the record is in its state and the
   * date, as stored now, has passed: `due`).
   */
  cause:
    | { kind: 'event'; event: string; data: unknown; user: AuthUser; expectedVersion?: number }
    | { kind: 'timer'; event: string; state: string; version: number; entry?: number; delayMs: number }
    | { kind: 'date-timer'; event: string; state: string; delayMs: number; field: string; due(record: Record<string, unknown>): boolean };
  /** Arms the timers of the state entered, inside the transaction (see workflow-timers). */
  armTimers(trx: Knex.Transaction, timers: WorkflowTimer[], record: { entity: string; id: string; state: string; version: number }): Promise<void>;
  /** For transitions with `startApproval` (the approval host). */
  startApproval?: StartApprovalHook;
  /** For the audit log (user events). */
  requestId?: string;
  /** The request's plugin hooks (user events only: a timer has no user for a plugin to act as). */
  hooks?: RecordHooks;
  /** A user's event: their write scope, on the read of the record (out of scope reads as missing). */
  scope?(qb: Knex.QueryBuilder): void;
}

export interface TransitionOutcome {
  record: Record<string, unknown>;
  from: string;
  to: string;
  event: string;
}

function failure(result: Exclude<TransitionResult, { ok: true }>): HttpError {
  switch (result.code) {
    case 'unknown_event': return new HttpError(409, 'transition_not_available', result.message);
    case 'forbidden': return new HttpError(403, 'transition_forbidden', result.message);
    case 'guard_failed': return new HttpError(409, 'transition_guard_failed', result.message);
    case 'invalid_form': return validationFailed(result.errors.map(({ field, rule, message }) => ({ field, rule, message })));
  }
}

/**
 * One transition in one transaction: decide (pure engine) on the record as read, then write
 * the new state only where the record still has the version that was read (compare-and-set),
 * together with the record changes, the history row, related records, outbox rows and the
 * next timers. A racing transition finds the version gone: 409, and nothing is written.
 * Returns null for a timer that no longer applies (the record moved on).
 */
export async function performTransition(req: TransitionRequest): Promise<TransitionOutcome | null> {
  const { knex, state, entity, id, cause } = req;
  const name = entity.entity['x-name'];
  const table = (db: Knex | Knex.Transaction) => db.withSchema(entity.schema).table(entity.table);
  const row = await table(knex).where({ id }).modify((qb) => req.scope?.(qb)).first();
  if (!row) {
    if (cause.kind !== 'event') return null;
    throw notFound(`No ${name} with id "${id}"`);
  }
  const version = Number(row.version);
  const record = rowToRecord(row, entity);
  const workflow = 'forRecord' in req.workflow ? req.workflow.forRecord(record) : req.workflow;
  if (!workflow) {
    if (cause.kind !== 'event') return null;
    throw new HttpError(409, 'transition_not_available', `This ${name} follows no workflow, so "${cause.event}" is not available`);
  }
  const stateField = workflow.definition.stateField;
  const from = currentState(workflow, record[stateField]);
  const now = new Date().toISOString();
  let result: TransitionResult;
  if (cause.kind === 'timer') {
    if (from !== cause.state) return null;
    // A job armed before its delay became a date timer (a publish): the date sweep owns it now.
    if (dateTimers(workflow).some((t) => t.event === cause.event)) return null;
    // Tied to the state entry (ADR 0046): a field edit keeps the timer, a transition ends it. Jobs
    // armed before entries were counted still go by the version.
    if (cause.entry === undefined ? version !== cause.version : (await stateEntry(knex, name, id)) !== cause.entry) return null;
    result = fireTimer(workflow, from, cause.event, { record, now });
    if (!result.ok) return null; // the guard of the delayed transition says no: nothing to do
  } else if (cause.kind === 'date-timer') {
    // Read again here: the date may have moved since the sweep found the record (ADR 0050).
    if (from !== cause.state || !cause.due(record)) return null;
    result = fireTimer(workflow, from, cause.event, { record, now });
    if (!result.ok) return null;
  } else {
    if (cause.expectedVersion !== undefined && cause.expectedVersion !== version) throw conflict(`${name} "${id}" has changed since version ${cause.expectedVersion}; read it again`);
    result = transitionWorkflow(workflow, from, cause.event, cause.data, { record, user: { id: cause.user.id, roles: cause.user.roles }, now });
    if (!result.ok) throw failure(result);
  }
  const ok = result;
  const actor = cause.kind === 'event' ? cause.user.id : null;
  // History names a timer by its delay (and a date timer by its field), not by xstate's internal event name.
  const event = cause.kind === 'event' ? cause.event : cause.kind === 'timer' ? `after:${cause.delayMs}` : `after:${cause.delayMs}:${cause.field}`;
  const hooks = cause.kind === 'event' ? req.hooks : undefined;
  const changes = fitsOneStatement(ok, {}) ? await recordChanges(knex, ok.effects, entity, { id, workflow: workflow.definition, record, to: ok.to }) : undefined;
  if (changes && fitsOneStatement(ok, changes) && !hooks?.declares(entity, ['beforeTransition', 'afterTransition'])) {
    const next = await commitInOneStatement(knex, { state, entity, workflow, id, version, from, result: ok, event, actor, row, changes, requestId: req.requestId, now: new Date() });
    return { record: next, from, to: ok.to, event };
  }
  const updated = await knex.transaction(async (trx) => {
    await setAuditContext(trx, { actorId: actor ?? undefined, requestId: req.requestId });
    // beforeTransition may reject; it runs in the transaction, so a rejection writes nothing.
    await hooks?.beforeTransition({ trx, entity }, id, event, from, record);
    const next = await commitTransition(trx, { state, entity, workflow, id, version, from, result: ok, event, actor, armTimers: req.armTimers, startApproval: req.startApproval, ...(changes ? { changes } : {}) });
    hooks?.afterTransition({ trx, entity }, next, event, from, ok.to); // queued for after the commit
    return next;
  });
  return { record: updated, from, to: ok.to, event };
}
