import type { Knex } from 'knex';
import type { CompiledEntity } from '../meta/compile-app-state';
import { recordScope } from './record-scope';
import { rowToRecord } from './row-to-record';

const storedOf = (entity: CompiledEntity) => entity.formulas.filter((f) => f.stored);

/** A new record with its stored formulas computed from what it will hold. */
/** Whether an update must read the record first (so it needs a transaction). */
export const hasStoredFormulas = (entity: CompiledEntity) => storedOf(entity).length > 0;

export function withStoredFormulas(entity: CompiledEntity, data: Record<string, unknown>): Record<string, unknown> {
  const stored = storedOf(entity);
  if (stored.length === 0) return data;
  const out = { ...data };
  for (const f of stored) out[f.name] = f.formula.evaluate(data);
  return out;
}

/**
 * An update with the stored formulas whose inputs it changes recomputed over the record as it
 * will be: one read of the stored row, only for entities with such formulas and only when the
 * change touches their inputs.
 */
export async function changeWithStoredFormulas(db: Knex | Knex.Transaction, entity: CompiledEntity, id: string, change: Record<string, unknown>): Promise<Record<string, unknown>> {
  const touched = storedOf(entity).filter((f) => f.formula.fields.some((name) => Object.hasOwn(change, name)));
  if (touched.length === 0) return change;
  // Locked: no other write can change an input between this read and the update (the caller is in a transaction).
  const row = await db.withSchema(entity.schema).table(entity.table).where({ id }).modify(recordScope(entity)).forUpdate().first();
  if (!row) return change; // the update itself answers 404
  const next = { ...rowToRecord(row, entity), ...change };
  const out = { ...change };
  for (const f of touched) out[f.name] = f.formula.evaluate(next);
  return out;
}
