import { moveToBin, newDeletion } from '../recycle-bin/move-to-bin';
import { missingOrStale } from './missing-or-stale';
import { isSoftDelete, recordScope } from './record-scope';
import type { WriteContext } from './record-writes-types';
import { withDbErrors } from './with-db-errors';

/**
 * Deletes one live record, only while its version is still `expected` (when given). A
 * soft-delete entity keeps the row with `deleted_at` set (and a new version, so a stale
 * ETag cannot restore or edit it unseen) and files it in the recycle bin with what its cascade
 * took along (`ctx.state` given); others lose it. Throws 404, 409 (still referenced) or 412.
 */
export async function deleteRecord(ctx: WriteContext, id: string, expected?: number): Promise<void> {
  const { trx, entity } = ctx;
  await ctx.hooks?.beforeDelete(ctx, id);
  const rows = trx
    .withSchema(entity.schema)
    .table(entity.table)
    .where({ id, ...(expected === undefined ? {} : { version: expected }) })
    .modify(recordScope(entity));
  // `returning` rather than the affected-row count, which knex-pglite does not report reliably.
  const done = await withDbErrors(entity, 'delete', () =>
    isSoftDelete(entity)
      ? rows.update({ deleted_at: trx.fn.now(), updated_at: trx.fn.now(), version: trx.raw('?? + 1', ['version']) }).returning('id')
      : rows.delete().returning('id'),
  );
  if (done.length === 0) throw await missingOrStale(ctx, id, expected);
  if (isSoftDelete(entity)) await moveToBin(trx, ctx.state, entity, newDeletion(entity, id, ctx.user?.id ?? null));
  ctx.hooks?.afterDelete(ctx, id);
}
