import { dateTimeFromDb } from './date-value';
import { defineFieldType } from './define-field-type';

export const datetimeFieldType = defineFieldType({
  name: 'datetime',
  label: { en: 'Date and time', zh: '日期时间' },
  widget: 'datetime',
  keywords: ['x-unique', 'x-indexed'],
  jsonSchema: () => ({ type: 'string', format: 'date-time' }),
  column: () => ({ kind: 'timestamptz' }),
  fromDb: dateTimeFromDb,
});
