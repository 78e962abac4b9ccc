import { parseIdCell } from './cell-parsers';
import { defineFieldType } from './define-field-type';
import { typeKeywords } from './keyword-schema';
import { EQUALITY_OPERATORS } from './filter-operators';

/**
 * A Tessera user (an owner, an approver). The users table lives in the bookkeeping schema,
 * not the app's, so there is no foreign key yet: a deleted user leaves the id in place.
 */
export const userFieldType = defineFieldType({
  name: 'user',
  label: { en: 'User', zh: '用户' },
  widget: 'user',
  // Names and usernames are looked up by the importer in one query per batch; an id reads here.
  parseCell: parseIdCell,
  ...typeKeywords(['x-indexed']),
  filterOperators: EQUALITY_OPERATORS,
  jsonSchema: () => ({ type: 'string', format: 'uuid' }),
  column: () => ({ kind: 'uuid' }),
});
