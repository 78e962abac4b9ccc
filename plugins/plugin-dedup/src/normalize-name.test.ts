import { normalizeContact, normalizeName, toFullWidth, toHalfWidth } from './normalize-name';

describe('normalizeName', () => {
  it('case-folds, trims and strips company suffixes', () => {
    expect(normalizeName('  Acme Inc. ')).toBe('acme');
    expect(normalizeName('ACME Co., Ltd.')).toBe('acme');
    expect(normalizeName('北京星辰科技有限公司')).toBe('北京星辰科技');
    expect(normalizeName('北京星辰科技股份有限公司')).toBe('北京星辰科技');
    expect(normalizeName('Acme Holdings Co., Ltd.')).toBe('acme holdings');
  });
  it('turns full-width letters and spaces into half-width', () => {
    expect(toHalfWidth('ＡＣＭＥ\u3000１')).toBe('ACME 1');
    expect(normalizeName('ＡＣＭＥ　Ｉｎｃ．')).toBe('acme');
    expect(toFullWidth('acme')).toBe('ａｃｍｅ');
  });
  it('keeps a name that is only a suffix', () => {
    expect(normalizeName('有限公司')).toBe('有限公司');
  });
  it('compares phones and emails without formatting', () => {
    expect(normalizeContact('138-0000 1234')).toBe('13800001234');
    expect(normalizeContact(' Sales@Acme.COM')).toBe('sales@acme.com');
  });
});
