import type { AppDefinition } from '@tessera/metadata';
import { addSection, moveFieldTo, removeSection, setSectionColumns, setSectionTab, setVisibleWhen } from './edit-layout';

const app = {
  name: 'a', label: { en: 'A' }, entities: [],
  layouts: [{ name: 'f', kind: 'form', entity: 'bid', sections: [{ id: 'main', label: { en: 'Main' }, fields: ['a', 'b', 'c'], visibleWhen: { b: 'a == 1' } }] }],
} as unknown as AppDefinition;
const sections = (x: AppDefinition) => x.layouts[0].sections;

describe('edit-layout', () => {
  it('adds a section and moves a field into it with its condition', () => {
    const added = addSection(app, 'bid', { en: 'More', zh: '更多' });
    expect(sections(added).map((s) => s.id)).toEqual(['main', 'section_2']);
    const moved = moveFieldTo(added, 'bid', 'b', 'section_2');
    expect(sections(moved)[0]).toEqual({ id: 'main', label: { en: 'Main' }, fields: ['a', 'c'] });
    expect(sections(moved)[1]).toMatchObject({ fields: ['b'], visibleWhen: { b: 'a == 1' } });
    expect(sections(moveFieldTo(moved, 'bid', 'b', 'main', 'a'))[0].fields).toEqual(['b', 'a', 'c']);
  });

  it('removes a section without losing its fields', () => {
    const two = moveFieldTo(addSection(app, 'bid', { en: 'More', zh: '' }), 'bid', 'a', 'section_2');
    expect(sections(removeSection(two, 'bid', 'section_2'))).toEqual([expect.objectContaining({ id: 'main', fields: ['b', 'c', 'a'] })]);
    expect(removeSection(app, 'bid', 'main')).toEqual(app);
  });

  it('clamps columns, sets tabs and clears conditions', () => {
    expect(sections(setSectionColumns(app, 'bid', 'main', 9))[0].columns).toBe(4);
    expect(sections(setSectionTab(app, 'bid', 'main', 'Deal terms'))[0].tab).toEqual({ id: 'deal_terms', label: { en: 'Deal terms' } });
    expect(sections(setSectionTab(setSectionTab(app, 'bid', 'main', 'X'), 'bid', 'main', ''))[0]).not.toHaveProperty('tab');
    expect(sections(setVisibleWhen(app, 'bid', 'b', ''))[0]).not.toHaveProperty('visibleWhen');
    expect(sections(setVisibleWhen(app, 'bid', 'c', 'a > 2'))[0].visibleWhen).toEqual({ b: 'a == 1', c: 'a > 2' });
  });
});
