import type { EntityDefinition } from '@tessera/metadata';

/** One field and its value, as a row of the setFields and createRecord editors. */
export interface FieldRow<V = unknown> {
  field: string;
  value: V;
}

export const rowsOf = <V>(o: Record<string, V> | undefined): FieldRow<V>[] => Object.entries(o ?? {}).map(([field, value]) => ({ field, value }));
export const objectOf = <V>(rows: readonly FieldRow<V>[]): Record<string, V> => Object.fromEntries(rows.map((r) => [r.field, r.value]));

// Values the system gives (a formula, a number series, a rollup) cannot be written by an action.
const GIVEN = new Set(['formula', 'rollup', 'autonumber']);

/** The fields of `entity` an action may write a value into, not counting those already in `rows`. */
export function writableFields(entity: EntityDefinition | undefined, rows: readonly FieldRow[]): string[] {
  const used = new Set(rows.map((r) => r.field));
  return Object.entries(entity?.properties ?? {})
    .filter(([name, def]) => !used.has(name) && !GIVEN.has(def['x-type']) && !def['x-readonly'] && !(def['x-type'] === 'relation' && def['x-relation']?.kind !== undefined && def['x-relation'].kind !== 'many-to-one'))
    .map(([name]) => name);
}

/** What a newly added row starts with: unticked, none chosen, or empty text. */
export function emptyValue(entity: EntityDefinition | undefined, field: string): unknown {
  const type = entity?.properties[field]?.['x-type'];
  return type === 'boolean' ? false : type === 'multiselect' ? [] : '';
}
