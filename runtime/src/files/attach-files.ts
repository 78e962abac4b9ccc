import type { Knex } from 'knex';
import { validationFailed } from '../errors/http-error';
import type { WriteContext } from '../records/record-writes-types';

/** Names of the entity's file fields present in `data`; most writes have none (no query then). */
const fileFieldsIn = (ctx: WriteContext, data: Record<string, unknown>) =>
  Object.keys(data).filter((name) => ctx.entity.entity.properties[name]?.['x-type'] === 'file');

/** Whether a write names any file field (attaching files takes statements of its own). */
export const hasFileFields = (entity: WriteContext['entity'], data: Record<string, unknown>) =>
  Object.keys(data).some((name) => entity.entity.properties[name]?.['x-type'] === 'file');

/**
 * Attaches the file ids a write names to record `recordId`, in the write's transaction. Each
 * id must be an upload of this user for this entity and field, not attached to another record
 * (422 naming the field otherwise, and the transaction rolls back). Files the field no longer
 * names are detached, so they fall back to their uploader.
 */
export async function attachFiles(ctx: WriteContext, recordId: string, data: Record<string, unknown>): Promise<void> {
  const fields = fileFieldsIn(ctx, data);
  if (fields.length === 0) return;
  for (const field of fields) {
    const value = data[field];
    const ids = (value === null ? [] : Array.isArray(value) ? value : [value]).map((id) => String(id).toLowerCase());
    const base = (trx: Knex.Transaction) => trx.withSchema('tessera').table('files').where({ entity: ctx.entity.entity['x-name'], field });
    await base(ctx.trx).where({ record_id: recordId }).whereNotIn('id', ids).update({ record_id: null });
    if (ids.length === 0) continue;
    const usable: { id: string }[] = await base(ctx.trx)
      .whereIn('id', ids)
      .where({ created_by: ctx.user.id })
      .where((qb) => void qb.whereNull('record_id').orWhere({ record_id: recordId }))
      .forUpdate()
      .select('id');
    if (usable.length !== ids.length) {
      const found = new Set(usable.map((f) => f.id));
      const bad = ids.filter((id) => !found.has(id));
      throw validationFailed([{ field, rule: 'file', message: `${bad.map((id) => `"${id}"`).join(', ')} is not a file you uploaded for this field, or it is attached to another record` }]);
    }
    await base(ctx.trx).whereIn('id', ids).update({ record_id: recordId });
  }
}
