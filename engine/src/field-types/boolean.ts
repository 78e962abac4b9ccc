import { parseBooleanCell } from './cell-parsers';
import { defineFieldType } from './define-field-type';
import { typeKeywords } from './keyword-schema';
import { BOOLEAN_OPERATORS } from './filter-operators';

export const booleanFieldType = defineFieldType({
  name: 'boolean',
  label: { en: 'Yes/No', zh: '是/否' },
  widget: 'checkbox',
  parseCell: parseBooleanCell,
  filterOperators: BOOLEAN_OPERATORS,
  ...typeKeywords(['x-indexed']),
  jsonSchema: () => ({ type: 'boolean' }),
  column: () => ({ kind: 'boolean' }),
});
