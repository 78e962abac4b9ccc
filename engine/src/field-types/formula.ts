import type { FieldDefinition, FormulaResultType } from '@tessera/metadata';
import { compileFormula } from './compile-formula';
import { defineFieldType } from './define-field-type';
import { typeKeywords } from './keyword-schema';
import type { ColumnType, FilterOperator, JsonSchema } from './field-type-types';
import { BOOLEAN_OPERATORS, ORDERED_OPERATORS, TEXT_OPERATORS } from './filter-operators';
import { numericFromDb } from './numeric-value';

const RESULT_SCHEMAS: Record<FormulaResultType, JsonSchema> = {
  number: { type: 'number' },
  text: { type: 'string' },
  boolean: { type: 'boolean' },
  date: { type: 'string', format: 'date' },
};

const RESULT_COLUMNS: Record<FormulaResultType, ColumnType> = {
  number: { kind: 'numeric', precision: 38, scale: 10 },
  text: { kind: 'text' },
  boolean: { kind: 'boolean' },
  date: { kind: 'date' },
};

const resultType = (field: FieldDefinition): FormulaResultType => field['x-formula-type'] ?? 'text';

/**
 * A value computed from the record's other fields by a jexl expression (`x-formula`).
 * Virtual by default (computed when read, nothing stored); `x-stored: true` keeps it in a
 * column the runtime refreshes on write, so it can be filtered and sorted in SQL.
 */
export const formulaFieldType = defineFieldType({
  name: 'formula',
  label: { en: 'Formula', zh: '公式' },
  widget: 'readonly',
  // Computed from the record's other fields, never imported.
  parseCell: null,
  ...typeKeywords(['x-formula', 'x-formula-type', 'x-stored', 'x-indexed'], { required: ['x-formula'], defaults: { 'x-formula-type': 'text' } }),
  // Every operator some result type allows; a field's own are its result type's.
  filterOperators: [...ORDERED_OPERATORS, 'contains', 'startsWith'],
  filterOperatorsFor: (field) => formulaFilterOperators(field),
  jsonSchema: (field) => ({ ...RESULT_SCHEMAS[resultType(field)], readOnly: true }),
  column: (field) => RESULT_COLUMNS[resultType(field)],
  stored: (field) => field['x-stored'] === true,
  // A stored number comes back from its numeric column as text: the API shows a number.
  fromDbFor: (field) => (resultType(field) === 'number' ? numericFromDb : undefined),
  checkField: (field, entity) => {
    if (!field['x-formula']) return ['A formula field needs "x-formula", e.g. "amount * probability / 100".'];
    const result = compileFormula(field['x-formula'], entity, resultType(field));
    return result.ok ? [] : result.errors;
  },
});

/** The filter operators of one formula field: by result type, and none when virtual. */
export function formulaFilterOperators(field: FieldDefinition): readonly FilterOperator[] {
  if (field['x-stored'] !== true) return [];
  const type = resultType(field);
  return type === 'boolean' ? BOOLEAN_OPERATORS : type === 'text' ? TEXT_OPERATORS : ORDERED_OPERATORS;
}
