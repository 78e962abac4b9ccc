import { flatHits, isSearchShortcut, type SearchGroup } from './search-api';

const key = (k: string, mods: Partial<Record<'ctrlKey' | 'metaKey' | 'shiftKey' | 'altKey', boolean>> = {}) => ({ key: k, ctrlKey: false, metaKey: false, shiftKey: false, altKey: false, ...mods });

describe('search box helpers', () => {
  it('opens on Ctrl+K and Cmd+K only', () => {
    expect(isSearchShortcut(key('k', { ctrlKey: true }))).toBe(true);
    expect(isSearchShortcut(key('K', { metaKey: true }))).toBe(true);
    expect(isSearchShortcut(key('k'))).toBe(false);
    expect(isSearchShortcut(key('k', { ctrlKey: true, shiftKey: true }))).toBe(false);
    expect(isSearchShortcut(key('j', { ctrlKey: true }))).toBe(false);
  });

  it('walks the hits group by group', () => {
    const groups: SearchGroup[] = [
      { entity: 'customer', plural: 'customers', hits: [{ id: 'a', title: 'A', field: 'name', value: 'A', rank: 0 }, { id: 'b', title: 'B', field: 'name', value: 'B', rank: 1 }] },
      { entity: 'contact', plural: 'contacts', hits: [{ id: 'c', title: 'C', field: 'phone', value: '1', rank: 3 }] },
    ];
    expect(flatHits(groups).map(({ group, hit }) => `${group.entity}/${hit.id}`)).toEqual(['customer/a', 'customer/b', 'contact/c']);
  });
});
