import { randomUUID } from 'node:crypto';
import { auditContextValue } from '../audit/set-audit-context';
import { compiled, runStatement } from '../db/run-statement';
import { attachFiles } from '../files/attach-files';
import { assertRules } from './entity-rule-checks';
import type { Row, WriteContext } from './record-writes-types';
import { attachLinks, hasLinks, rejectInverseWrites, writeLinks } from './relation-links';
import { recordToRow } from './row-to-record';
import { withDbErrors } from './with-db-errors';

/** Inserts one validated record; the creator starts as its owner. Returns the stored row. */
export async function createRecord(ctx: WriteContext, input: Record<string, unknown>): Promise<Row> {
  const { trx, entity, user } = ctx;
  // Plugin before-hooks may reject or change the data (re-validated) inside this transaction.
  const data = ctx.hooks ? await ctx.hooks.beforeCreate(ctx, input) : input;
  rejectInverseWrites(entity, data);
  assertRules(entity, data);
  const now = trx.fn.now();
  const insert = trx
    .withSchema(entity.schema)
    .table(entity.table)
    .insert({ ...recordToRow(data, entity), id: randomUUID(), version: ctx.audit ? auditContextValue(trx, ctx.audit) : 1, created_at: now, updated_at: now, created_by: user.id, owner: user.id })
    .returning('*');
  // `audit` set: the one-statement path (ADR 0020), on the pool rather than a transaction.
  const [row] = await withDbErrors(entity, 'write', () => (ctx.audit ? runStatement(trx, compiled(insert)) : insert));
  await attachFiles(ctx, row.id as string, data);
  if (hasLinks(entity)) {
    await writeLinks(trx, entity, row.id as string, data);
    await attachLinks(trx, entity, [row]);
  }
  ctx.hooks?.afterCreate(ctx, row);
  return row;
}
