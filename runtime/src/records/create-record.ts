import { randomUUID } from 'node:crypto';
import { runStatement } from '../db/run-statement';
import { insertOneSql } from './one-statement-sql';
import { attachFiles } from '../files/attach-files';
import { assertRules } from './entity-rule-checks';
import { withStoredFormulas } from './stored-formulas';
import { autonumberFields, drawAutonumbers } from './draw-autonumbers';

const hasAutonumbers = (entity: Parameters<typeof autonumberFields>[0]) => autonumberFields(entity).length > 0;
import type { Row, WriteContext } from './record-writes-types';
import { attachLinks, hasLinks, rejectInverseWrites, writeLinks } from './relation-links';
import { recordToRow } from './row-to-record';
import { withDbErrors } from './with-db-errors';
import { withCreatedTimers } from '../workflows/arm-on-create';

/** Inserts one validated record; the creator starts as its owner. Returns the stored row. `presetId`: the id a batch hook already saw. */
export async function createRecord(ctx: WriteContext, input: Record<string, unknown>, presetId?: string): Promise<Row> {
  const { trx, entity, user } = ctx;
  // The id comes first, so before-hooks can key their own rows to it in this transaction.
  const id = presetId ?? randomUUID();
  // Plugin before-hooks may reject or change the data (re-validated) inside this transaction.
  const given = ctx.hooks ? await ctx.hooks.beforeCreate(ctx, input, id) : input;
  rejectInverseWrites(entity, given);
  // Numbers the system gives (autonumber fields are read-only to every writer).
  const data = withStoredFormulas(entity, hasAutonumbers(entity) ? { ...given, ...(await drawAutonumbers(trx, entity)) } : given);
  assertRules(entity, data);
  // On the pool for the one-statement path (ADR 0020, `audit` set), else on the transaction.
  const insert = insertOneSql(entity, recordToRow(data, entity), { id, userId: user.id, audit: ctx.audit });
  // A record born in a workflow state with timers asks for them in the same statement.
  const statement = entity.initialTimers ? withCreatedTimers(insert, entity.entity['x-name']) : insert;
  const [row] = await withDbErrors(entity, 'write', () => runStatement(trx, statement));
  await attachFiles(ctx, row.id as string, data);
  if (hasLinks(entity)) {
    await writeLinks(trx, entity, row.id as string, data);
    await attachLinks(trx, entity, [row]);
  }
  ctx.hooks?.afterCreate(ctx, row);
  return row;
}
