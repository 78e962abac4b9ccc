import { IN_APP_CHANNEL, applyApprovalAction, currentState, fireSystemEvent, resumeApproval, startApproval as startChain, type ApprovalAction, type ApprovalResult, type CompiledWorkflow } from '@tessera/engine';
import type { ApprovalConfig, EntityWorkflows } from '@tessera/metadata';
import type { Knex } from 'knex';
import { HttpError, validationFailed } from '../errors/http-error';
import type { AppState, CompiledEntity } from '../meta/compile-app-state';
import { snapshotApproval } from '../locks/approval-snapshot';
import { rowToRecord } from '../records/row-to-record';
import { commitTransition, type CommitRequest, type StartApprovalHook } from '../workflows/commit-transition';
import { attachApprovalFiles } from './approval-files';
import { auditApproval, lockInstance, saveApproval, type ApprovalInstanceRow } from './approval-store';
import { notifySubmitter } from './notify-submitter';
import { delegationsFor, resolveApprovers } from './resolve-approvers';

export const TIMEOUT_QUEUE = 'tessera-approval-timeout';

export interface ApprovalTimeoutJob {
  instance: string;
  step: string;
  round: number;
}

export interface ApprovalHostDeps {
  getState(): AppState;
  workflowsOf(state: AppState, entity: CompiledEntity): EntityWorkflows<CompiledWorkflow> | undefined;
  armTimers: CommitRequest['armTimers'];
  /** Enqueues a job inside the transaction (the workflow host's pg-boss queue). */
  sendJob(trx: Knex.Transaction, queue: string, data: object, startAfterMs: number, singletonKey: string): Promise<void>;
  /** Channels a decision reaches the submitter on (in-app when absent). */
  submitterChannels?(db: Knex): Promise<string[]>;
}

type Success = Extract<ApprovalResult, { ok: true }>;

function failure(r: Extract<ApprovalResult, { ok: false }>): HttpError {
  switch (r.code) {
    case 'not_pending': return new HttpError(409, 'approval_closed', r.message);
    case 'not_assignee':
    case 'not_submitter': return new HttpError(403, 'approval_forbidden', r.message);
    case 'no_approvers': return new HttpError(409, 'approval_no_approvers', r.message);
    case 'stale': return new HttpError(409, 'approval_stale', r.message);
    case 'invalid': return validationFailed([{ field: '', rule: 'invalid', message: r.message }]);
  }
}

/**
 * The runtime half of approvals: starts chains inside transitions, applies users' actions and
 * timeouts under a row lock, mirrors tasks, arms step timeouts, audits, and fires the
 * workflow's outcome event on the record in the same transaction when a chain ends.
 */
