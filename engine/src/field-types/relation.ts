import { parseIdCell, parseIdsCell } from './cell-parsers';
import type { FieldDefinition } from '@tessera/metadata';
import { defineFieldType } from './define-field-type';
import { typeKeywords } from './keyword-schema';
import { EQUALITY_OPERATORS } from './filter-operators';

const uuid = { type: 'string', format: 'uuid' } as const;
const kindOf = (field: FieldDefinition) => field['x-relation']?.kind ?? 'many-to-one';

/**
 * A reference to records of `x-relation.entity`. many-to-one: the target's id in a column.
 * one-to-many: the inverse of a child's many-to-one, no column; read through `expand`.
 * many-to-many: an array of ids kept in a join table (`joinTableName`), no column either.
 */
export const relationFieldType = defineFieldType({
  name: 'relation',
  label: { en: 'Relation', zh: '关联' },
  widget: 'relation',
  // Titles are looked up by the importer in one query per batch; ids read here.
  parseCell: (cell, field) => (kindOf(field) === 'many-to-one' ? parseIdCell(cell) : parseIdsCell(cell)),
  // Only many-to-one is a column; the other kinds are not stored, so nothing filters on them.
  filterOperators: EQUALITY_OPERATORS,
  ...typeKeywords(['x-relation', 'x-indexed']),
  requiresRelation: true,
  jsonSchema: (field) => {
    const kind = kindOf(field);
    if (kind === 'many-to-many') return { type: 'array', items: uuid, uniqueItems: true };
    if (kind === 'one-to-many') return { type: 'array', items: uuid, readOnly: true };
    return { ...uuid };
  },
  column: () => ({ kind: 'uuid' }),
  stored: (field) => kindOf(field) === 'many-to-one',
});
