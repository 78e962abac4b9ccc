import { notFound } from '../errors/http-error';
import { binEntryFor, restoreDeletion } from '../recycle-bin/restore-from-bin';
import { isSoftDelete, recordScope } from './record-scope';
import type { Row, WriteContext } from './record-writes-types';
import { withDbErrors } from './with-db-errors';

/**
 * Brings a soft-deleted record back (new version), with exactly the records its deletion took
 * along (recycle bin). 404 when there is no deleted record with that id; 409 when it went with
 * a parent (restore that) or its parent is still deleted.
 */
export async function restoreRecord(ctx: WriteContext, id: string): Promise<Row> {
  const { trx, entity } = ctx;
  if (!isSoftDelete(entity)) throw notFound(`${entity.entity['x-plural']} are deleted for good; there is nothing to restore`);
  const bin = await binEntryFor(trx, ctx.state, entity, id);
  // A live record may have taken its values of a composite unique index meanwhile: 409 naming them.
  const [row] = await withDbErrors(entity, 'write', () => trx
    .withSchema(entity.schema)
    .table(entity.table)
    .where({ id })
    .modify(recordScope(entity, 'only'))
    .update({ deleted_at: null, updated_at: trx.fn.now(), version: trx.raw('?? + 1', ['version']) })
    .returning('*'));
  if (!row) throw notFound(`No deleted ${entity.entity['x-name']} with id "${id}"`);
  await restoreDeletion(trx, ctx.state, entity, row, bin);
  return row;
}
