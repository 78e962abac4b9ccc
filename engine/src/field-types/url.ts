import { defineFieldType } from './define-field-type';

export const urlFieldType = defineFieldType({
  name: 'url',
  label: { en: 'URL', zh: '网址' },
  widget: 'url',
  keywords: ['maxLength', 'x-unique', 'x-indexed'],
  jsonSchema: () => ({ type: 'string', format: 'uri' }),
  column: () => ({ kind: 'text' }),
});
