import type { AppDefinition, EntityDefinition } from '@tessera/metadata';
import { entityToTable } from '../schema/entity-to-table';
import { addIndexSql, createTableSql } from '../schema/table-to-sql';
import { serverBuiltinFieldTypes } from '../server';
import { entityToValidator } from '../validation/entity-to-validator';
import { validateAppWithRegistry } from '../validation/validate-app-with-registry';
import { createFieldTypeRegistry } from './field-type-registry';
import { formulaFilterOperators } from './formula';

const label = { en: 'F' };
const options = [{ value: 'vip', label: { en: 'VIP' } }, { value: 'partner', label: { en: 'Partner' } }];
const account: EntityDefinition = {
  type: 'object',
  'x-name': 'account',
  'x-plural': 'accounts',
  'x-label': { en: 'Account' },
  properties: {
    notes: { 'x-id': 'f_notes', 'x-type': 'richtext', 'x-label': label },
    share: { 'x-id': 'f_share', 'x-type': 'percent', 'x-label': label },
    tags: { 'x-id': 'f_tags', 'x-type': 'multiselect', 'x-label': label, 'x-options': options },
    extra: { 'x-id': 'f_extra', 'x-type': 'json', 'x-label': label },
    manager: { 'x-id': 'f_manager', 'x-type': 'user', 'x-label': label },
    code: { 'x-id': 'f_code', 'x-type': 'autonumber', 'x-label': label, 'x-format': 'ACC-{0000}' },
    revenue: { 'x-id': 'f_revenue', 'x-type': 'currency', 'x-label': label },
    weighted: { 'x-id': 'f_weighted', 'x-type': 'formula', 'x-label': label, 'x-formula': 'revenue * share / 100', 'x-formula-type': 'number' },
    band: { 'x-id': 'f_band', 'x-type': 'formula', 'x-label': label, 'x-formula': 'revenue > 1000 ? "A" : "B"', 'x-stored': true },
  },
};
const registry = createFieldTypeRegistry();
const app = (entity: EntityDefinition): AppDefinition => ({ name: 'crm', label: { en: 'CRM' }, entities: [entity], layouts: [] });

describe('the extended built-in field types in a table', () => {
  const table = entityToTable(account, registry, { schema: 'app_crm' });
  const column = (name: string) => table.columns.find((c) => c.name === name);

  it('maps each type to its column; a virtual formula has none, a stored one has its result type', () => {
    expect(column('notes')?.type).toEqual({ kind: 'text' });
    expect(column('share')?.type).toEqual({ kind: 'numeric', precision: 5, scale: 2 });
    expect(column('tags')?.type).toEqual({ kind: 'text-array' });
    expect(column('extra')?.type).toEqual({ kind: 'jsonb' });
    expect(column('manager')?.type).toEqual({ kind: 'uuid' });
    expect(column('code')).toMatchObject({ type: { kind: 'text' }, unique: true });
    expect(column('weighted')).toBeUndefined();
    expect(column('band')?.type).toEqual({ kind: 'text' });
  });

  it('indexes multiselect with GIN and makes autonumber unique, with no foreign key for users', () => {
    expect(table.indexes).toEqual([
      { name: 'account_created_at_id_idx', columns: ['created_at', 'id'], unique: false },
      { name: 'account_tags_idx', columns: ['tags'], unique: false, method: 'gin' },
      { name: 'account_code_key', columns: ['code'], unique: true },
    ]);
    expect(table.foreignKeys).toEqual([]);
    expect(addIndexSql(table, table.indexes[1])).toEqual(['create index "account_tags_idx" on "app_crm"."account" using gin ("tags")']);
  });

  it('creates text[] and jsonb columns', () => {
    const [sql] = createTableSql(table);
    expect(sql).toContain('"tags" text[]');
    expect(sql).toContain('"extra" jsonb');
    expect(sql).toContain('"share" decimal(5, 2)');
  });
});

describe('the extended field types in the validator', () => {
  const validate = entityToValidator(account, registry);

  it('accepts good values', () => {
    expect(validate({ share: 12.5, tags: ['vip'], extra: { a: [1] }, manager: '5b8e7a3c-1f0e-4c55-9d42-0c8f6b2f8a11', notes: '<p>Hi</p>' }, 'create')).toMatchObject({ ok: true });
  });

  it('rejects a percent over 100, unknown or repeated multiselect values, and a user that is not an id', () => {
    const result = validate({ share: 120, tags: ['vip', 'vip', 'gold'], manager: 'bob' }, 'create');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.map((e) => `${e.field}:${e.rule}`).sort()).toEqual(['manager:format', 'share:maximum', 'tags:enum', 'tags:uniqueItems'].sort());
  });
});

describe('the extended field types at publish', () => {
  it('accepts the account entity', () => {
    expect(validateAppWithRegistry(app(account), registry)).toMatchObject({ ok: true });
  });

  it('rejects a formula reading an unknown field and an autonumber format without a sequence', () => {
    const broken: EntityDefinition = {
      ...account,
      properties: {
        ...account.properties,
        weighted: { ...account.properties.weighted, 'x-formula': 'revenue * rate' },
        code: { ...account.properties.code, 'x-format': 'ACC-{YYYY}' },
      },
    };
    const result = validateAppWithRegistry(app(broken), registry);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.map((e) => [e.pointer, e.code, e.message])).toEqual([
      ['/entities/0/properties/code', 'invalid-field', 'The field "code" of account: The format "ACC-{YYYY}" is not usable: It needs exactly one sequence part such as {0000}; it has 0.'],
      ['/entities/0/properties/weighted', 'invalid-field', 'The field "weighted" of account: The formula reads "rate", which is not a field of account.'],
    ]);
  });

  it('rejects a formula without an expression', () => {
    const { 'x-formula': _, ...noExpr } = account.properties.weighted;
    const result = validateAppWithRegistry(app({ ...account, properties: { ...account.properties, weighted: noExpr } }), registry);
    expect(result.ok).toBe(false);
  });
});

describe('filter operators', () => {
  it('are listed per type', () => {
    expect(registry.get('multiselect').filterOperators).toEqual(['containsAll', 'containsAny', 'isNull']);
    expect(registry.get('percent').filterOperators).toContain('between');
    expect(registry.get('text').filterOperators).toContain('startsWith');
    expect(registry.get('richtext').filterOperators).toEqual(['contains', 'isNull']);
  });

  it('follow a formula field result type, none when virtual', () => {
    expect(formulaFilterOperators(account.properties.weighted)).toEqual([]);
    expect(formulaFilterOperators(account.properties.band)).toContain('startsWith');
  });
});

describe('the server field types', () => {
  const richtext = createFieldTypeRegistry(serverBuiltinFieldTypes).get('richtext');

  it('sanitize rich text on the way into the database', () => {
    expect(richtext.toDb?.('<p onclick="x()">Hi<script>alert(1)</script> <a href="javascript:alert(1)">x</a></p>')).toBe('<p>Hi <a rel="noopener noreferrer">x</a></p>');
    expect(richtext.toDb?.('<a href="https://acme.cn" target="_blank">Acme</a>')).toBe('<a href="https://acme.cn" target="_blank" rel="noopener noreferrer">Acme</a>');
    expect(richtext.toDb?.(null)).toBeNull();
  });

  it('leave the browser-safe richtext without sanitizing', () => {
    expect(registry.get('richtext').toDb).toBeUndefined();
  });
});
