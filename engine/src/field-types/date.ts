import { parseDateCell } from './cell-parsers';
import { dateFromDb } from './date-value';
import { defineFieldType } from './define-field-type';
import { typeKeywords } from './keyword-schema';
import { ORDERED_OPERATORS } from './filter-operators';

export const dateFieldType = defineFieldType({
  name: 'date',
  label: { en: 'Date', zh: '日期' },
  widget: 'date',
  parseCell: parseDateCell,
  filterOperators: ORDERED_OPERATORS,
  ...typeKeywords(['x-unique', 'x-indexed', 'x-reminder']),
  jsonSchema: () => ({ type: 'string', format: 'date' }),
  column: () => ({ kind: 'date' }),
  fromDb: dateFromDb,
});
