import type { EntityDefinition } from '@tessera/metadata';
import { createFieldTypeRegistry } from '../field-types/field-type-registry';
import { currencyPairs, currencyUpdateGuards } from './currency-rules';
import { entityToValidator } from './entity-to-validator';

const codes = ['CNY', 'USD', 'EUR', 'HKD'].map((value) => ({ value, label: { en: value } }));
const quote = (codeDefault?: string): EntityDefinition => ({
  type: 'object',
  'x-name': 'quote',
  'x-plural': 'quotes',
  'x-label': { en: 'Quote' },
  properties: {
    currency_code: { 'x-id': 'cc', 'x-type': 'select', 'x-label': { en: 'Currency' }, 'x-options': codes, ...(codeDefault ? { default: codeDefault } : {}) },
    amount: { 'x-id': 'a', 'x-type': 'currency', 'x-label': { en: 'Amount' }, 'x-currency-field': 'currency_code' },
    cost: { 'x-id': 'c', 'x-type': 'currency', 'x-label': { en: 'Cost' }, 'x-currency-field': 'currency_code' },
    fee: { 'x-id': 'f', 'x-type': 'currency', 'x-label': { en: 'Fee' }, 'x-currency': 'USD' },
  },
});

const registry = createFieldTypeRegistry();
const required = (field: string) => ({ field, rule: 'currency-required', message: `${field === 'amount' ? 'Amount' : 'Cost'} needs a currency: set Currency ("currency_code")`, params: { currencyField: 'currency_code' } });

describe('currency rules', () => {
  it('finds the multi-currency amounts and their code field', () => {
    expect(currencyPairs(quote())).toEqual([{ amount: 'amount', code: 'currency_code' }, { amount: 'cost', code: 'currency_code' }]);
    const { currency_code: _hidden, ...visible } = quote().properties;
    expect(currencyPairs({ ...quote(), properties: visible })).toEqual([]);
  });

  it('on create, an amount needs a code, named at the amount', () => {
    const validate = entityToValidator(quote(), registry);
    expect(validate({ amount: 10, currency_code: 'USD' }, 'create').ok).toBe(true);
    expect(validate({ fee: 10 }, 'create').ok).toBe(true);
    expect(validate({ amount: null }, 'create').ok).toBe(true);
    expect(validate({ amount: 10 }, 'create')).toEqual({ ok: false, errors: [required('amount')] });
    expect(validate({ amount: 10, cost: 2, currency_code: null }, 'create')).toEqual({ ok: false, errors: [required('amount'), required('cost')] });
  });

  it('counts a default code as given', () => {
    expect(entityToValidator(quote('CNY'), registry)({ amount: 10 }, 'create')).toEqual({ ok: true, value: { amount: 10, currency_code: 'CNY' } });
  });

  it('reports an unknown code as the select rule, not as a missing currency', () => {
    const result = entityToValidator(quote(), registry)({ amount: 10, currency_code: 'RMB' }, 'create');
    expect(result.ok ? [] : result.errors.map((e) => `${e.field} ${e.rule}`)).toEqual(['currency_code enum']);
  });

  it('on update, a partial body passes unless it sets the amount and clears the code', () => {
    const validate = entityToValidator(quote(), registry);
    expect(validate({ amount: 20 }, 'update')).toEqual({ ok: true, value: { amount: 20 } });
    expect(validate({ currency_code: 'EUR' }, 'update').ok).toBe(true);
    expect(validate({ amount: null, currency_code: null }, 'update').ok).toBe(true);
    expect(validate({ amount: 20, currency_code: null }, 'update')).toEqual({ ok: false, errors: [required('amount')] });
  });

  it('turns a partial update into conditions on the stored record', () => {
    const at = (field: string, mustBeNull: boolean) => ({ field, mustBeNull, error: required(field === 'currency_code' ? 'amount' : field) });
    expect(currencyUpdateGuards(quote(), { amount: 5 })).toEqual([at('currency_code', false)]);
    expect(currencyUpdateGuards(quote(), { currency_code: null })).toEqual([at('amount', true), { field: 'cost', mustBeNull: true, error: required('cost') }]);
    // Nothing to ask of the stored record when the body decides (or does not touch) the pair.
    expect(currencyUpdateGuards(quote(), { amount: 5, currency_code: 'USD', cost: null })).toEqual([]);
    expect(currencyUpdateGuards(quote(), { currency_code: 'EUR' })).toEqual([]);
    expect(currencyUpdateGuards(quote(), { fee: 3 })).toEqual([]);
  });
});
