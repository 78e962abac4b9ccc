import type { EntityDefinition, FieldDefinition } from '@tessera/metadata';
import { parseListQuery } from '../query/parse-list-query';
import { builtinFieldTypes } from './builtin-field-types';
import { fieldFilterOperators } from './field-filter-operators';
import { createFieldTypeRegistry } from './field-type-registry';
import type { FilterOperator, ValueKind } from './field-type-types';
import { fieldValueKind, isNumericKind } from './field-value-kind';

const ALL_OPERATORS: readonly FilterOperator[] = [
  'eq', 'ne', 'gt', 'gte', 'lt', 'lte', 'in', 'nin', 'between', 'contains', 'startsWith', 'isNull', 'containsAll', 'containsAny',
];
const label = (en: string) => ({ en });
const options = [{ value: 'a', label: label('A') }, { value: 'b', label: label('B') }];

/** At least one field per built-in type, with every variant whose operators differ. */
const SAMPLES: Record<string, Record<string, Partial<FieldDefinition>>> = {
  text: { text: {} },
  textarea: { textarea: {} },
  number: { number: {}, decimal: { 'x-scale': 2 } },
  currency: { currency: {} },
  date: { date: {} },
  datetime: { datetime: {} },
  boolean: { boolean: {} },
  select: { select: { 'x-options': options } },
  email: { email: {} },
  phone: { phone: {} },
  url: { url: {} },
  relation: {
    parent: { 'x-relation': { entity: 'sample', kind: 'many-to-one' } },
    peers: { 'x-relation': { entity: 'sample', kind: 'many-to-many' } },
    children: { 'x-relation': { entity: 'sample', kind: 'one-to-many', field: 'parent' } },
  },
  richtext: { richtext: {} },
  percent: { percent: {} },
  multiselect: { multiselect: { 'x-options': options } },
  json: { json: {} },
  user: { user: {} },
  autonumber: { autonumber: {} },
  formula: {
    f_number: { 'x-formula': 'number * 2', 'x-formula-type': 'number', 'x-stored': true },
    f_text: { 'x-formula': 'text', 'x-formula-type': 'text', 'x-stored': true },
    f_boolean: { 'x-formula': 'boolean', 'x-formula-type': 'boolean', 'x-stored': true },
    f_date: { 'x-formula': 'date', 'x-formula-type': 'date', 'x-stored': true },
    f_virtual: { 'x-formula': 'number * 3', 'x-formula-type': 'number' },
  },
  rollup: {
    r_count: { 'x-rollup': { relation: 'children', fn: 'count' } },
    r_sum: { 'x-rollup': { relation: 'children', fn: 'sum', field: 'currency' } },
  },
  file: { file: { 'x-file': { maxSize: 1000, accept: ['image/*'] } }, files: { 'x-file': { maxSize: 1000, accept: ['image/*'], multiple: true } } },
};

const properties: Record<string, FieldDefinition> = {};
let id = 0;
for (const [type, fields] of Object.entries(SAMPLES)) {
  for (const [name, keywords] of Object.entries(fields)) {
    properties[name] = { 'x-id': `f${(id += 1)}`, 'x-type': type, 'x-label': label(name), ...keywords } as FieldDefinition;
  }
}
const sample: EntityDefinition = { type: 'object', 'x-name': 'sample', 'x-plural': 'samples', 'x-label': label('Sample'), properties };
const registry = createFieldTypeRegistry();

/** A value a filter on a field of `kind` takes (two for list operators). */
const VALUES: Record<ValueKind, unknown> = {
  string: 'a',
  number: 12.5,
  integer: 12,
  boolean: true,
  date: '2025-01-31',
  datetime: '2025-01-31T09:00:00Z',
  uuid: '0b0c4c5e-8a55-4a36-9d5e-2a0f5b6f7a11',
  array: 'a',
  other: 'a',
};
function operand(op: FilterOperator, kind: ValueKind): unknown {
  if (op === 'isNull') return true;
  const value = VALUES[kind];
  if (op === 'between') return kind === 'number' || kind === 'integer' ? [1, 2] : [value, value];
  return ['in', 'nin', 'containsAll', 'containsAny'].includes(op) ? [value] : value;
}
const parse = (name: string, op: FilterOperator, value: unknown) => parseListQuery({ filter: JSON.stringify({ [name]: { [op]: value } }) }, sample, registry, [sample]);
const accepts = (name: string, op: FilterOperator, value: unknown) => parse(name, op, value).ok;
/** Refused for the operator (or the field), not merely for the value given. */
const refusesOperator = (name: string, op: FilterOperator, value: unknown) => {
  const result = parse(name, op, value);
  return !result.ok && /does not support|unknown field/.test(result.errors[0].message);
};

describe('every built-in field type declares exactly the filter operators list queries accept', () => {
  it('has a sample field for every built-in type', () => {
    expect(Object.keys(SAMPLES).sort()).toEqual(builtinFieldTypes.map((t) => t.name).sort());
  });

  for (const [name, field] of Object.entries(properties)) {
    const type = registry.get(field['x-type']);
    const declared = fieldFilterOperators(type, field);
    const kind = fieldValueKind(type, field);

    it(`${field['x-type']} field "${name}": accepts ${declared.join(', ') || 'nothing'}`, () => {
      for (const op of declared) expect([op, accepts(name, op, operand(op, kind))]).toEqual([op, true]);
      for (const op of ALL_OPERATORS.filter((o) => !declared.includes(o))) expect([op, refusesOperator(name, op, operand(op, kind))]).toEqual([op, true]);
    });
  }

  it('offers no eq on values that are lists or free-form JSON', () => {
    for (const name of ['multiselect', 'json', 'file', 'files', 'peers', 'children', 'f_virtual']) {
      const field = properties[name];
      expect([name, fieldFilterOperators(registry.get(field['x-type']), field).includes('eq')]).toEqual([name, false]);
    }
  });

  it("names each field's value kind, so a UI needs no list of numeric types", () => {
    const kinds = Object.fromEntries(Object.entries(properties).map(([name, field]) => [name, fieldValueKind(registry.get(field['x-type']), field)]));
    expect(kinds).toMatchObject({ number: 'integer', decimal: 'number', currency: 'number', percent: 'number', f_number: 'number', r_count: 'integer', r_sum: 'number' });
    expect(kinds).toMatchObject({ text: 'string', date: 'date', datetime: 'datetime', user: 'uuid', multiselect: 'array', json: 'other', f_date: 'date' });
    const numeric = Object.keys(kinds).filter((name) => isNumericKind(kinds[name]));
    expect(numeric.sort()).toEqual(['currency', 'decimal', 'f_number', 'f_virtual', 'number', 'percent', 'r_count', 'r_sum']);
  });
});
