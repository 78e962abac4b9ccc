import type { EntityDefinition } from '@tessera/metadata';
import { createFieldTypeRegistry } from '../field-types/field-type-registry';
import { entityToTable } from '../schema/entity-to-table';
import { addIndexSql } from '../schema/table-to-sql';
import { parseSearch } from './parse-search';
import { phoneDigits, searchColumns, searchFields, searchIndexFields } from './search-fields';

const label = { en: 'x' };
const entity = (marks: Record<string, boolean> = {}): EntityDefinition => ({
  type: 'object', 'x-name': 'customer', 'x-plural': 'customers', 'x-label': label, 'x-display-field': 'name',
  properties: {
    code: { 'x-id': 'f0', 'x-type': 'text', 'x-label': label, ...(marks.code ? { 'x-searchable': true } : {}) },
    name: { 'x-id': 'f1', 'x-type': 'text', 'x-label': label },
    phone: { 'x-id': 'f2', 'x-type': 'phone', 'x-label': label, ...(marks.phone ? { 'x-searchable': true } : {}) },
    notes: { 'x-id': 'f3', 'x-type': 'textarea', 'x-label': label },
    revenue: { 'x-id': 'f4', 'x-type': 'number', 'x-label': label },
  },
} as EntityDefinition);

describe('search fields', () => {
  it('are the marked fields and the display field, the title first', () => {
    expect(searchFields(entity({ phone: true, code: true }))).toEqual([
      { name: 'name', match: 'text', title: true },
      { name: 'code', match: 'text', title: false },
      { name: 'phone', match: 'digits', title: false },
    ]);
  });

  it('keep every short-text field when an entity marks none, but index only the display field', () => {
    expect(searchColumns(entity())).toEqual(['name', 'code', 'phone', 'notes']);
    expect(searchIndexFields(entity()).map((f) => f.name)).toEqual(['name']);
  });

  it('read a phone search as digits, whatever the separators', () => {
    expect(phoneDigits('138 0013-8000')).toBe('13800138000');
    expect(phoneDigits('+86 (10) 6552.9988')).toBe('861065529988');
    expect(phoneDigits('12')).toBeUndefined();
    expect(phoneDigits('华为 138')).toBeUndefined();
  });

  it('match phones by digits only for a number-like search', () => {
    const e = entity({ phone: true });
    expect(parseSearch('138-0013', e, [])).toEqual({ text: '138-0013', columns: ['name'], phones: ['phone'], digits: '1380013' });
    expect(parseSearch('华为', e, [])).toEqual({ text: '华为', columns: ['name'] });
  });

  it('get trigram indexes from the planner, a phone over its digits', () => {
    const table = entityToTable(entity({ phone: true }), createFieldTypeRegistry(), { schema: 'app_crm' });
    const search = table.indexes.filter((i) => i.search);
    expect(search.map((i) => [i.name, i.search])).toEqual([['customer_name_trgm_idx', 'text'], ['customer_phone_trgm_idx', 'digits']]);
    expect(addIndexSql(table, search[0])).toEqual([
      'create extension if not exists pg_trgm with schema public',
      'create index "customer_name_trgm_idx" on "app_crm"."customer" using gin ("name" public.gin_trgm_ops)',
    ]);
    expect(addIndexSql(table, search[1])[1]).toBe(`create index "customer_phone_trgm_idx" on "app_crm"."customer" using gin ((regexp_replace("phone", '[^0-9]', '', 'g')) public.gin_trgm_ops)`);
  });
});
