import { parseJsonCell } from './cell-parsers';
import { defineFieldType } from './define-field-type';
import { typeKeywords } from './keyword-schema';

/** Free-form JSON for integrations; stored as jsonb. Not filterable until a path syntax exists. */
export const jsonFieldType = defineFieldType({
  name: 'json',
  label: { en: 'JSON', zh: 'JSON' },
  widget: 'json',
  parseCell: parseJsonCell,
  ...typeKeywords([]),
  filterOperators: ['isNull'],
  // Any JSON value: an empty schema (a type union would trip ajv's strictTypes).
  jsonSchema: () => ({}),
  column: () => ({ kind: 'jsonb' }),
});
