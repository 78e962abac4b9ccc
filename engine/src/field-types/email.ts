import { parseTextCell } from './cell-parsers';
import { defineFieldType } from './define-field-type';
import { typeKeywords } from './keyword-schema';
import { TEXT_OPERATORS } from './filter-operators';

export const emailFieldType = defineFieldType({
  name: 'email',
  label: { en: 'Email', zh: '邮箱' },
  widget: 'email',
  parseCell: parseTextCell,
  filterOperators: TEXT_OPERATORS,
  ...typeKeywords(['maxLength', 'x-unique', 'x-indexed', 'x-searchable']),
  jsonSchema: () => ({ type: 'string', format: 'email' }),
  column: () => ({ kind: 'text' }),
});
