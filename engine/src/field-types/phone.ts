import { parseTextCell } from './cell-parsers';
import { defineFieldType } from './define-field-type';
import { typeKeywords } from './keyword-schema';
import { TEXT_OPERATORS } from './filter-operators';

/**
 * Loose on purpose: numbers are written in many national styles (+86 138-0013-8000,
 * (010) 6552 9988). Only the characters and the digit count (5–20) are checked.
 */
export const PHONE_PATTERN = '^(?=(?:[^0-9]*[0-9]){5,20}[^0-9]*$)\\+?[0-9 ()-]+$';

export const phoneFieldType = defineFieldType({
  name: 'phone',
  label: { en: 'Phone', zh: '电话' },
  widget: 'phone',
  parseCell: parseTextCell,
  filterOperators: TEXT_OPERATORS,
  ...typeKeywords(['maxLength', 'x-unique', 'x-indexed', 'x-searchable']),
  jsonSchema: () => ({ type: 'string', maxLength: 32, pattern: PHONE_PATTERN }),
  column: () => ({ kind: 'varchar', length: 32 }),
});
