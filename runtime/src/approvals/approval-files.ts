import type { FileSpec } from '@tessera/metadata';
import type { Knex } from 'knex';
import { validationFailed } from '../errors/http-error';

/**
 * Approval attachments are ordinary uploads (`tessera.files`) under a reserved purpose: entity
 * `$approval` (no entity can be named so), field `attachments`, and, once attached, `record_id`
 * = the approval instance. Upload: `POST /api/files?purpose=approval`.
 */
export const APPROVAL_FILES = {
  entity: '$approval',
  field: 'attachments',
  spec: {
    maxSize: 20 * 1024 * 1024,
    accept: ['application/pdf', 'image/*', 'text/plain', 'text/csv', 'application/zip', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'application/vnd.openxmlformats-officedocument.presentationml.presentation'],
  } satisfies FileSpec,
} as const;

export interface ApprovalFile {
  id: string;
  name: string;
  mime: string;
  size: number;
}

/**
 * Attaches the files an approval action names to the instance, in the action's transaction.
 * Each must be an approval upload of the actor, not attached yet; otherwise 422 on
 * `attachments` naming the ids, and the whole action rolls back.
 */
export async function attachApprovalFiles(trx: Knex.Transaction, instanceId: string, actor: string, ids: readonly string[]): Promise<void> {
  if (ids.length === 0) return;
  const wanted = [...new Set(ids.map((id) => id.toLowerCase()))];
  const attached: { id: string }[] = await trx.withSchema('tessera').table('files')
    .whereIn('id', wanted)
    .where({ entity: APPROVAL_FILES.entity, field: APPROVAL_FILES.field, created_by: actor })
    .whereNull('record_id')
    .update({ record_id: instanceId })
    .returning('id');
  if (attached.length !== wanted.length) {
    const found = new Set(attached.map((f) => f.id));
    const bad = wanted.filter((id) => !found.has(id));
    throw validationFailed([{ field: 'attachments', rule: 'file', message: `${bad.map((id) => `"${id}"`).join(', ')} is not an approval attachment you uploaded (POST /api/files?purpose=approval), or it is attached already` }]);
  }
}

/** The files attached to an instance, by id (one query; none when no upload ever happened). */
export async function approvalFiles(knex: Knex, instanceId: string): Promise<Map<string, ApprovalFile>> {
  const rows = await knex.withSchema('tessera').table('files').where({ entity: APPROVAL_FILES.entity, record_id: instanceId }).select('id', 'name', 'mime', 'size');
  return new Map(rows.map((r) => [r.id as string, { id: r.id, name: r.name, mime: r.mime, size: Number(r.size) }]));
}
