import { recordTypeRules } from './record-types';

const rules = recordTypeRules({ 'x-record-types': { field: 'kind', types: {
  end_customer: {},
  distributor: { fields: ['territory', 'rebate_rate'], required: ['territory'] },
  agent: { fields: ['commission_rate', 'rebate_rate'] },
} } })!;

describe('recordTypeRules', () => {
  it('is absent for an entity without record types', () => {
    expect(recordTypeRules({})).toBeUndefined();
  });

  it('reads the type from the type field; an unknown or empty value is no type', () => {
    expect(rules.typeOf({ kind: 'agent' })).toBe('agent');
    expect(rules.typeOf({ kind: 'toString' })).toBeUndefined();
    expect(rules.typeOf({ kind: null })).toBeUndefined();
  });

  it('applies common fields to every type and listed fields only to the types listing them', () => {
    expect(rules.applies('name', 'end_customer')).toBe(true);
    expect(rules.applies('name', undefined)).toBe(true);
    expect(rules.applies('territory', 'distributor')).toBe(true);
    expect(rules.applies('territory', 'agent')).toBe(false);
    expect(rules.applies('rebate_rate', 'agent')).toBe(true);
    expect(rules.applies('rebate_rate', undefined)).toBe(false);
  });

  it('lists a type\'s required fields', () => {
    expect(rules.required('distributor')).toEqual(['territory']);
    expect(rules.required('agent')).toEqual([]);
    expect(rules.required(undefined)).toEqual([]);
  });
});
