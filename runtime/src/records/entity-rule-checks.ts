import { entityRules, type FieldError } from '@tessera/engine';
import { recordTypeRules } from '@tessera/metadata';
import type { Knex } from 'knex';
import { HttpError } from '../errors/http-error';
import type { CompiledEntity } from '../meta/compile-app-state';
import { recordScope } from './record-scope';
import { recordTypeChangeErrors, recordTypeErrors } from './record-type-checks';
import { rowToRecord } from './row-to-record';

/** Whether writes of the entity must see the whole record (it has x-rules or record types). */
export const hasRules = (entity: CompiledEntity) => entityRules(entity.entity).any || entity.entity['x-record-types'] !== undefined;

const decisive = new WeakMap<CompiledEntity, ReadonlySet<string>>();

/**
 * The fields whose change can change a verdict on the whole record: those a rule reads, and
 * those record types decide (the type field, fields of some types only, fields a type requires).
 */
function decisiveFields(entity: CompiledEntity): ReadonlySet<string> {
  let fields = decisive.get(entity);
  if (!fields) {
    const types = recordTypeRules(entity.entity);
    fields = new Set([
      ...entityRules(entity.entity).fields,
      ...(types ? [types.field, ...types.typeOnly, ...Object.values(types.definition.types).flatMap((t) => t.required ?? [])] : []),
    ]);
    decisive.set(entity, fields);
  }
  return fields;
}

/**
 * Whether an update of `changed` must check the merged record: a stored record passed these
 * checks when it was written, so a change of none of the decisive fields cannot fail them and
 * takes the one-statement path.
 */
export const updateNeedsRules = (entity: CompiledEntity, changed: readonly string[]) => hasRules(entity) && changed.some((f) => decisiveFields(entity).has(f));

const rulesFailed = (errors: (FieldError & { messages?: Record<string, string> })[]) =>
  new HttpError(422, 'validation_failed', errors.map((e) => (e.field ? `${e.field}: ${e.message}` : e.message)).join('; '), errors.map(({ field, rule, message, messages }) => ({ field, rule, message, ...(messages ? { messages } : {}) })));

/**
 * The entity's cross-field rules and its record types (fields of other types left empty, the
 * type's required fields filled) on the record as it will be stored: 422 naming every problem.
 * With the `stored` record (an update), also a type change into another workflow.
 */
export function assertRules(entity: CompiledEntity, record: Record<string, unknown>, stored?: Record<string, unknown>): void {
  const rules = entityRules(entity.entity);
  const errors = [...(stored ? recordTypeChangeErrors(entity.entity, stored, record) : []), ...recordTypeErrors(entity.entity, record), ...(rules.any ? rules.check(record) : [])];
  if (errors.length > 0) throw rulesFailed(errors);
}

/**
 * An update's rules see the stored record merged with the change, read `for update` in the
 * write's transaction so no other write slips in between the check and the update. A record
 * that is missing or not at `expected` is left to the update, which reports 404 or 412.
 */
export async function assertRulesOnUpdate(trx: Knex, entity: CompiledEntity, id: string, change: Record<string, unknown>, expected?: number): Promise<void> {
  if (!updateNeedsRules(entity, Object.keys(change))) return;
  const row = await trx.withSchema(entity.schema).table(entity.table).where({ id }).modify(recordScope(entity)).forUpdate().first();
  if (!row || (expected !== undefined && Number(row.version) !== expected)) return;
  const stored = rowToRecord(row, entity);
  assertRules(entity, { ...stored, ...change }, stored);
}
