import type { IndexEntry } from '@tessera/metadata';
import { indexRows, rowsToIndexes } from './indexes-editor';

describe('indexes editor rows', () => {
  it('round-trips every form of x-indexes, a conflict check (where + message) included', () => {
    const entries: IndexEntry[] = [
      ['stage', '-amount'],
      { columns: ['customer', 'email'], unique: true },
      { columns: ['customer', 'product_line'], unique: true, name: 'opportunity_filing_key', where: { field: 'stage', notIn: ['won', 'lost'] }, message: { en: 'Already filed', zh: '已有报备' } },
    ];
    expect(rowsToIndexes(indexRows(entries))).toEqual(entries);
  });

  it('drops a half-written condition and a message on a non-unique index', () => {
    const [row] = indexRows([{ columns: ['a', 'b'], unique: true }]);
    expect(rowsToIndexes([{ ...row, where: { field: 'stage', notIn: [] }, message: { en: 'x' } }])).toEqual([{ columns: ['a', 'b'], unique: true, message: { en: 'x' } }]);
    expect(rowsToIndexes([{ ...row, unique: false, name: 'n', message: { en: 'x' } }])).toEqual([{ columns: ['a', 'b'], name: 'n' }]);
  });
});
