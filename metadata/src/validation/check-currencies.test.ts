import type { AppDefinition, FieldDefinition } from '../index';
import { isIsoCurrency } from './iso-currency';
import { validateApp } from './validate-app';

const field = (id: string, type: string, extra: Record<string, unknown> = {}) => ({ 'x-id': id, 'x-type': type, 'x-label': { en: id }, ...extra }) as unknown as FieldDefinition;
const option = (value: string) => ({ value, label: { en: value } });

function app(amount: Record<string, unknown>, codeOptions = ['CNY', 'USD', 'EUR', 'HKD']): AppDefinition {
  return {
    name: 'crm',
    label: { en: 'CRM' },
    layouts: [],
    entities: [{
      type: 'object', 'x-name': 'quote', 'x-plural': 'quotes', 'x-label': { en: 'Quote' },
      properties: {
        name: field('n', 'text'),
        currency_code: field('cc', 'select', { 'x-options': codeOptions.map(option) }),
        amount: field('a', 'currency', amount),
        cost: field('c', 'currency', { 'x-currency-field': 'currency_code' }),
      },
    }],
  };
}
const codes = (a: AppDefinition) => {
  const result = validateApp(a);
  return result.ok ? [] : result.errors.map((e) => `${e.code} ${e.pointer}`);
};
const messages = (a: AppDefinition) => {
  const result = validateApp(a);
  return result.ok ? [] : result.errors.map((e) => `${e.message} ${e.hint}`);
};

describe('currencies', () => {
  it('knows ISO 4217 codes from Intl', () => {
    expect(isIsoCurrency('CNY')).toBe(true);
    expect(isIsoCurrency('HKD')).toBe(true);
    expect(isIsoCurrency('RMB')).toBe(false);
    expect(isIsoCurrency('cny')).toBe(false);
    expect(isIsoCurrency(156)).toBe(false);
  });

  it('accepts a fixed code, a shared code field, and no setting at all', () => {
    expect(codes(app({ 'x-currency': 'USD' }))).toEqual([]);
    expect(codes(app({ 'x-currency-field': 'currency_code' }))).toEqual([]);
    expect(codes(app({}))).toEqual([]);
  });

  it('refuses a fixed code that is not ISO 4217', () => {
    expect(codes(app({ 'x-currency': 'RMB' }))).toEqual(['currency-code-invalid /entities/0/properties/amount/x-currency']);
    expect(messages(app({ 'x-currency': 'RMB' }))[0]).toContain('"RMB"');
  });

  it('refuses x-currency together with x-currency-field', () => {
    expect(codes(app({ 'x-currency': 'CNY', 'x-currency-field': 'currency_code' }))).toEqual(['currency-conflict /entities/0/properties/amount']);
  });

  it('needs x-currency-field to name another select field of the entity', () => {
    expect(codes(app({ 'x-currency-field': 'nope' }))).toEqual(['currency-field-invalid /entities/0/properties/amount/x-currency-field']);
    expect(messages(app({ 'x-currency-field': 'nope' }))[0]).toContain('Select fields of entity "quote": currency_code');
    expect(codes(app({ 'x-currency-field': 'amount' }))).toEqual(['currency-field-invalid /entities/0/properties/amount/x-currency-field']);
    expect(codes(app({ 'x-currency-field': 'name' }))).toEqual(['currency-field-invalid /entities/0/properties/amount/x-currency-field']);
  });

  it('needs every option of the code field to be an ISO 4217 code', () => {
    const bad = app({ 'x-currency-field': 'currency_code' }, ['CNY', 'RMB', 'usd']);
    // Both amounts point at the field; each is reported where it names it.
    expect(codes(bad)).toEqual([
      'currency-field-invalid /entities/0/properties/amount/x-currency-field',
      'currency-field-invalid /entities/0/properties/cost/x-currency-field',
    ]);
    expect(messages(bad)[0]).toContain('"RMB", "usd"');
  });

  it('refuses a sum rollup over a multi-currency child amount', () => {
    const a = app({});
    a.entities.push({
      type: 'object', 'x-name': 'deal', 'x-plural': 'deals', 'x-label': { en: 'Deal' },
      properties: {
        quotes: field('q', 'relation', { 'x-relation': { entity: 'quote', kind: 'one-to-many', field: 'deal' } }),
        total: field('t', 'rollup', { 'x-rollup': { relation: 'quotes', fn: 'sum', field: 'cost' } }),
        total_amount: field('ta', 'rollup', { 'x-rollup': { relation: 'quotes', fn: 'sum', field: 'amount' } }),
      },
    });
    a.entities[0].properties.deal = field('d', 'relation', { 'x-relation': { entity: 'deal', kind: 'many-to-one' } });
    expect(codes(a)).toEqual(['rollup-invalid /entities/1/properties/total/x-rollup/field']);
  });
});
