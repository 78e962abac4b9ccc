import { defineFieldType } from './define-field-type';
import { TEXT_OPERATORS } from './filter-operators';

export const urlFieldType = defineFieldType({
  name: 'url',
  label: { en: 'URL', zh: '网址' },
  widget: 'url',
  filterOperators: TEXT_OPERATORS,
  keywords: ['maxLength', 'x-unique', 'x-indexed'],
  jsonSchema: () => ({ type: 'string', format: 'uri' }),
  column: () => ({ kind: 'text' }),
});
