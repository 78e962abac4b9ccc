import type { AppDefinition, FieldDefinition } from '../index';
import { validateApp } from './validate-app';

const field = (id: string, type: string, extra: Record<string, unknown> = {}) => ({ 'x-id': id, 'x-type': type, 'x-label': { en: id }, ...extra }) as unknown as FieldDefinition;

function app(rollup: Record<string, unknown>): AppDefinition {
  return {
    name: 'crm',
    label: { en: 'CRM' },
    layouts: [],
    entities: [
      {
        type: 'object', 'x-name': 'customer', 'x-plural': 'customers', 'x-label': { en: 'Customer' },
        properties: {
          name: field('n', 'text'),
          owner_ref: field('o', 'relation', { 'x-relation': { entity: 'payment', kind: 'many-to-one' } }),
          payments: field('ps', 'relation', { 'x-relation': { entity: 'payment', kind: 'one-to-many', field: 'customer' } }),
          total: field('t', 'rollup', { 'x-rollup': rollup }),
        },
      },
      { type: 'object', 'x-name': 'payment', 'x-plural': 'payments', 'x-label': { en: 'Payment' }, properties: { amount: field('a', 'currency'), memo: field('m', 'text'), customer: field('c', 'relation', { 'x-relation': { entity: 'customer', kind: 'many-to-one' } }) } },
    ],
  };
}
const codes = (a: AppDefinition) => {
  const result = validateApp(a);
  return result.ok ? [] : result.errors.map((e) => `${e.code} ${e.pointer}`);
};

describe('x-rollup', () => {
  it('accepts a count and a sum of a numeric child field', () => {
    expect(codes(app({ relation: 'payments', fn: 'count' }))).toEqual([]);
    expect(codes(app({ relation: 'payments', fn: 'sum', field: 'amount' }))).toEqual([]);
  });

  it('needs a one-to-many relation of its own entity', () => {
    expect(codes(app({ relation: 'owner_ref', fn: 'count' }))).toEqual(['rollup-invalid /entities/0/properties/total/x-rollup/relation']);
    expect(codes(app({ relation: 'nope', fn: 'count' }))).toEqual(['rollup-invalid /entities/0/properties/total/x-rollup/relation']);
  });

  it('needs a numeric field for sum/min/max and none for count', () => {
    expect(codes(app({ relation: 'payments', fn: 'sum', field: 'memo' }))).toEqual(['rollup-invalid /entities/0/properties/total/x-rollup/field']);
    expect(codes(app({ relation: 'payments', fn: 'max' }))).toEqual(['rollup-invalid /entities/0/properties/total/x-rollup']);
    expect(codes(app({ relation: 'payments', fn: 'count', field: 'amount' }))).toEqual(['rollup-invalid /entities/0/properties/total/x-rollup/field']);
  });

  it('refuses an unknown function or key through the meta-schema', () => {
    expect(codes(app({ relation: 'payments', fn: 'avg', field: 'amount' })).length).toBeGreaterThan(0);
  });
});
