import { parseNumberCell } from './cell-parsers';
import type { FieldDefinition } from '@tessera/metadata';
import { defineFieldType } from './define-field-type';
import { typeKeywords } from './keyword-schema';
import { ORDERED_OPERATORS } from './filter-operators';
import { numericFromDb, numericSchema } from './numeric-value';

const DEFAULT_SCALE = 2;
const scaleOf = (field: FieldDefinition) => field['x-scale'] ?? DEFAULT_SCALE;
// Three integer digits hold 100; the scale follows the author.
const precisionOf = (field: FieldDefinition) => 3 + scaleOf(field);

/**
 * A percentage as the user reads it: 12.5 means 12.5 %, not 0.125, so forms, filters and
 * exports show the same number. 0–100 by default; authors may narrow the range.
 */
export const percentFieldType = defineFieldType({
  name: 'percent',
  label: { en: 'Percent', zh: '百分比' },
  widget: 'percent',
  parseCell: (cell) => parseNumberCell(cell, 'number', true),
  ...typeKeywords(['minimum', 'maximum', 'x-scale', 'x-indexed'], { defaults: { minimum: 0, maximum: 100, 'x-scale': DEFAULT_SCALE } }),
  filterOperators: ORDERED_OPERATORS,
  jsonSchema: (field) => ({ type: 'number', minimum: 0, maximum: 100, ...numericSchema(precisionOf(field), scaleOf(field)) }),
  column: (field) => ({ kind: 'numeric', precision: precisionOf(field), scale: scaleOf(field) }),
  fromDb: numericFromDb,
});