export function createApprovalHost(deps: ApprovalHostDeps) {
  const entityNamed = (state: AppState, name: string) => [...state.byPlural.values()].find((e) => e.entity['x-name'] === name);

  async function afterResult(trx: Knex.Transaction, row: Pick<ApprovalInstanceRow, 'id' | 'entity' | 'record_id' | 'workflow' | 'state_name' | 'definition'>, result: Success, actor: string | null): Promise<void> {
    await saveApproval(trx, row.id, result);
    // What was approved stays on the chain (locks/approval-snapshot), before the outcome moves the record on.
    if (result.outcome === 'approved') await snapshotApproval(trx, deps.getState(), row, 'approved');
    if (result.activated?.timeoutMs) {
      const job: ApprovalTimeoutJob = { instance: row.id, step: result.activated.step, round: result.activated.round };
      await deps.sendJob(trx, TIMEOUT_QUEUE, job, result.activated.timeoutMs, `${row.id}:${job.round}`);
    }
    if (result.outcome) await fireOutcome(trx, row, result.outcome, actor);
  }

  /** The chain ended: its event moves the record on, as part of the same transaction. */
  async function fireOutcome(trx: Knex.Transaction, row: Pick<ApprovalInstanceRow, 'entity' | 'record_id' | 'workflow' | 'state_name' | 'definition'>, outcome: NonNullable<Success['outcome']>, actor: string | null): Promise<void> {
    const def = row.definition;
    const event = outcome === 'approved' ? def.onApproved : outcome === 'returned' ? def.onReturned ?? def.onRejected : outcome === 'withdrawn' ? def.onWithdrawn ?? def.onRejected : def.onRejected;
    const state = deps.getState();
    const entity = entityNamed(state, row.entity);
    // The chain names its workflow: a record type may run one of several (ADR 0060).
    const workflow = entity && deps.workflowsOf(state, entity)?.named(row.workflow);
    if (!entity || !workflow) return; // the entity or its workflow was unpublished: the chain still records its outcome
    const found = await trx.withSchema(entity.schema).table(entity.table).where({ id: row.record_id }).forUpdate().first();
    if (!found) return;
    const record = rowToRecord(found, entity);
    const from = currentState(workflow, record[workflow.definition.stateField]);
    if (from !== row.state_name) return; // the record left the approval's state by other means
    const result = fireSystemEvent(workflow, from, event, { record, user: actor ? { id: actor, roles: [] } : null, now: new Date().toISOString() });
    if (!result.ok) throw new HttpError(409, 'transition_guard_failed', `The approval ${outcome}, but "${event}" cannot move the record: ${result.message}`);
    await commitTransition(trx, { state, entity, workflow, id: row.record_id, version: Number(found.version), from, result, event, actor, armTimers: deps.armTimers, startApproval });
  }

  const startApproval: StartApprovalHook = async (trx, info) => {
    const def = info.workflow.definition.machine.states[info.stateName]?.approval as ApprovalConfig | undefined;
    if (!def) throw new Error(`The state "${info.stateName}" has no approval`);
    const name = info.entity.entity['x-name'];
    const now = new Date().toISOString();
    const returned = await trx('tessera.approval_instances').where({ entity: name, record_id: info.record.id as string, workflow: info.workflow.definition.name, status: 'returned' }).orderBy('created_at', 'desc').forUpdate().first() as ApprovalInstanceRow | undefined;
    if (returned) {
      const step = returned.state.steps.find((s) => s.id === returned.state.returnedFrom);
      const result = resumeApproval(returned.state, info.actor, { now, delegations: await delegationsFor(trx, step?.approvers ?? [], now) });
      if (!result.ok) throw failure(result);
      await auditApproval(trx, returned, info.actor, 'resubmit', { step: step?.id });
      await snapshotApproval(trx, info.state, returned, 'submitted');
      return afterResult(trx, returned, result, info.actor);
    }
    const approvers: Record<string, string[]> = {};
    for (const step of def.steps) approvers[step.id] = await resolveApprovers(trx, step.approvers, { record: info.record, submitter: info.actor });
    const result = startChain(def, { record: info.record, submitter: info.actor, approvers }, { now, delegations: await delegationsFor(trx, Object.values(approvers).flat(), now) });
    if (!result.ok) throw failure(result);
    const [row] = await trx('tessera.approval_instances').insert({
      entity: name,
      record_id: info.record.id,
      workflow: info.workflow.definition.name,
      workflow_version: info.workflow.definition.version ?? 1,
      app_version: info.state.version,
      state_name: info.stateName,
      definition: JSON.stringify(def),
      state: JSON.stringify(result.state),
      status: result.state.status,
      submitter: info.actor,
    }).returning('*');
    await auditApproval(trx, row, info.actor, 'submit', { steps: result.state.steps.map((s) => s.id) });
    await snapshotApproval(trx, info.state, { ...row, definition: def }, 'submitted');
    await afterResult(trx, { ...row, definition: def }, result, info.actor);
  };

  /** A user's action on a chain, in its own transaction under the instance's row lock. */
  async function act(knex: Knex, instanceId: string, action: Exclude<ApprovalAction, { type: 'escalate' }>): Promise<ApprovalInstanceRow> {
    return knex.transaction(async (trx) => {
      const row = await lockInstance(trx, instanceId);
      if (!row) throw new HttpError(404, 'not_found', `No approval with id "${instanceId}"`);
      const now = new Date().toISOString();
      const users = action.type === 'delegate' ? [action.to] : action.type === 'add-signer' ? action.users : row.state.steps.flatMap((s) => s.approvers);
      const result = applyApprovalAction(row.state, action, { now, delegations: await delegationsFor(trx, users, now) });
      if (!result.ok) throw failure(result);
      // Only an action that may happen attaches files: a refused one leaves them with the uploader.
      await attachApprovalFiles(trx, row.id, action.actor, action.attachments ?? []);
      const { type, actor, ...said } = action;
      await auditApproval(trx, row, actor, type, { step: row.state.steps[row.state.current]?.id, ...said, ...(result.outcome ? { outcome: result.outcome } : {}) });
      await afterResult(trx, row, result, actor);
      await notifySubmitter(trx, deps.getState(), row, action, result, (await deps.submitterChannels?.(trx)) ?? [IN_APP_CHANNEL]);
      return { ...row, state: result.state, status: result.state.status };
    });
  }

  /** A step's timeout came due: escalate if the step is still waiting in that round; otherwise nothing. */
  async function escalate(knex: Knex, job: ApprovalTimeoutJob): Promise<void> {
    await knex.transaction(async (trx) => {
      const row = await lockInstance(trx, job.instance);
      if (!row || row.status !== 'pending') return;
      const step = row.state.steps.find((s) => s.id === job.step);
      if (!step?.timeout) return;
      const record = await recordOf(trx, row);
      const to = await resolveApprovers(trx, step.timeout.escalateTo, { record, submitter: row.submitter });
      const now = new Date().toISOString();
      const result = applyApprovalAction(row.state, { type: 'escalate', step: job.step, round: job.round, to }, { now, delegations: await delegationsFor(trx, to, now) });
      if (!result.ok) return; // stale (decided meanwhile) or nobody to escalate to: the step keeps its approvers
      await auditApproval(trx, row, null, 'escalate', { step: job.step, to });
      await afterResult(trx, row, result, null);
    });
  }

  async function recordOf(trx: Knex.Transaction, row: ApprovalInstanceRow): Promise<Record<string, unknown>> {
    const entity = entityNamed(deps.getState(), row.entity);
    const found = entity && await trx.withSchema(entity.schema).table(entity.table).where({ id: row.record_id }).first();
    return entity && found ? rowToRecord(found, entity) : {};
  }

  return { startApproval, act, escalate };
}

export type ApprovalHost = ReturnType<typeof createApprovalHost>;
