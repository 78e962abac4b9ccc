import { checkAutonumberFormat, formatAutonumber } from './format-autonumber';

describe('formatAutonumber', () => {
  const date = new Date(Date.UTC(2025, 0, 31, 20, 0));

  it('fills the date parts and pads the sequence to the width of its zeros', () => {
    expect(formatAutonumber('BID-{YYYY}-{0000}', 42, date)).toBe('BID-2025-0042');
    expect(formatAutonumber('{YY}{MM}{DD}-{000}', 7, date)).toBe('250131-007');
    expect(formatAutonumber('{0}', 7, date)).toBe('7');
  });

  it('prints a sequence wider than its zeros in full', () => {
    expect(formatAutonumber('Q-{00}', 12345, date)).toBe('Q-12345');
  });

  it('takes the date in the given time zone', () => {
    // 20:00 UTC on 31 January is already 1 February in Shanghai.
    expect(formatAutonumber('{YYYY}{MM}{DD}-{0}', 1, date, 'Asia/Shanghai')).toBe('20250201-1');
  });

  it('refuses a sequence below 1 and unknown parts', () => {
    expect(() => formatAutonumber('{0000}', 0, date)).toThrow('starts at 1');
    expect(() => formatAutonumber('{HH}-{0000}', 1, date)).toThrow('Unknown autonumber part "{HH}"');
  });
});

describe('checkAutonumberFormat', () => {
  it('accepts a format with one sequence part', () => {
    expect(checkAutonumberFormat('BID-{YYYY}-{0000}')).toEqual([]);
  });

  it('names unknown parts, stray braces and a missing or doubled sequence', () => {
    expect(checkAutonumberFormat('{HH}-{0000}')).toEqual([expect.stringContaining('"{HH}" is not a known part')]);
    expect(checkAutonumberFormat('BID-{YYYY}')).toEqual(['It needs exactly one sequence part such as {0000}; it has 0.']);
    expect(checkAutonumberFormat('{00}-{00}')).toEqual(['It needs exactly one sequence part such as {0000}; it has 2.']);
    expect(checkAutonumberFormat('A}{0000}')).toEqual(['It has an unmatched "{" or "}".']);
  });
});
