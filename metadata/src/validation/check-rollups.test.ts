import type { AppDefinition, FieldDefinition } from '../index';
import { BUILTIN_FIELD_TYPES } from './builtin-field-types';
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
    expect(codes(app({ relation: 'payments', fn: 'median', field: 'amount' })).length).toBeGreaterThan(0);
  });

  it('averages a numeric field, also of a numeric type a plugin registered', () => {
    expect(codes(app({ relation: 'payments', fn: 'avg', field: 'amount' }))).toEqual([]);
    const rated = app({ relation: 'payments', fn: 'avg', field: 'stars' });
    rated.entities[1].properties.stars = field('s', 'rating:stars');
    const types = [...BUILTIN_FIELD_TYPES, { name: 'rating:stars', numeric: true }, { name: 'region:cn' }];
    const withTypes = (a: AppDefinition) => { const r = validateApp(a, { fieldTypes: types }); return r.ok ? [] : r.errors.map((e) => `${e.code} ${e.pointer}`); };
    expect(withTypes(rated)).toEqual([]);
    rated.entities[1].properties.stars = field('s', 'region:cn');
    expect(withTypes(rated)).toEqual(['rollup-invalid /entities/0/properties/total/x-rollup/field']);
  });
});

/** A sales target whose achievement rolls up the payments credited to its salesperson in its year/month. */
function targetApp(rollup: Record<string, unknown>): AppDefinition {
  return {
    name: 'crm', label: { en: 'CRM' }, layouts: [],
    entities: [
      {
        type: 'object', 'x-name': 'target', 'x-plural': 'targets', 'x-label': { en: 'Target' },
        properties: { assignee: field('as', 'user'), region: field('r', 'select', { 'x-options': [{ value: 'east', label: { en: 'East' } }] }), year: field('y', 'number'), month: field('mo', 'number'), name: field('n', 'text'), achieved: field('ach', 'rollup', { 'x-rollup': rollup }) },
      },
      {
        type: 'object', 'x-name': 'payment', 'x-plural': 'payments', 'x-label': { en: 'Payment' },
        properties: { amount: field('a', 'currency'), credited_to: field('cr', 'user'), received_on: field('ro', 'date'), logged_at: field('la', 'datetime'), customer: field('c', 'relation', { 'x-relation': { entity: 'target', kind: 'many-to-one' } }) },
      },
    ],
  };
}

describe('x-rollup over matching records', () => {
  const at = '/entities/0/properties/achieved/x-rollup';
  const payments = { entity: 'payment', match: { field: 'credited_to', equals: 'assignee' }, fn: 'sum', field: 'amount' };

  it('accepts a match on users (or owner), with or without a year/month period', () => {
    expect(codes(targetApp(payments))).toEqual([]);
    expect(codes(targetApp({ ...payments, match: { field: 'owner', equals: 'assignee' }, period: { date: 'received_on', year: 'year', month: 'month' } }))).toEqual([]);
    expect(codes(targetApp({ ...payments, period: { date: 'received_on', year: 'year' }, fn: 'count', field: undefined }))).toEqual([]);
    expect(codes(targetApp({ ...payments, match: { field: 'customer', equals: 'id' } }))).toEqual([]);
  });

  it('names the entity, the match and the period that do not fit', () => {
    expect(codes(targetApp({ ...payments, entity: 'paymnet' }))).toEqual([`rollup-invalid ${at}/entity`]);
    expect(codes(targetApp({ entity: 'payment', fn: 'count' }))).toEqual([`rollup-invalid ${at}`]);
    expect(codes(targetApp({ ...payments, relation: 'x' }))).toEqual([`rollup-invalid ${at}/entity`]);
    expect(codes(targetApp({ ...payments, match: { field: 'amount', equals: 'year' } }))).toEqual([`rollup-invalid ${at}/match/field`, `rollup-invalid ${at}/match/equals`]);
    expect(codes(targetApp({ ...payments, match: { field: 'credited_to', equals: 'region' } }))).toEqual([`rollup-invalid ${at}/match/equals`]);
    expect(codes(targetApp({ ...payments, period: { date: 'logged_at', year: 'name', month: 'mont' } }))).toEqual([`rollup-invalid ${at}/period/date`, `rollup-invalid ${at}/period/year`, `rollup-invalid ${at}/period/month`]);
    const [wrongKind] = (validateApp(targetApp({ ...payments, match: { field: 'credited_to', equals: 'region' } })) as { errors: { message: string }[] }).errors;
    expect(wrongKind.message).toContain('"credited_to" of entity "payment" (a user) with "region" (a select value)');
  });

  it('takes no match or period with a relation', () => {
    const withRelation = app({ relation: 'payments', fn: 'count', match: { field: 'memo', equals: 'name' } });
    expect(codes(withRelation)).toEqual(['rollup-invalid /entities/0/properties/total/x-rollup/match']);
  });
});
