import type { Knex } from 'knex';
import { approvalRecordViews, type ApprovalRecordView } from '../approvals/approval-record-view';
import type { AppState } from '../meta/compile-app-state';

/** What an approval was about, as it stood: when submitted, then again when finally approved. */
export interface ApprovalSnapshot extends ApprovalRecordView {
  at: string;
  /** `submitted` while the chain runs (or ended otherwise), `approved` once it is. */
  kind: 'submitted' | 'approved';
}

/** Applied by the internal migrations (db/internal-migrations.ts): the snapshot column of approval chains. */
export const APPROVAL_SNAPSHOT_DDL: readonly string[] = ['alter table tessera.approval_instances add column if not exists snapshot jsonb'];

/**
 * Keeps on the chain the record's title and summary fields (relations as their targets' titles)
 * as they are now, in the chain's transaction: with the state's lock this is what the approvers
 * decided on, even if an excepted role changes the record later.
 */
export async function snapshotApproval(trx: Knex.Transaction, state: AppState, instance: { id: string; entity: string; record_id: string; definition: { summary?: string[] } }, kind: ApprovalSnapshot['kind'], now = new Date()): Promise<void> {
  const views = await approvalRecordViews(trx, state, [{ entity: instance.entity, recordId: instance.record_id, summary: instance.definition.summary }]);
  const view = views.get(`${instance.entity}:${instance.record_id}`);
  if (!view) return;
  const snapshot: ApprovalSnapshot = { ...view, at: now.toISOString(), kind };
  await trx('tessera.approval_instances').where({ id: instance.id }).update({ snapshot: JSON.stringify(snapshot) });
}
