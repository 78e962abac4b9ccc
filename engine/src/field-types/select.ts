import { parseOptionText, cellText } from './cell-parsers';
import { defineFieldType } from './define-field-type';
import { typeKeywords } from './keyword-schema';
import { EQUALITY_OPERATORS } from './filter-operators';

/** One of a fixed list of values; labels live in `x-options` and never reach the database. */
export const selectFieldType = defineFieldType({
  name: 'select',
  label: { en: 'Select', zh: '单选' },
  widget: 'select',
  parseCell: (cell, field) => parseOptionText(cellText(cell), field),
  filterOperators: EQUALITY_OPERATORS,
  ...typeKeywords(['x-options', 'x-indexed']),
  requiresOptions: true,
  jsonSchema: (field) => ({ type: 'string', enum: (field['x-options'] ?? []).map((option) => option.value) }),
  column: () => ({ kind: 'text' }),
});
