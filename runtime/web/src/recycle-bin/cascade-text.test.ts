import { cascadeList } from './cascade-text';

const counts = [
  { entity: 'contact', label: { en: 'Contacts', zh: '联系人' }, count: 3 },
  { entity: 'opportunity', label: { en: 'Opportunities', zh: '商机' }, count: 2 },
  { entity: 'follow_up', label: { en: 'Follow-ups', zh: '跟进记录' }, count: 5 },
];

describe('cascadeList', () => {
  it('lists the counts in English, lower-cased mid-sentence, and keeps acronyms', () => {
    expect(cascadeList(counts, 'en')).toBe('3 contacts, 2 opportunities, 5 follow-ups');
    expect(cascadeList([{ entity: 'sku', label: { en: 'SKUs' }, count: 2 }], 'en')).toBe('2 SKUs');
    expect(cascadeList([{ entity: 'contact', label: { en: 'Contacts' }, one: { en: 'Contact' }, count: 1 }], 'en')).toBe('1 contact');
  });
  it('lists them in Chinese with a measure word and the enumeration comma', () => {
    expect(cascadeList(counts, 'zh')).toBe('3 个联系人、2 个商机、5 个跟进记录');
  });
  it('falls back to English where a label has no Chinese', () => {
    expect(cascadeList([{ entity: 'x', label: { en: 'Widgets' }, count: 4 }], 'zh')).toBe('4 个Widgets');
  });
});
