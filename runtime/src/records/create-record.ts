import { randomUUID } from 'node:crypto';
import type { Row, WriteContext } from './record-writes-types';
import { recordToRow } from './row-to-record';
import { withDbErrors } from './with-db-errors';

/** Inserts one validated record; the creator starts as its owner. Returns the stored row. */
export async function createRecord(ctx: WriteContext, data: Record<string, unknown>): Promise<Row> {
  const { trx, entity, user } = ctx;
  const now = trx.fn.now();
  const [row] = await withDbErrors(entity, 'write', () =>
    trx
      .withSchema(entity.schema)
      .table(entity.table)
      .insert({ ...recordToRow(data, entity), id: randomUUID(), version: 1, created_at: now, updated_at: now, created_by: user.id, owner: user.id })
      .returning('*'),
  );
  return row;
}
