import type { EntityDefinition } from '@tessera/metadata';
import { createFieldTypeRegistry } from '../field-types/field-type-registry';
import { entityToTable } from './entity-to-table';
import { identifierName } from './identifier-name';

const deal: EntityDefinition = {
  type: 'object',
  'x-name': 'deal',
  'x-plural': 'deals',
  'x-label': { en: 'Deal' },
  required: ['title'],
  properties: {
    title: { 'x-id': 'f1', 'x-type': 'text', 'x-label': { en: 'Title' }, maxLength: 200, 'x-indexed': true },
    code: { 'x-id': 'f2', 'x-type': 'text', 'x-label': { en: 'Code' }, 'x-unique': true },
    amount: { 'x-id': 'f3', 'x-type': 'currency', 'x-label': { en: 'Amount' } },
    customer: { 'x-id': 'f4', 'x-type': 'relation', 'x-label': { en: 'Customer' }, 'x-relation': { entity: 'customer', kind: 'many-to-one', onDelete: 'set-null' } },
  },
};

describe('entityToTable', () => {
  const table = entityToTable(deal, createFieldTypeRegistry(), { schema: 'app_crm' });

  it('puts the system columns first, then one nullable column per field', () => {
    expect(table.schema).toBe('app_crm');
    expect(table.name).toBe('deal');
    expect(table.columns.map((c) => c.name)).toEqual(['id', 'created_at', 'updated_at', 'created_by', 'owner', 'version', 'title', 'code', 'amount', 'customer']);
    expect(table.columns[0]).toEqual({ name: 'id', type: { kind: 'uuid' }, nullable: false, primaryKey: true, default: { kind: 'random-uuid' } });
    expect(table.columns.find((c) => c.name === 'title')).toEqual({
      name: 'title', type: { kind: 'varchar', length: 200 }, nullable: true, fieldId: 'f1', indexed: true,
    });
    expect(table.columns.find((c) => c.name === 'amount')?.type).toEqual({ kind: 'numeric', precision: 18, scale: 2 });
  });

  it('gives relations a foreign key and an index', () => {
    expect(table.foreignKeys).toEqual([
      { name: 'deal_customer_fkey', column: 'customer', references: { schema: 'app_crm', table: 'customer', column: 'id' }, onDelete: 'set-null' },
    ]);
    expect(table.indexes).toEqual([
      { name: 'deal_created_at_id_idx', columns: ['created_at', 'id'], unique: false },
      { name: 'deal_title_idx', columns: ['title'], unique: false },
      { name: 'deal_code_key', columns: ['code'], unique: true },
      { name: 'deal_customer_idx', columns: ['customer'], unique: false },
    ]);
  });
});

describe('entityToTable: soft deletion', () => {
  it('adds a nullable deleted_at after the system columns only when the entity asks for it', () => {
    const soft = entityToTable({ ...deal, 'x-soft-delete': true }, createFieldTypeRegistry(), { schema: 'app_crm' });
    expect(soft.columns.find((c) => c.name === 'deleted_at')).toEqual({ name: 'deleted_at', type: { kind: 'timestamptz' }, nullable: true });
    expect(soft.columns.map((c) => c.name).indexOf('deleted_at')).toBe(6);
    const plain = entityToTable(deal, createFieldTypeRegistry(), { schema: 'app_crm' });
    expect(plain.columns.some((c) => c.name === 'deleted_at')).toBe(false);
  });
});

describe('identifierName', () => {
  it('keeps short names readable', () => {
    expect(identifierName(['deal', 'title'], 'idx')).toBe('deal_title_idx');
  });

  it('shortens long names to 63 bytes with a stable hash', () => {
    const long = identifierName(['a'.repeat(40), 'b'.repeat(40)], 'idx');
    expect(new TextEncoder().encode(long).length).toBeLessThanOrEqual(63);
    expect(long).toBe('aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa_bbbbbbbbb_d778834a_idx');
    expect(identifierName(['a'.repeat(40), 'b'.repeat(40)], 'idx')).toBe(long);
    expect(identifierName(['a'.repeat(40), 'c'.repeat(40)], 'idx')).not.toBe(long);
  });

  it('counts bytes, not characters', () => {
    const name = identifierName(['客户'.repeat(10), '名称'.repeat(5)], 'key');
    expect(new TextEncoder().encode(name).length).toBeLessThanOrEqual(63);
  });
});
