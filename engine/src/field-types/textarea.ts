import { defineFieldType } from './define-field-type';
import { SEARCH_OPERATORS } from './filter-operators';

export const textareaFieldType = defineFieldType({
  name: 'textarea',
  label: { en: 'Long text', zh: '多行文本' },
  widget: 'textarea',
  filterOperators: SEARCH_OPERATORS,
  keywords: ['maxLength', 'minLength'],
  jsonSchema: () => ({ type: 'string' }),
  column: () => ({ kind: 'text' }),
});
