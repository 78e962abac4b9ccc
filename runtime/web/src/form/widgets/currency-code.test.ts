import { currencyCodeOf, formatAmount } from './currency-code';

describe('currencyCodeOf', () => {
  it('reads the record\'s code field when the amount has one', () => {
    expect(currencyCodeOf({ 'x-currency-field': 'currency_code' }, { currency_code: 'USD' })).toBe('USD');
    expect(currencyCodeOf({ 'x-currency-field': 'currency_code' }, { currency_code: null })).toBeUndefined();
    expect(currencyCodeOf({ 'x-currency-field': 'currency_code' })).toBeUndefined();
  });

  it('falls back to the fixed code, then CNY', () => {
    expect(currencyCodeOf({ 'x-currency': 'EUR' }, { currency_code: 'USD' })).toBe('EUR');
    expect(currencyCodeOf({})).toBe('CNY');
  });
});

describe('formatAmount', () => {
  it('formats in the code\'s currency, and plainly without one', () => {
    expect(formatAmount(1234.5, 'USD', 'en-US')).toBe('$1,234.50');
    expect(formatAmount(1234.5, 'HKD', 'en-US')).toBe('HK$1,234.50');
    expect(formatAmount(1234.5, 'CNY', 'zh-CN')).toBe('¥1,234.50');
    expect(formatAmount(1234.5, undefined, 'en-US')).toBe('1,234.50');
  });
});
