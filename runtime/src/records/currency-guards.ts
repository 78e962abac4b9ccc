import { currencyUpdateGuards, type CurrencyGuard } from '@tessera/engine';
import { validationFailed, type HttpError } from '../errors/http-error';
import type { CompiledEntity } from '../meta/compile-app-state';
import type { NullGuard } from './one-statement-sql';
import { recordScope } from './record-scope';
import type { WriteContext } from './record-writes-types';

// A PATCH is validated alone; whether an amount keeps its currency code depends on the stored
// record too (ADR 0013). The engine phrases that as conditions on the stored row, applied in
// the UPDATE's own WHERE so checking and writing stay one statement.

export const currencyGuards = (entity: CompiledEntity, data: Record<string, unknown>): CurrencyGuard[] => currencyUpdateGuards(entity.entity, data);

const columnOf = (entity: CompiledEntity, field: string) => entity.fieldsByName.get(field)?.column ?? field;

/** The guards as conditions on the UPDATE's row: a record that breaks one is not written. */
export const nullGuards = (entity: CompiledEntity, guards: readonly CurrencyGuard[]): NullGuard[] =>
  guards.map((guard) => ({ column: columnOf(entity, guard.field), mustBeNull: guard.mustBeNull }));

/**
 * Why a guarded UPDATE touched no row, when it is the guards: 422 naming the amounts. A
 * missing or stale record is left to `missingOrStale` (undefined), so 404/412 win.
 */
export async function currencyConflict(ctx: WriteContext, id: string, guards: readonly CurrencyGuard[], expected: number | undefined): Promise<HttpError | undefined> {
  if (guards.length === 0) return undefined;
  const { trx, entity } = ctx;
  const columns = [...new Set(guards.map((g) => columnOf(entity, g.field)))];
  const row = await trx.withSchema(entity.schema).table(entity.table).where({ id }).modify(recordScope(entity)).first('version', ...columns);
  if (!row || (expected !== undefined && Number(row.version) !== expected)) return undefined;
  const broken = guards.filter((g) => (row[columnOf(entity, g.field)] === null) !== g.mustBeNull);
  if (broken.length === 0) return undefined;
  return validationFailed(broken.map(({ error: { field, rule, message } }) => ({ field, rule, message })));
}
