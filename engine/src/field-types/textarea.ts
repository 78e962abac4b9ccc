import { parseTextCell } from './cell-parsers';
import { defineFieldType } from './define-field-type';
import { typeKeywords } from './keyword-schema';
import { SEARCH_OPERATORS } from './filter-operators';

export const textareaFieldType = defineFieldType({
  name: 'textarea',
  label: { en: 'Long text', zh: '多行文本' },
  widget: 'textarea',
  parseCell: parseTextCell,
  filterOperators: SEARCH_OPERATORS,
  ...typeKeywords(['maxLength', 'minLength', 'x-searchable']),
  jsonSchema: () => ({ type: 'string' }),
  column: () => ({ kind: 'text' }),
});
