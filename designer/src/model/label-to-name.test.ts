import { checkFieldName, labelToName } from './label-to-name';

describe('labelToName', () => {
  it.each([
    ['Region code', 'region_code'],
    ['  Annual  Revenue (CNY) ', 'annual_revenue_cny'],
    ['zipCode', 'zip_code'],
    ['Café owner', 'cafe_owner'],
    ['2nd phone', 'f_2nd_phone'],
    ['地区代码', ''],
  ])('%s → %s', (label, name) => expect(labelToName(label)).toBe(name));

  it('keeps names within PostgreSQL identifier length', () => {
    expect(labelToName('word '.repeat(30)).length).toBeLessThanOrEqual(63);
  });
});

describe('checkFieldName', () => {
  it('accepts a fresh snake_case name', () => expect(checkFieldName('region_code', ['name'])).toBeNull());
  it.each([
    ['', 'empty'],
    ['Region', 'format'],
    ['region-code', 'format'],
    ['1abc', 'format'],
    ['version', 'reserved'],
    ['name', 'taken'],
    ['a'.repeat(64), 'too-long'],
  ])('%s is rejected as %s', (name, problem) => expect(checkFieldName(name, ['name'])).toBe(problem));
});
