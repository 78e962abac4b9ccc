import { defineFieldType } from './define-field-type';
import { typeKeywords } from './keyword-schema';
import { TEXT_OPERATORS } from './filter-operators';
import { checkAutonumberFormat } from './format-autonumber';

export const DEFAULT_AUTONUMBER_FORMAT = '{000000}';

/**
 * A number the system gives each record (`BID-2025-0042`). Read-only and unique; the
 * runtime draws from a per-entity sequence and renders it with `formatAutonumber`.
 */
export const autonumberFieldType = defineFieldType({
  name: 'autonumber',
  label: { en: 'Auto number', zh: '自动编号' },
  widget: 'text',
  // The system numbers records: an import never carries one.
  parseCell: null,
  ...typeKeywords(['x-format', 'x-searchable'], { defaults: { 'x-format': DEFAULT_AUTONUMBER_FORMAT } }),
  unique: true,
  filterOperators: TEXT_OPERATORS,
  jsonSchema: (field) => ({ type: 'string', readOnly: true, 'x-format': field['x-format'] ?? DEFAULT_AUTONUMBER_FORMAT }),
  column: () => ({ kind: 'text' }),
  checkField: (field) => checkAutonumberFormat(field['x-format'] ?? DEFAULT_AUTONUMBER_FORMAT).map((problem) => `The format "${field['x-format']}" is not usable: ${problem}`),
});
