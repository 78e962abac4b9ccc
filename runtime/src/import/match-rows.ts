import type { Knex } from 'knex';
import type { CompiledEntity } from '../meta/compile-app-state';
import { rowToRecord } from '../records/row-to-record';
import type { BatchRun, KeyMatch } from './batch-run';
import { uniqueKeys } from './import-fields';
import { importMessage, labelOf } from './import-messages';
import type { ImportMapping, RawCell } from './import-types';
import { cellText } from './parse-cell';
import type { RowInput } from './rows-to-inputs';

/** The entity's unique keys the mapping fills completely; `id` first when an ID column is mapped. */
export function matchKeys(entity: CompiledEntity, mapping: ImportMapping): string[][] {
  const mapped = new Set(Object.values(mapping).filter((f): f is string => f !== null));
  return [...(mapped.has('id') ? [['id']] : []), ...uniqueKeys(entity.entity).filter((key) => key.every((f) => mapped.has(f)))];
}

/** A row's value of one key, as a map key; undefined when a part of it is blank. */
export const keyValue = (fields: string[], input: RowInput): string | undefined => {
  const values = fields.map((f) => (f === 'id' ? input.id : input.data[f]));
  return values.some((v) => v === undefined || v === null || v === '') ? undefined : JSON.stringify([fields, values]);
};

/** Remembers the keys of a row this run creates (as `id`), so later rows repeating one match it. */
export function rememberKeys(run: BatchRun, input: RowInput, id: string): void {
  for (const key of run.keys) {
    const value = keyValue(key, input);
    if (value && key[0] !== 'id' && !run.seen.has(value)) run.seen.set(value, { id, rowNumber: input.rowNumber });
  }
}

/** A row repeating the key of a row this run created (same batch or earlier) matches that record. */
export function withEarlierRows(run: BatchRun, input: RowInput, match: KeyMatch): KeyMatch {
  if (run.mode === 'create') return match;
  const ids = new Set(match.ids);
  const keys = match.keys ? [match.keys] : [];
  for (const key of run.keys) {
    const value = keyValue(key, input);
    const earlier = value ? run.seen.get(value) : undefined;
    if (earlier && !ids.has(earlier.id)) {
      ids.add(earlier.id);
      keys.push(importMessage('duplicateInFile', run.locale, { row: earlier.rowNumber, keys: key.join(', ') }));
    }
  }
  return { ids: [...ids], keys: keys.join('; ') };
}

/**
 * For each row, the existing records its unique keys name (one query per key for the whole
 * batch). Only live records count:
 * a soft-deleted one frees its key, as the partial unique index does.
 */
export async function findMatches(trx: Knex.Transaction, run: BatchRun, inputs: RowInput[]): Promise<KeyMatch[]> {
  const { entity, locale } = run;
  const found: { ids: Set<string>; keys: string[] }[] = inputs.map(() => ({ ids: new Set(), keys: [] }));
  const describe = (key: string[], input: RowInput) =>
    key.map((f) => `${f === 'id' ? 'ID' : labelOf(entity.entity.properties[f]['x-label'], f, locale)} = ${f === 'id' ? input.id : cellText(input.data[f] as RawCell)}`).join(', ');
  for (const key of run.keys) {
    const columns = key.map((f) => (f === 'id' ? 'id' : entity.fieldsByName.get(f)!.column));
    const wanted = inputs.map((input, index) => ({ index, value: keyValue(key, input) })).filter((w) => w.value !== undefined && inputs[w.index].errors.length === 0);
    const rows: Record<string, unknown>[] = [];
    const tuples = [...new Map(wanted.map((w) => [w.value!, key.map((f) => (f === 'id' ? inputs[w.index].id : inputs[w.index].data[f]))])).values()];
    for (let i = 0; i < tuples.length; i += 1000) {
      const chunk = tuples.slice(i, i + 1000);
      const query = trx.withSchema(entity.schema).table(entity.table).select(['id', ...columns]);
      if (entity.entity['x-soft-delete']) query.whereNull('deleted_at');
      if (columns.length === 1) query.whereIn(columns[0], chunk.map((t) => t[0] as string));
      else query.whereIn(columns, chunk as never);
      rows.push(...(await query));
    }
    const byValue = new Map<string, string[]>();
    for (const row of rows) {
      const record = rowToRecord(row, entity);
      const value = JSON.stringify([key, key.map((f) => (f === 'id' ? row.id : record[f]))]);
      byValue.set(value, [...(byValue.get(value) ?? []), row.id as string]);
    }
    for (const { index, value } of wanted) {
      const ids = byValue.get(value!) ?? [];
      if (ids.length === 0) continue;
      for (const id of ids) found[index].ids.add(id);
      found[index].keys.push(describe(key, inputs[index]));
    }
  }
  return found.map((f) => ({ ids: [...f.ids], keys: f.keys.join('; ') }));
}
