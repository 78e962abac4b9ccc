import { parseTextCell } from './cell-parsers';
import { defineFieldType } from './define-field-type';
import { typeKeywords } from './keyword-schema';
import { TEXT_OPERATORS } from './filter-operators';

/** Single-line text: varchar when the author caps the length, text otherwise. */
export const textFieldType = defineFieldType({
  name: 'text',
  label: { en: 'Text', zh: '文本' },
  widget: 'text',
  parseCell: parseTextCell,
  filterOperators: TEXT_OPERATORS,
  ...typeKeywords(['maxLength', 'minLength', 'pattern', 'x-unique', 'x-indexed', 'x-searchable']),
  jsonSchema: () => ({ type: 'string' }),
  column: (field) => (field.maxLength ? { kind: 'varchar', length: field.maxLength } : { kind: 'text' }),
});
