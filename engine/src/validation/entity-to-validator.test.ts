import type { EntityDefinition } from '@tessera/metadata';
import { createFieldTypeRegistry } from '../field-types/field-type-registry';
import { entityToValidator } from './entity-to-validator';

const customer: EntityDefinition = {
  type: 'object',
  'x-name': 'customer',
  'x-plural': 'customers',
  'x-label': { en: 'Customer', zh: '客户' },
  required: ['name'],
  properties: {
    name: { 'x-id': 'f_name', 'x-type': 'text', 'x-label': { en: 'Name', zh: '名称' }, maxLength: 5 },
    email: { 'x-id': 'f_email', 'x-type': 'email', 'x-label': { en: 'Email' } },
    since: { 'x-id': 'f_since', 'x-type': 'date', 'x-label': { en: 'Customer since' } },
    tier: {
      'x-id': 'f_tier',
      'x-type': 'select',
      'x-label': { en: 'Tier' },
      default: 'bronze',
      'x-options': [
        { value: 'bronze', label: { en: 'Bronze' } },
        { value: 'gold', label: { en: 'Gold' } },
      ],
    },
    employees: { 'x-id': 'f_emp', 'x-type': 'number', 'x-label': { en: 'Employees' }, minimum: 1, maximum: 100000 },
    revenue: { 'x-id': 'f_rev', 'x-type': 'currency', 'x-label': { en: 'Revenue' } },
    phone: { 'x-id': 'f_phone', 'x-type': 'phone', 'x-label': { en: 'Phone' } },
  },
};

const validate = entityToValidator(customer, createFieldTypeRegistry());
const errorsOf = (data: unknown, mode: 'create' | 'update' = 'create') => {
  const result = validate(data, mode);
  if (result.ok) throw new Error('expected errors');
  return result.errors;
};

describe('entityToValidator', () => {
  it('accepts a valid record and applies defaults on create without touching the input', () => {
    const input = { name: 'Acme', email: 'a@acme.cn', revenue: 10.5, phone: '+86 138-0013-8000' };
    const result = validate(input, 'create');
    expect(result).toEqual({ ok: true, value: { ...input, tier: 'bronze' } });
    expect(input).not.toHaveProperty('tier');
  });

  it('compiles once per entity and registry', () => {
    const registry = createFieldTypeRegistry();
    expect(entityToValidator(customer, registry)).toBe(entityToValidator(customer, registry));
  });

  it('reports a missing required field with its label', () => {
    expect(errorsOf({})).toEqual([{ field: 'name', rule: 'required', message: 'Name is required' }]);
  });

  it('requires nothing on update and adds no defaults', () => {
    expect(validate({ email: null }, 'update')).toEqual({ ok: true, value: { email: null } });
  });

  it('rejects null for a required field (as required) but accepts it for the others', () => {
    expect(errorsOf({ name: null })).toEqual([{ field: 'name', rule: 'required', message: 'Name is required' }]);
    expect(validate({ name: 'A', email: null, tier: null }, 'create').ok).toBe(true);
  });

  it('names unknown fields and system columns', () => {
    expect(errorsOf({ name: 'A', foo: 1, id: 'x' })).toEqual([
      { field: 'foo', rule: 'unknown-field', message: 'Unknown field "foo" on customer' },
      { field: 'id', rule: 'read-only', message: '"id" is set by the system and cannot be written' },
    ]);
  });

  it('reports every broken rule at once', () => {
    const errors = errorsOf({ name: 'Too long', email: 'nope', since: '2025-13-45', tier: 'platinum', employees: 0, phone: 'call me' });
    expect(errors).toEqual([
      { field: 'name', rule: 'maxLength', message: 'Name must be at most 5 characters', params: { limit: 5 } },
      { field: 'email', rule: 'format', message: 'Email must be a valid email address', params: { format: 'email' } },
      { field: 'since', rule: 'format', message: 'Customer since must be a valid date (YYYY-MM-DD)', params: { format: 'date' } },
      { field: 'tier', rule: 'enum', message: 'Tier must be one of: bronze, gold', params: { allowedValues: ['bronze', 'gold'] } },
      { field: 'employees', rule: 'minimum', message: 'Employees must be at least 1', params: { limit: 1 } },
      { field: 'phone', rule: 'pattern', message: 'Phone is not in the expected format', params: expect.objectContaining({ pattern: expect.any(String) }) },
    ]);
  });

  it('checks maximum, whole numbers and currency decimals', () => {
    expect(errorsOf({ name: 'A', employees: 100001 })).toEqual([
      { field: 'employees', rule: 'maximum', message: 'Employees must be at most 100000', params: { limit: 100000 } },
    ]);
    expect(errorsOf({ name: 'A', employees: 1.5 })).toEqual([{ field: 'employees', rule: 'type', message: 'Employees must be a whole number', params: { type: 'integer' } }]);
    expect(errorsOf({ name: 'A', revenue: 10.005 })).toEqual([
      { field: 'revenue', rule: 'scale', message: 'Revenue allows at most 2 decimal places', params: { scale: 2 } },
    ]);
    expect(validate({ name: 'A', revenue: 0.1 }, 'create').ok).toBe(true);
  });

  it('accepts and rejects phone numbers by digits and characters', () => {
    expect(validate({ name: 'A', phone: '(010) 6552 9988' }, 'create').ok).toBe(true);
    expect(errorsOf({ name: 'A', phone: '1234' })[0]).toMatchObject({ field: 'phone', rule: 'pattern' });
  });

  it('rejects a body that is not an object', () => {
    expect(errorsOf([1, 2])).toEqual([{ field: '', rule: 'type', message: 'The request body must be a JSON object', params: { type: 'object' } }]);
    expect(errorsOf('hello')[0]).toMatchObject({ field: '', rule: 'type' });
  });
});
