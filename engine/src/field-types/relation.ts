import { defineFieldType } from './define-field-type';

/** Many-to-one reference: the id of a record of `x-relation.entity`. */
export const relationFieldType = defineFieldType({
  name: 'relation',
  label: { en: 'Relation', zh: '关联' },
  widget: 'relation',
  keywords: ['x-relation', 'x-indexed'],
  requiresRelation: true,
  jsonSchema: () => ({ type: 'string', format: 'uuid' }),
  column: () => ({ kind: 'uuid' }),
});
