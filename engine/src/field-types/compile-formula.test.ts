import type { EntityDefinition } from '@tessera/metadata';
import { compileFormula } from './compile-formula';

const label = { en: 'F' };
const deal: EntityDefinition = {
  type: 'object',
  'x-name': 'deal',
  'x-plural': 'deals',
  'x-label': { en: 'Deal' },
  properties: {
    amount: { 'x-id': 'f_amount', 'x-type': 'currency', 'x-label': label },
    probability: { 'x-id': 'f_prob', 'x-type': 'percent', 'x-label': label },
    name: { 'x-id': 'f_name', 'x-type': 'text', 'x-label': label },
    expected: { 'x-id': 'f_expected', 'x-type': 'formula', 'x-label': label, 'x-formula': 'amount * probability / 100' },
  },
};

function compiled(expr: string, type?: 'number' | 'text' | 'boolean' | 'date') {
  const result = compileFormula(expr, deal, type);
  if (!result.ok) throw new Error(result.errors.join('; '));
  return result.formula;
}

describe('compileFormula', () => {
  it('evaluates over the record and lists the fields it reads', () => {
    const formula = compiled('amount * probability / 100', 'number');
    expect(formula.fields).toEqual(['amount', 'probability']);
    expect(formula.evaluate({ amount: 1000, probability: 25 })).toBe(250);
  });

  it('supports conditionals, comparison and string concatenation', () => {
    expect(compiled('amount > 500 ? "big" : "small"').evaluate({ amount: 900 })).toBe('big');
    expect(compiled('name + " (" + amount + ")"').evaluate({ name: 'Acme', amount: 5 })).toBe('Acme (5)');
    expect(compiled('amount >= 100', 'boolean').evaluate({ amount: 99 })).toBe(false);
  });

  it('reads only the fields it names', () => {
    const formula = compiled('name');
    expect(formula.evaluate({ name: 'A', constructor: 'x', secret: 's' })).toBe('A');
  });

  it('gives null for results that are not numbers when a number is expected', () => {
    expect(compiled('amount / 0', 'number').evaluate({ amount: 1 })).toBeNull();
    expect(compiled('name * 2', 'number').evaluate({ name: 'x' })).toBeNull();
    expect(compiled('amount', 'number').evaluate({})).toBeNull();
  });

  it('rejects unknown fields, other formulas, functions and syntax errors', () => {
    expect(compileFormula('amount * rate', deal)).toEqual({ ok: false, errors: ['The formula reads "rate", which is not a field of deal.'] });
    expect(compileFormula('expected + 1', deal)).toEqual({ ok: false, errors: [expect.stringContaining('"expected", which is itself a formula')] });
    expect(compileFormula('name|upper', deal)).toEqual({ ok: false, errors: ['The formula uses "upper", which is not an available function.'] });
    expect(compileFormula('amount +', deal)).toEqual({ ok: false, errors: [expect.stringContaining('does not parse')] });
  });

  it('treats the root of a member path as the field it reads', () => {
    expect(compileFormula('missing.length', deal)).toEqual({ ok: false, errors: ['The formula reads "missing", which is not a field of deal.'] });
  });
});
