import type { AppDefinition } from '../app/app-types';
import { validateApp } from './validate-app';

const app = (indexes: unknown): unknown => ({
  name: 'crm',
  label: { en: 'CRM' },
  layouts: [],
  entities: [
    {
      type: 'object',
      'x-name': 'customer',
      'x-plural': 'customers',
      'x-label': { en: 'Customer' },
      'x-indexes': indexes,
      properties: {
        industry: { 'x-id': 'f_industry', 'x-type': 'select', 'x-label': { en: 'Industry' }, 'x-options': [{ value: 'it', label: { en: 'IT' } }] },
        revenue: { 'x-id': 'f_revenue', 'x-type': 'number', 'x-label': { en: 'Revenue' } },
        score: { 'x-id': 'f_score', 'x-type': 'formula', 'x-label': { en: 'Score' }, 'x-formula': 'revenue * 2', 'x-formula-type': 'number' },
      },
    },
  ],
});

const errorsOf = (value: unknown) => {
  const result = validateApp(value as AppDefinition);
  return result.ok ? [] : result.errors.map((e) => ({ code: e.code, path: e.pointer }));
};

describe('x-indexes (composite indexes)', () => {
  it('accepts fields and system columns in list-sort syntax', () => {
    expect(errorsOf(app([['industry', '-revenue', '-id'], ['owner', '-created_at']]))).toEqual([]);
  });

  it('refuses a column the entity does not store, pointing at it', () => {
    expect(errorsOf(app([['industry', '-revnue']]))).toEqual([{ code: 'index-field-missing', path: '/entities/0/x-indexes/0/1' }]);
    // A virtual formula has no column to index.
    expect(errorsOf(app([['industry', 'score']]))).toEqual([{ code: 'index-field-missing', path: '/entities/0/x-indexes/0/1' }]);
  });

  it('refuses malformed entries (one column, bad names, not a list)', () => {
    for (const bad of [[['industry']], [['industry', 'Revenue!']], ['industry'], [['industry', 'industry']]]) {
      expect(errorsOf(app(bad)).length).toBeGreaterThan(0);
    }
  });

  it('accepts the object form (composite uniqueness) and points into its columns', () => {
    expect(errorsOf(app([{ columns: ['industry', 'revenue'], unique: true }, { columns: ['industry', '-revenue'], name: 'customer_lookup' }]))).toEqual([]);
    expect(errorsOf(app([{ columns: ['industry', 'revnue'], unique: true }]))).toEqual([{ code: 'index-field-missing', path: '/entities/0/x-indexes/0/columns/1' }]);
    expect(errorsOf(app([{ columns: ['industry', 'revenue'], name: 'same' }, { columns: ['revenue', 'industry'], name: 'same' }]))).toEqual([{ code: 'duplicate-index-name', path: '/entities/0/x-indexes/1/name' }]);
    for (const bad of [[{ columns: ['industry'] }], [{ columns: ['industry', 'revenue'], unique: 'yes' }], [{ columns: ['industry', 'revenue'], extra: 1 }], [{ unique: true }]]) {
      expect(errorsOf(app(bad)).length).toBeGreaterThan(0);
    }
  });
});

describe('x-indexes where (conflict checks over open records)', () => {
  const filing = (where: unknown, message: unknown = { en: 'Already filed', zh: '已有报备' }) => app([{ columns: ['industry', 'revenue'], unique: true, where, message }]);

  it('accepts a select field and values among its options, with a message in both languages', () => {
    expect(errorsOf(filing({ field: 'industry', notIn: ['it'] }))).toEqual([]);
    expect(errorsOf(filing({ field: 'industry', in: ['it'] }))).toEqual([]);
  });

  it('refuses a field that is not a select, a value that is not an option, and both or neither of in/notIn', () => {
    expect(errorsOf(filing({ field: 'revenue', notIn: ['1'] }))).toEqual([{ code: 'index-field-missing', path: '/entities/0/x-indexes/0/where/field' }]);
    expect(errorsOf(filing({ field: 'industry', notIn: ['retail'] }))).toEqual([{ code: 'index-field-missing', path: '/entities/0/x-indexes/0/where/notIn/0' }]);
    expect(errorsOf(filing({ field: 'industry', in: ['it'], notIn: ['it'] })).map((e) => e.path)).toContain('/entities/0/x-indexes/0/where');
    expect(errorsOf(filing({ field: 'industry' })).map((e) => e.path)).toContain('/entities/0/x-indexes/0/where');
    expect(errorsOf(filing({ field: 'industry', notIn: ['it'] }, { zh: '只有中文' })).length).toBeGreaterThan(0);
  });
});
