import { pickerQuery, rankByTitle } from './picker-query';

describe('pickerQuery', () => {
  it('asks for recent records, the display field, the search and the narrowing filter', () => {
    const params = new URLSearchParams(pickerQuery('name', ' 华为 ', { 'filter[customer]': 'c1' }));
    expect(Object.fromEntries(params)).toEqual({ sort: '-updated_at', limit: '20', count: 'false', fields: 'name', q: '华为', 'filter[customer]': 'c1' });
  });
  it('pages by cursor and leaves out an empty search', () => {
    const params = new URLSearchParams(pickerQuery('id', '', {}, 'abc'));
    expect(params.get('q')).toBeNull();
    expect(params.get('fields')).toBeNull();
    expect(params.get('cursor')).toBe('abc');
  });
});

describe('rankByTitle', () => {
  it('puts titles starting with the search first, then containing it, then the rest', () => {
    const rows = [{ id: '1', name: '深圳华为' }, { id: '2', name: 'x' }, { id: '3', name: '华为云' }];
    expect(rankByTitle(rows, '华为', 'name').map((r) => r.id)).toEqual(['3', '1', '2']);
    expect(rankByTitle(rows, '', 'name').map((r) => r.id)).toEqual(['1', '2', '3']);
  });
});
