import { defineFieldType } from './define-field-type';
import { EQUALITY_OPERATORS } from './filter-operators';

/** Many-to-one reference: the id of a record of `x-relation.entity`. */
export const relationFieldType = defineFieldType({
  name: 'relation',
  label: { en: 'Relation', zh: '关联' },
  widget: 'relation',
  filterOperators: EQUALITY_OPERATORS,
  keywords: ['x-relation', 'x-indexed'],
  requiresRelation: true,
  jsonSchema: () => ({ type: 'string', format: 'uuid' }),
  column: () => ({ kind: 'uuid' }),
});
