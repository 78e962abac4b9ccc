import { localize } from './localize';

describe('localize', () => {
  const label = { en: 'Customer', zh: '客户', 'zh-Hant': '客戶', ja: '顧客' };

  it('picks the exact tag', () => {
    expect(localize(label, 'zh-Hant')).toBe('客戶');
    expect(localize(label, 'ja')).toBe('顧客');
    expect(localize(label, 'zh')).toBe('客户');
  });

  it('falls back by dropping subtags: zh-Hant-HK → zh-Hant, zh-Hans → zh', () => {
    expect(localize(label, 'zh-Hant-HK')).toBe('客戶');
    expect(localize(label, 'zh-Hans')).toBe('客户');
    expect(localize({ en: 'Customer', zh: '客户' }, 'zh-Hant')).toBe('客户');
  });

  it('falls back to English for a language the label lacks, and for an empty text', () => {
    expect(localize(label, 'fr')).toBe('Customer');
    expect(localize({ en: 'Customer', ja: '' }, 'ja')).toBe('Customer');
  });

  it('matches tags case-insensitively', () => {
    expect(localize(label, 'ZH-hant')).toBe('客戶');
  });
});
