import { defineFieldType } from './define-field-type';

export const booleanFieldType = defineFieldType({
  name: 'boolean',
  label: { en: 'Yes/No', zh: '是/否' },
  widget: 'checkbox',
  keywords: ['x-indexed'],
  jsonSchema: () => ({ type: 'boolean' }),
  column: () => ({ kind: 'boolean' }),
});
