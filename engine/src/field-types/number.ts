import { parseNumberCell } from './cell-parsers';
import { defineFieldType } from './define-field-type';
import { typeKeywords } from './keyword-schema';
import { ORDERED_OPERATORS } from './filter-operators';
import { numericFromDb, numericSchema } from './numeric-value';

const DEFAULT_PRECISION = 18;
const DEFAULT_SCALE = 0;

/** numeric(precision, scale); an integer in JSON when the scale is 0. */
export const numberFieldType = defineFieldType({
  name: 'number',
  label: { en: 'Number', zh: '数字' },
  widget: 'updown',
  parseCell: (cell, field) => parseNumberCell(cell, (field['x-scale'] ?? DEFAULT_SCALE) === 0 ? 'integer' : 'number'),
  filterOperators: ORDERED_OPERATORS,
  ...typeKeywords(['minimum', 'maximum', 'x-precision', 'x-scale', 'x-unique', 'x-indexed'], { defaults: { 'x-precision': DEFAULT_PRECISION, 'x-scale': DEFAULT_SCALE } }),
  jsonSchema: (field) => {
    const scale = field['x-scale'] ?? DEFAULT_SCALE;
    return { type: scale === 0 ? 'integer' : 'number', ...numericSchema(field['x-precision'] ?? DEFAULT_PRECISION, scale) };
  },
  column: (field) => ({
    kind: 'numeric',
    precision: field['x-precision'] ?? DEFAULT_PRECISION,
    scale: field['x-scale'] ?? DEFAULT_SCALE,
  }),
  fromDb: numericFromDb,
});
