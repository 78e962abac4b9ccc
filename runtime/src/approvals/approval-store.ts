import type { ApprovalResult, ApprovalState } from '@tessera/engine';
import type { ApprovalConfig } from '@tessera/metadata';
import type { Knex } from 'knex';
import { writeAudit } from '../audit/write-audit';

export interface ApprovalInstanceRow {
  id: string;
  entity: string;
  record_id: string;
  workflow: string;
  state_name: string;
  definition: ApprovalConfig;
  state: ApprovalState;
  status: string;
  submitter: string;
}

type Success = Extract<ApprovalResult, { ok: true }>;

/** The instance row, locked for the rest of the transaction: one action at a time per chain. */
export async function lockInstance(trx: Knex.Transaction, id: string): Promise<ApprovalInstanceRow | undefined> {
  return trx('tessera.approval_instances').where({ id }).forUpdate().first();
}

/** Writes the engine's new state and mirrors its task changes into the task table (the inbox). */
export async function saveApproval(trx: Knex.Transaction, instanceId: string, result: Success): Promise<void> {
  await trx('tessera.approval_instances').where({ id: instanceId }).update({ state: JSON.stringify(result.state), status: result.state.status, updated_at: trx.fn.now() });
  if (result.created.length > 0) {
    await trx('tessera.approval_tasks').insert(result.created.map((t) => ({
      instance_id: instanceId,
      task_key: t.id,
      step: t.step,
      round: t.round,
      assignee: t.assignee,
      status: t.status,
      created_at: t.createdAt,
      delegated_from: t.delegatedFrom ?? null,
    })));
  }
  for (const t of result.changed) {
    await trx('tessera.approval_tasks').where({ instance_id: instanceId, task_key: t.id }).update({ status: t.status, acted_at: t.actedAt ?? null, comment: t.comment ?? null });
  }
}

/** Every approval action is audited with the record it concerns, in the action's transaction. */
export async function auditApproval(trx: Knex.Transaction, row: Pick<ApprovalInstanceRow, 'id' | 'entity' | 'record_id'>, actor: string | null, action: string, meta: Record<string, unknown>): Promise<void> {
  await writeAudit(trx, { actorId: actor, requestId: null, action: `approval.${action}`, entity: row.entity, recordId: row.record_id, meta: { instance: row.id, ...meta } });
}
