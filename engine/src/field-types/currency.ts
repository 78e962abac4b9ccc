import { defineFieldType } from './define-field-type';
import { ORDERED_OPERATORS } from './filter-operators';
import { numericFromDb, scaleToMultipleOf } from './numeric-value';

const DEFAULT_PRECISION = 18;
const DEFAULT_SCALE = 2;
const DEFAULT_CURRENCY = 'CNY';

/**
 * An amount in one currency. `multipleOf` rejects values with more decimals than the column
 * keeps, instead of letting PostgreSQL round them silently.
 */
export const currencyFieldType = defineFieldType({
  name: 'currency',
  label: { en: 'Currency', zh: '金额' },
  widget: 'currency',
  filterOperators: ORDERED_OPERATORS,
  keywords: ['minimum', 'maximum', 'x-precision', 'x-scale', 'x-currency', 'x-unique', 'x-indexed'],
  jsonSchema: (field) => ({
    type: 'number',
    multipleOf: scaleToMultipleOf(field['x-scale'] ?? DEFAULT_SCALE),
    'x-currency': field['x-currency'] ?? DEFAULT_CURRENCY,
  }),
  column: (field) => ({
    kind: 'numeric',
    precision: field['x-precision'] ?? DEFAULT_PRECISION,
    scale: field['x-scale'] ?? DEFAULT_SCALE,
  }),
  fromDb: numericFromDb,
});
