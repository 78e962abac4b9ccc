import { defineFieldType } from './define-field-type';

/** Single-line text: varchar when the author caps the length, text otherwise. */
export const textFieldType = defineFieldType({
  name: 'text',
  label: { en: 'Text', zh: '文本' },
  widget: 'text',
  keywords: ['maxLength', 'minLength', 'pattern', 'x-unique', 'x-indexed'],
  jsonSchema: () => ({ type: 'string' }),
  column: (field) => (field.maxLength ? { kind: 'varchar', length: field.maxLength } : { kind: 'text' }),
});
