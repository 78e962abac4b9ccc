import { defineFieldType } from './define-field-type';
import { ORDERED_OPERATORS } from './filter-operators';
import { numericFromDb, scaleToMultipleOf } from './numeric-value';

const DEFAULT_PRECISION = 18;
const DEFAULT_SCALE = 2;
const DEFAULT_CURRENCY = 'CNY';

/**
 * An amount in one fixed currency (`x-currency`), or in the currency each record names in a
 * sibling select (`x-currency-field`, ADR 0013): the column stays one plain numeric either way,
 * so filters, sorts, indexes and aggregates work on the amount alone. `multipleOf` rejects
 * values with more decimals than the column keeps, instead of letting PostgreSQL round them.
 */
export const currencyFieldType = defineFieldType({
  name: 'currency',
  label: { en: 'Currency', zh: '金额' },
  widget: 'currency',
  filterOperators: ORDERED_OPERATORS,
  keywords: ['minimum', 'maximum', 'x-precision', 'x-scale', 'x-currency', 'x-currency-field', 'x-unique', 'x-indexed'],
  jsonSchema: (field) => ({
    type: 'number',
    multipleOf: scaleToMultipleOf(field['x-scale'] ?? DEFAULT_SCALE),
    // Clients (forms, OpenAPI readers) learn where the code is from the annotation.
    ...(field['x-currency-field'] ? { 'x-currency-field': field['x-currency-field'] } : { 'x-currency': field['x-currency'] ?? DEFAULT_CURRENCY }),
  }),
  column: (field) => ({
    kind: 'numeric',
    precision: field['x-precision'] ?? DEFAULT_PRECISION,
    scale: field['x-scale'] ?? DEFAULT_SCALE,
  }),
  fromDb: numericFromDb,
});
