import type { AppDefinition, EntityDefinition } from '@tessera/metadata';
import { createFieldTypeRegistry } from '../field-types/field-type-registry';
import { planMigration } from '../migration/plan-migration';
import { entityToTable } from './entity-to-table';
import { addIndexSql } from './table-to-sql';

const registry = createFieldTypeRegistry();
const label = (en: string) => ({ en });
const customer = (indexes?: string[][]): EntityDefinition => ({
  type: 'object', 'x-id': 'e_customer', 'x-name': 'customer', 'x-plural': 'customers', 'x-label': label('Customer'),
  ...(indexes ? { 'x-indexes': indexes } : {}),
  properties: {
    industry: { 'x-id': 'f_industry', 'x-type': 'text', 'x-label': label('Industry'), 'x-indexed': true },
    level: { 'x-id': 'f_level', 'x-type': 'text', 'x-label': label('Level') },
    revenue: { 'x-id': 'f_revenue', 'x-type': 'number', 'x-label': label('Revenue') },
  },
});
const app = (indexes?: string[][]): AppDefinition => ({ name: 'crm', label: label('CRM'), entities: [customer(indexes)], layouts: [] });

describe('x-indexes → composite indexes', () => {
  it('becomes an index whose descending nullable columns sort NULLs last, as `sort=-column` does', () => {
    const table = entityToTable(customer([['industry', 'level', '-revenue', '-id']]), registry, { schema: 'app_crm' });
    const index = table.indexes.find((i) => i.columns.length === 4)!;
    expect(index).toEqual({ name: 'customer_industry_level_revenue_desc_id_desc_idx', columns: ['industry', 'level', 'revenue', 'id'], unique: false, descending: ['revenue', 'id'] });
    expect(addIndexSql(table, index)).toEqual(['create index "customer_industry_level_revenue_desc_id_desc_idx" on "app_crm"."customer" ("industry", "level", "revenue" desc nulls last, "id" desc)']);
  });

  it('an ascending composite index goes through the plain index builder', () => {
    const table = entityToTable(customer([['industry', 'revenue']]), registry, { schema: 'app_crm' });
    const index = table.indexes.find((i) => i.columns.length === 2 && i.columns[1] === 'revenue')!;
    expect(addIndexSql(table, index)[0]).toMatch(/^create index "customer_industry_revenue_idx" on "app_crm"\."customer" \("industry", "revenue"\)$/);
  });

  it('the migration planner adds a new one, drops a removed one, and replaces one whose order changed', () => {
    const add = planMigration(app(), app([['industry', '-revenue']]), registry);
    expect(add.steps.map((s) => [s.kind, s.safe])).toEqual([['add-index', true]]);
    const drop = planMigration(app([['industry', '-revenue']]), app(), registry);
    expect(drop.steps.map((s) => s.kind)).toEqual(['drop-index']);
    const flip = planMigration(app([['industry', '-revenue']]), app([['industry', 'revenue']]), registry);
    expect(flip.steps.map((s) => s.kind).sort()).toEqual(['add-index', 'drop-index']);
    expect(planMigration(app([['industry', '-revenue']]), app([['industry', '-revenue']]), registry).steps).toEqual([]);
  });
});
