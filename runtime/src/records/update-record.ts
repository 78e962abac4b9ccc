import { runStatement } from '../db/run-statement';
import { updateOneSql } from './one-statement-sql';
import { attachFiles } from '../files/attach-files';
import { currencyConflict, currencyGuards, nullGuards } from './currency-guards';
import { assertRulesOnUpdate } from './entity-rule-checks';
import { changeWithStoredFormulas } from './stored-formulas';
import { missingOrStale } from './missing-or-stale';
import type { Row, WriteContext } from './record-writes-types';
import { attachLinks, hasLinks, rejectInverseWrites, writeLinks } from './relation-links';
import { recordToRow } from './row-to-record';
import { withDbErrors } from './with-db-errors';

/**
 * Updates one live record with validated data, only while its version is still `expected`
 * (when given); bumps the version. Throws 404 (missing or soft-deleted), 412 (stale) or 422
 * (an amount would be left without its currency code, ADR 0013).
 */
export async function updateRecord(ctx: WriteContext, id: string, input: Record<string, unknown>, expected?: number): Promise<Row> {
  const { trx, entity } = ctx;
  const given = ctx.hooks ? await ctx.hooks.beforeUpdate(ctx, id, input) : input;
  rejectInverseWrites(entity, given);
  const data = await changeWithStoredFormulas(trx, entity, id, given);
  await assertRulesOnUpdate(trx, entity, id, data, expected);
  const guards = currencyGuards(entity, data);
  const values = recordToRow(data, entity);
  // `audit` set: the one-statement path (ADR 0020), on the pool rather than a transaction.
  const [row] = await withDbErrors(entity, 'write', () => runStatement(trx, updateOneSql(entity, id, values, expected, ctx.audit, nullGuards(entity, guards))));
  if (!row) throw (await currencyConflict(ctx, id, guards, expected)) ?? (await missingOrStale(ctx, id, expected));
  await attachFiles(ctx, id, data);
  if (hasLinks(entity)) {
    await writeLinks(trx, entity, id, data);
    await attachLinks(trx, entity, [row]);
  }
  ctx.hooks?.afterUpdate(ctx, row);
  return row;
}
