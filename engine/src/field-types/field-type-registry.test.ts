import { builtinFieldTypes } from './builtin-field-types';
import { currencyFieldType } from './currency';
import { dateFieldType } from './date';
import { datetimeFieldType } from './datetime';
import { defineFieldType } from './define-field-type';
import { createFieldTypeRegistry } from './field-type-registry';
import { numberFieldType } from './number';
import { textFieldType } from './text';

const field = (extra: Record<string, unknown> = {}) => ({ 'x-id': 'f1', 'x-type': 'number', 'x-label': { en: 'F' }, ...extra });

describe('createFieldTypeRegistry', () => {
  it('holds every built-in type by default', () => {
    const registry = createFieldTypeRegistry();
    expect(registry.list().map((t) => t.name)).toEqual([
      'text', 'textarea', 'number', 'currency', 'date', 'datetime', 'boolean', 'select', 'email', 'phone', 'url', 'relation',
      'richtext', 'percent', 'multiselect', 'json', 'user', 'autonumber', 'formula', 'rollup', 'file',
    ]);
    expect(registry.get('email').widget).toBe('email');
    expect(registry.has('rating:stars')).toBe(false);
  });

  it('rejects a duplicate by name', () => {
    const registry = createFieldTypeRegistry();
    expect(() => registry.register(textFieldType)).toThrow('Field type "text" is already registered');
  });

  it('names the unknown type on get', () => {
    expect(() => createFieldTypeRegistry([]).get('nope')).toThrow('Unknown field type "nope"');
  });

  it('describes its types for metadata validation', () => {
    const known = createFieldTypeRegistry().toKnownFieldTypes();
    expect(known).toContainEqual({ name: 'select', requiresOptions: true });
    expect(known).toContainEqual({ name: 'relation', requiresRelation: true });
    expect(known).toContainEqual({ name: 'text' });
  });

  it('accepts types built with defineFieldType', () => {
    const custom = defineFieldType({
      name: 'acme:code',
      label: { en: 'Code' },
      widget: 'text',
      jsonSchema: () => ({ type: 'string' }),
      column: () => ({ kind: 'text' }),
    });
    const registry = createFieldTypeRegistry([...builtinFieldTypes, custom]);
    expect(registry.get('acme:code')).toBe(custom);
  });
});

describe('built-in field types', () => {
  it('number is an integer at scale 0 and numeric(18,0) by default', () => {
    expect(numberFieldType.jsonSchema(field())).toEqual({ type: 'integer', 'x-precision': 18, 'x-scale': 0 });
    expect(numberFieldType.column(field())).toEqual({ kind: 'numeric', precision: 18, scale: 0 });
    expect(numberFieldType.jsonSchema(field({ 'x-scale': 3 }))).toEqual({ type: 'number', 'x-precision': 18, 'x-scale': 3 });
  });

  it('currency is numeric(18,2) in CNY unless told otherwise', () => {
    expect(currencyFieldType.column(field())).toEqual({ kind: 'numeric', precision: 18, scale: 2 });
    expect(currencyFieldType.jsonSchema(field({ 'x-currency': 'USD' }))).toEqual({ type: 'number', 'x-precision': 18, 'x-scale': 2, 'x-currency': 'USD' });
  });

  it('a multi-currency amount names its code field instead of a fixed currency', () => {
    expect(currencyFieldType.jsonSchema(field({ 'x-currency-field': 'currency_code' }))).toEqual({ type: 'number', 'x-precision': 18, 'x-scale': 2, 'x-currency-field': 'currency_code' });
    expect(currencyFieldType.column(field({ 'x-currency-field': 'currency_code' }))).toEqual({ kind: 'numeric', precision: 18, scale: 2 });
  });

  it('turns numeric strings from the database into numbers', () => {
    expect(currencyFieldType.fromDb?.('1234.50')).toBe(1234.5);
    expect(currencyFieldType.fromDb?.(null)).toBeNull();
  });

  it('reads dates as YYYY-MM-DD whether the driver built them in UTC or local time', () => {
    expect(dateFieldType.fromDb?.(new Date(Date.UTC(2025, 0, 31)))).toBe('2025-01-31');
    expect(dateFieldType.fromDb?.(new Date(2025, 0, 31))).toBe('2025-01-31');
    expect(dateFieldType.fromDb?.('2025-01-31')).toBe('2025-01-31');
  });

  it('reads timestamps as ISO strings', () => {
    expect(datetimeFieldType.fromDb?.(new Date(Date.UTC(2025, 0, 31, 9, 30)))).toBe('2025-01-31T09:30:00.000Z');
  });

  it('text is varchar when capped, text otherwise', () => {
    expect(textFieldType.column(field({ maxLength: 120 }))).toEqual({ kind: 'varchar', length: 120 });
    expect(textFieldType.column(field())).toEqual({ kind: 'text' });
  });
});
