import { notFound } from '../errors/http-error';
import { isSoftDelete, recordScope } from './record-scope';
import type { Row, WriteContext } from './record-writes-types';
import { withDbErrors } from './with-db-errors';

/** Brings a soft-deleted record back (new version). 404 when there is no deleted record with that id. */
export async function restoreRecord(ctx: WriteContext, id: string): Promise<Row> {
  const { trx, entity } = ctx;
  if (!isSoftDelete(entity)) throw notFound(`${entity.entity['x-plural']} are deleted for good; there is nothing to restore`);
  // A live record may have taken its values of a composite unique index meanwhile: 409 naming them.
  const [row] = await withDbErrors(entity, 'write', () => trx
    .withSchema(entity.schema)
    .table(entity.table)
    .where({ id })
    .modify(recordScope(entity, 'only'))
    .update({ deleted_at: null, updated_at: trx.fn.now(), version: trx.raw('?? + 1', ['version']) })
    .returning('*'));
  if (!row) throw notFound(`No deleted ${entity.entity['x-name']} with id "${id}"`);
  return row;
}
