import { parseOptionsCell } from './cell-parsers';
import { defineFieldType } from './define-field-type';
import { typeKeywords } from './keyword-schema';
import { ARRAY_OPERATORS } from './filter-operators';

/**
 * Several of a fixed list of values, stored as text[] with a GIN index so "has any of" and
 * "has all of" filters (`&&`, `@>`) do not scan the table.
 */
export const multiselectFieldType = defineFieldType({
  name: 'multiselect',
  label: { en: 'Multi-select', zh: '多选' },
  widget: 'multiselect',
  parseCell: parseOptionsCell,
  ...typeKeywords(['x-options']),
  requiresOptions: true,
  indexMethod: 'gin',
  filterOperators: ARRAY_OPERATORS,
  jsonSchema: (field) => ({
    type: 'array',
    items: { type: 'string', enum: (field['x-options'] ?? []).map((option) => option.value) },
    uniqueItems: true,
  }),
  column: () => ({ kind: 'text-array' }),
});
