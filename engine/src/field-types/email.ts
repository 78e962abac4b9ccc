import { defineFieldType } from './define-field-type';

export const emailFieldType = defineFieldType({
  name: 'email',
  label: { en: 'Email', zh: '邮箱' },
  widget: 'email',
  keywords: ['maxLength', 'x-unique', 'x-indexed'],
  jsonSchema: () => ({ type: 'string', format: 'email' }),
  column: () => ({ kind: 'text' }),
});
