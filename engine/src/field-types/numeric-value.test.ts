import type { EntityDefinition } from '@tessera/metadata';
import fc from 'fast-check';
import { entityToValidator } from '../validation/entity-to-validator';
import { createFieldTypeRegistry } from './field-type-registry';
import { decimalDigits, numericProblem } from './numeric-value';

const deal: EntityDefinition = {
  type: 'object',
  'x-name': 'deal',
  'x-plural': 'deals',
  'x-label': { en: 'Deal' },
  properties: {
    amount: { 'x-id': 'f_amount', 'x-type': 'currency', 'x-label': { en: 'Amount' }, minimum: -1e12, maximum: 1e12 },
    total: { 'x-id': 'f_total', 'x-type': 'currency', 'x-label': { en: 'Total' } },
    units: { 'x-id': 'f_units', 'x-type': 'number', 'x-label': { en: 'Units' } },
    rate: { 'x-id': 'f_rate', 'x-type': 'number', 'x-label': { en: 'Rate' }, 'x-precision': 6, 'x-scale': 4 },
    share: { 'x-id': 'f_share', 'x-type': 'percent', 'x-label': { en: 'Share' } },
  },
};
const validate = entityToValidator(deal, createFieldTypeRegistry());
const errorsOf = (data: Record<string, unknown>) => {
  const result = validate(data, 'create');
  return result.ok ? [] : result.errors;
};

describe('decimalDigits reads the shortest round-trip text of a number', () => {
  it.each([
    [1234567.89, 7, 2],
    [0.5, 0, 1],
    [0, 0, 0],
    [-12.5, 2, 1],
    [1e20, 21, 0],
    [1e21, 22, 0],
    [1.5e-7, 0, 8],
    [123e-20, 0, 20],
    [1.25e21, 22, 0],
  ])('%p has %p integer and %p decimal digits', (value, integer, fraction) => {
    expect(decimalDigits(value)).toEqual({ integer, fraction });
  });

  it('names the first thing a numeric(precision, scale) column cannot hold', () => {
    expect(numericProblem(1234567.89, 18, 2)).toBeUndefined();
    expect(numericProblem(10.005, 18, 2)).toBe('scale');
    expect(numericProblem(1e16, 18, 2)).toBe('precision');
    expect(numericProblem(9999999999999998, 18, 2)).toBeUndefined();
  });
});

describe('numeric fields are checked on their decimal text', () => {
  it('accepts 2-decimal amounts that float division (multipleOf) refused', () => {
    for (const amount of [1234567.89, 100000.03, 4.35, 0.07, 999999999999.99, -1234567.89]) {
      expect(errorsOf({ amount })).toEqual([]);
    }
  });

  it('accepts every 2-decimal value up to 10^12 in a scale-2 currency field', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 100_000_000_000_000 }), fc.boolean(), (cents, negative) => {
        const amount = ((negative ? -1 : 1) * cents) / 100;
        return validate({ amount }, 'create').ok;
      }),
      { numRuns: 2000 },
    );
  });

  it('refuses every value with exactly 3 significant decimals, naming the field', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1_000_000_000_000_000 }).filter((m) => m % 10 !== 0), (mills) => {
        const errors = errorsOf({ amount: mills / 1000 });
        return errors.length === 1 && errors[0].field === 'amount' && errors[0].rule === 'scale' && errors[0].message === 'Amount allows at most 2 decimal places';
      }),
      { numRuns: 2000 },
    );
  });

  it('reports an amount too large for the column at the field itself', () => {
    expect(errorsOf({ total: 1e20 })).toEqual([
      { field: 'total', rule: 'precision', message: 'Total is too large: at most 16 digits before the decimal point', params: { precision: 18, scale: 2 } },
    ]);
    expect(errorsOf({ units: 1e20 })).toEqual([
      { field: 'units', rule: 'precision', message: 'Units is too large: at most 18 digits before the decimal point', params: { precision: 18, scale: 0 } },
    ]);
    expect(errorsOf({ rate: 123.4567 })).toMatchObject([{ field: 'rate', rule: 'precision' }]);
    expect(errorsOf({ rate: 12.34567 })).toMatchObject([{ field: 'rate', rule: 'scale', message: 'Rate allows at most 4 decimal places' }]);
    expect(errorsOf({ rate: 12.3456 })).toEqual([]);
  });

  it('checks the author bounds on the value', () => {
    expect(errorsOf({ amount: 1e12 + 0.01 })).toMatchObject([{ field: 'amount', rule: 'maximum' }]);
    expect(errorsOf({ amount: -1e12 - 0.01 })).toMatchObject([{ field: 'amount', rule: 'minimum' }]);
    expect(errorsOf({ share: 100.01 })).toMatchObject([{ field: 'share', rule: 'maximum' }]);
    expect(errorsOf({ share: 12.345 })).toMatchObject([{ field: 'share', rule: 'scale' }]);
    expect(errorsOf({ share: 12.35 })).toEqual([]);
  });
});
