import { parseTextCell } from './cell-parsers';
import { defineFieldType } from './define-field-type';
import { typeKeywords } from './keyword-schema';
import { SEARCH_OPERATORS } from './filter-operators';

/**
 * HTML from a rich-text editor. It is sanitized on the way into the database by the server
 * variant in `@tessera/engine/server` (sanitize-html is too heavy, and pointless, for the
 * browser bundle); this definition is the browser-safe half.
 */
export const richtextFieldType = defineFieldType({
  name: 'richtext',
  label: { en: 'Rich text', zh: '富文本' },
  widget: 'richtext',
  // Imported as written: the server's toDb sanitizes it like any other write.
  parseCell: parseTextCell,
  ...typeKeywords(['maxLength']),
  filterOperators: SEARCH_OPERATORS,
  jsonSchema: () => ({ type: 'string', contentMediaType: 'text/html' }),
  column: () => ({ kind: 'text' }),
});
