import { defineFieldType, parseTextCell } from '@tessera/engine';

/** The shape of a code (2, 4 or 6 digits) without the division data: what the browser checks. */
export const REGION_CODE_SHAPE = '^[0-9]{2}(?:[0-9]{2}){0,2}$';

/**
 * `region:cn`: the code of a Chinese province, city or district (GB/T 2260, 2–6 digits) in a
 * varchar(12), with the code pattern given. The server passes the exact trie of known codes
 * (region-field-type.ts); the browser passes REGION_CODE_SHAPE, so the ~200 KB of division
 * data never ships to it and an unknown code is still refused by the server (422 at the field).
 */
export function regionFieldTypeWith(pattern: () => string) {
  return defineFieldType({
    name: 'region:cn',
    label: { en: 'China region', zh: '省市区' },
    widget: 'region:cn',
    // A code as written (Excel's number 110105 reads as the text); the validator checks it exists.
    parseCell: parseTextCell,
    keywords: ['x-indexed'],
    jsonSchema: () => ({ type: 'string', maxLength: 12, pattern: pattern() }),
    column: () => ({ kind: 'varchar', length: 12 }),
    filterOperators: ['eq', 'ne', 'in', 'startsWith', 'isNull'],
  });
}
