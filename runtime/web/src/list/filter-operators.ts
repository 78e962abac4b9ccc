import type { FieldDefinition } from '@tessera/metadata';
import type { FilterOperator } from '@tessera/engine';
import type { FieldTypeFacts } from '../field-types/field-type-facts';

export type { FilterOperator };

/** Operators whose value is a comma-separated list (`between` takes exactly two). */
export const takesList = (op: string) => op === 'in' || op === 'nin' || op === 'between' || op === 'containsAll' || op === 'containsAny';

/**
 * What a field can be filtered by: exactly the operators the list-query parser accepts for it
 * (the engine's `fieldFilterOperators`), so the builder never offers one the API answers 400 to.
 */
export const operatorsFor = (facts: FieldTypeFacts, field: FieldDefinition): readonly FilterOperator[] => facts.operators(field);

/** The input a value needs, from the field's value kind: a date picker for dates, a number box for numbers, a yes/no for booleans and isNull. */
export function valueInputType(facts: FieldTypeFacts, field: FieldDefinition, op: FilterOperator): 'text' | 'number' | 'date' | 'datetime-local' | 'boolean' | 'select' {
  const kind = facts.kind(field);
  if (op === 'isNull' || kind === 'boolean') return 'boolean';
  if (takesList(op)) return 'text';
  if (field['x-options']) return 'select';
  if (kind === 'date') return 'date';
  if (kind === 'datetime') return 'datetime-local';
  return facts.isNumeric(field) ? 'number' : 'text';
}
