import { parseDateTimeCell } from './cell-parsers';
import { dateTimeFromDb } from './date-value';
import { defineFieldType } from './define-field-type';
import { typeKeywords } from './keyword-schema';
import { ORDERED_OPERATORS } from './filter-operators';

export const datetimeFieldType = defineFieldType({
  name: 'datetime',
  label: { en: 'Date and time', zh: '日期时间' },
  widget: 'datetime',
  parseCell: (cell, _field, ctx) => parseDateTimeCell(cell, ctx.zone),
  filterOperators: ORDERED_OPERATORS,
  ...typeKeywords(['x-unique', 'x-indexed', 'x-reminder']),
  jsonSchema: () => ({ type: 'string', format: 'date-time' }),
  column: () => ({ kind: 'timestamptz' }),
  fromDb: dateTimeFromDb,
});
