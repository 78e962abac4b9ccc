import type { FieldDefinition } from '@tessera/metadata';
import { defineFieldType } from './define-field-type';
import { typeKeywords } from './keyword-schema';
import { ORDERED_OPERATORS } from './filter-operators';
import { numericFromDb } from './numeric-value';

const fnOf = (field: FieldDefinition) => field['x-rollup']?.fn ?? 'count';
// count and sum of no children are 0, not unknown; min/max of nothing is null.
const startsAtZero = (field: FieldDefinition) => fnOf(field) === 'count' || fnOf(field) === 'sum';

/**
 * count/sum/avg/min/max of a field of other records (`x-rollup`): those a one-to-many field
 * lists, or those of an entity that match this record (and fall in its year/month). Stored in
 * a column that triggers keep right (planned with the migration: `entityRollups`,
 * `planRollups`), so it is correct whoever writes the records, in bulk or in SQL.
 * `computed`: never part of a client body (422 read-only). avg/min/max of nothing is null.
 */
export const rollupFieldType = defineFieldType({
  name: 'rollup',
  label: { en: 'Rollup', zh: '汇总' },
  widget: 'readonly',
  // Maintained by the database, never imported.
  parseCell: null,
  ...typeKeywords(['x-rollup', 'x-indexed'], { required: ['x-rollup'] }),
  filterOperators: ORDERED_OPERATORS,
  computed: true,
  jsonSchema: (field) => ({ type: fnOf(field) === 'count' ? 'integer' : 'number', readOnly: true }),
  // The child's own precision is not known here (a type sees one field), so sums get room to grow.
  column: (field) => (fnOf(field) === 'count' ? { kind: 'integer' } : { kind: 'numeric', precision: 38, scale: 10 }),
  columnDefault: (field) => (startsAtZero(field) ? { kind: 'value', value: 0 } : undefined),
  fromDb: numericFromDb,
});
