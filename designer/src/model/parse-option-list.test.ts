import { parseOptionList } from './parse-option-list';

describe('parseOptionList', () => {
  it('makes one option per entry, the value a name of the label', () => {
    expect(parseOptionList('draft, In review;won\nlost')).toEqual([
      { value: 'draft', label: { en: 'draft' } },
      { value: 'in_review', label: { en: 'In review' } },
      { value: 'won', label: { en: 'won' } },
      { value: 'lost', label: { en: 'lost' } },
    ]);
  });

  it('accepts Chinese separators, drops duplicates and blanks, keeps labels already given', () => {
    const previous = [{ value: 'won', label: { en: 'Won', zh: '赢单' } }];
    expect(parseOptionList('won，lost、 , won', previous)).toEqual([previous[0], { value: 'lost', label: { en: 'lost' } }]);
    expect(parseOptionList(' , ,')).toEqual([]);
  });
});
