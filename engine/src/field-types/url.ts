import { parseTextCell } from './cell-parsers';
import { defineFieldType } from './define-field-type';
import { typeKeywords } from './keyword-schema';
import { TEXT_OPERATORS } from './filter-operators';

/**
 * The link schemes a URL field stores. A URL is rendered as a link, so `javascript:` or
 * `data:` would run in the reader's session; the validator checks `x-schemes`.
 */
export const URL_SCHEMES: readonly string[] = ['http', 'https', 'mailto', 'tel'];

export const urlFieldType = defineFieldType({
  name: 'url',
  label: { en: 'URL', zh: '网址' },
  widget: 'url',
  parseCell: parseTextCell,
  filterOperators: TEXT_OPERATORS,
  ...typeKeywords(['maxLength', 'x-unique', 'x-indexed', 'x-searchable']),
  jsonSchema: () => ({ type: 'string', format: 'uri', 'x-schemes': [...URL_SCHEMES] }),
  column: () => ({ kind: 'text' }),
});
