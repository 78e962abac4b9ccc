import { defineFieldType } from './define-field-type';

export const textareaFieldType = defineFieldType({
  name: 'textarea',
  label: { en: 'Long text', zh: '多行文本' },
  widget: 'textarea',
  keywords: ['maxLength', 'minLength'],
  jsonSchema: () => ({ type: 'string' }),
  column: () => ({ kind: 'text' }),
});
