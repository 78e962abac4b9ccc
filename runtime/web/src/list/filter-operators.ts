import type { FieldDefinition } from '@tessera/metadata';

export type FilterOperator = 'eq' | 'ne' | 'gt' | 'gte' | 'lt' | 'lte' | 'in' | 'nin' | 'between' | 'contains' | 'startsWith' | 'isNull';

// The API's operators per field type (docs/api.md, "Operators"); the server checks them again.
const TEXT: FilterOperator[] = ['contains', 'eq', 'ne', 'startsWith', 'in', 'nin', 'isNull'];
const ORDERED: FilterOperator[] = ['eq', 'ne', 'gt', 'gte', 'lt', 'lte', 'between', 'in', 'nin', 'isNull'];
const CHOICE: FilterOperator[] = ['eq', 'ne', 'in', 'nin', 'isNull'];
const BY_TYPE: Record<string, FilterOperator[]> = {
  text: TEXT, email: TEXT, phone: TEXT, url: TEXT, autonumber: TEXT,
  textarea: ['contains', 'isNull'], richtext: ['contains', 'isNull'],
  number: ORDERED, integer: ORDERED, decimal: ORDERED, currency: ORDERED, percent: ORDERED, date: ORDERED, datetime: ORDERED,
  select: CHOICE, relation: CHOICE, user: CHOICE,
  boolean: ['eq', 'ne', 'isNull'],
};

const FORMULA: Record<string, FilterOperator[]> = { number: ORDERED, date: ORDERED, text: TEXT, boolean: BY_TYPE.boolean };

/**
 * What a field can be filtered by. Plugin types are guessed from their constraints (a
 * `minimum` means a number, like `rating:stars`); the server has the last word either way.
 */
export function operatorsFor(field: FieldDefinition): FilterOperator[] {
  const type = field['x-type'];
  if (type === 'formula') return FORMULA[field['x-formula-type'] ?? 'text'] ?? TEXT;
  const known = BY_TYPE[type];
  if (known) return known;
  if (field.minimum !== undefined || field.maximum !== undefined) return ORDERED;
  return ['eq', 'ne', 'isNull'];
}

/** Operators whose value is a comma-separated list (`between` takes exactly two). */
export const takesList = (op: FilterOperator) => op === 'in' || op === 'nin' || op === 'between';

/** The input a value needs: a date picker for dates, a number box for numbers, a yes/no for isNull. */
export function valueInputType(field: FieldDefinition, op: FilterOperator): 'text' | 'number' | 'date' | 'datetime-local' | 'boolean' | 'select' {
  if (op === 'isNull' || field['x-type'] === 'boolean') return 'boolean';
  if (takesList(op)) return 'text';
  if (field['x-options']) return 'select';
  if (field['x-type'] === 'date') return 'date';
  if (field['x-type'] === 'datetime') return 'datetime-local';
  return operatorsFor(field) === ORDERED ? 'number' : 'text';
}
