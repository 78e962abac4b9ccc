import { defineFieldType } from './define-field-type';
import { BOOLEAN_OPERATORS } from './filter-operators';

export const booleanFieldType = defineFieldType({
  name: 'boolean',
  label: { en: 'Yes/No', zh: '是/否' },
  widget: 'checkbox',
  filterOperators: BOOLEAN_OPERATORS,
  keywords: ['x-indexed'],
  jsonSchema: () => ({ type: 'boolean' }),
  column: () => ({ kind: 'boolean' }),
});
