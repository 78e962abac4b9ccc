import { parseNumberCell } from './cell-parsers';
import { defineFieldType } from './define-field-type';
import { typeKeywords } from './keyword-schema';
import { ORDERED_OPERATORS } from './filter-operators';
import { numericFromDb, numericSchema } from './numeric-value';

const DEFAULT_PRECISION = 18;
const DEFAULT_SCALE = 2;
const DEFAULT_CURRENCY = 'CNY';

/**
 * An amount in one fixed currency (`x-currency`), or in the currency each record names in a
 * sibling select (`x-currency-field`, ADR 0013): the column stays one plain numeric either way,
 * so filters, sorts, indexes and aggregates work on the amount alone. `x-precision`/`x-scale`
 * make the validator refuse more decimals than the column keeps (instead of letting PostgreSQL
 * round them) and amounts too large for it (instead of a database overflow).
 */
export const currencyFieldType = defineFieldType({
  name: 'currency',
  label: { en: 'Currency', zh: '金额' },
  widget: 'currency',
  parseCell: (cell) => parseNumberCell(cell, 'number'),
  filterOperators: ORDERED_OPERATORS,
  ...typeKeywords(['minimum', 'maximum', 'x-precision', 'x-scale', 'x-currency', 'x-currency-field', 'x-unique', 'x-indexed'], { defaults: { 'x-precision': DEFAULT_PRECISION, 'x-scale': DEFAULT_SCALE, 'x-currency': DEFAULT_CURRENCY } }),
  jsonSchema: (field) => ({
    type: 'number',
    ...numericSchema(field['x-precision'] ?? DEFAULT_PRECISION, field['x-scale'] ?? DEFAULT_SCALE),
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
