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

describe('x-indexes object form → composite unique indexes', () => {
  const contact = (indexes: EntityDefinition['x-indexes'], softDelete = false): EntityDefinition => ({
    type: 'object', 'x-id': 'e_contact', 'x-name': 'contact', 'x-plural': 'contacts', 'x-label': label('Contact'),
    ...(softDelete ? { 'x-soft-delete': true } : {}),
    ...(indexes ? { 'x-indexes': indexes } : {}),
    properties: {
      customer: { 'x-id': 'f_customer', 'x-type': 'text', 'x-label': label('Customer') },
      email: { 'x-id': 'f_email', 'x-type': 'text', 'x-label': label('Email') },
    },
  });
  const contacts = (indexes?: EntityDefinition['x-indexes'], softDelete = false): AppDefinition => ({ name: 'crm', label: label('CRM'), entities: [contact(indexes, softDelete)], layouts: [] });
  const unique = { columns: ['customer', 'email'], unique: true };

  it('is a unique index named _key; on a soft-delete entity it covers live records only', () => {
    const plain = entityToTable(contact([unique]), registry, { schema: 'app_crm' }).indexes.at(-1)!;
    expect(plain).toEqual({ name: 'contact_customer_email_key', columns: ['customer', 'email'], unique: true });
    const soft = entityToTable(contact([unique], true), registry, { schema: 'app_crm' });
    const index = soft.indexes.at(-1)!;
    expect(index.whereNull).toEqual(['deleted_at']);
    expect(addIndexSql(soft, index)).toEqual(['create unique index "contact_customer_email_key" on "app_crm"."contact" ("customer", "email") where "deleted_at" is null']);
    // The object form without unique is the array form; a name is kept as given.
    expect(entityToTable(contact([{ columns: ['customer', 'email'], name: 'contact_lookup' }]), registry, { schema: 'app_crm' }).indexes.at(-1)).toEqual({ name: 'contact_lookup', columns: ['customer', 'email'], unique: false });
  });

  it('adding one prechecks duplicate groups with values, counts and ids; dropping it is safe', () => {
    const [step] = planMigration(contacts(), contacts([unique], true), registry, { confirmDestructive: true }).steps.filter((s) => s.kind === 'add-index');
    expect(step).toMatchObject({ kind: 'add-index', safe: false, description: 'Add unique index contact_customer_email_key on contact' });
    expect(step.checks).toEqual([{
      description: 'Duplicate (customer, email) combinations in contact',
      failure: 'Some combinations of customer, email are shared by more than one live contact record; make them unique first.',
      sql: `select count(*)::int as count, (array_agg(grp order by grp))[1:5] as samples from (select 'customer=' || "customer"::text || ', ' || 'email=' || "email"::text || ': ' || count(*) || ' records (' || array_to_string((array_agg(id::text order by id))[1:3], ', ') || ')' as grp from "app_crm"."contact" where "customer" is not null and "email" is not null and "deleted_at" is null group by "customer", "email" having count(*) > 1) as duplicates`,
    }]);
    expect(planMigration(contacts([unique]), contacts(), registry).steps.map((s) => [s.kind, s.sql])).toEqual([['drop-index', ['drop index "app_crm"."contact_customer_email_key"']]]);
  });

  it('turning uniqueness on or soft deletion on replaces the index; a name change renames it; the same definition plans nothing', () => {
    expect(planMigration(contacts([['customer', 'email']]), contacts([unique]), registry).steps.map((s) => s.kind).sort()).toEqual(['add-index', 'drop-index']);
    const soft = planMigration(contacts([unique]), contacts([unique], true), registry).steps.map((s) => s.kind).sort();
    expect(soft).toEqual(['add-column', 'add-index', 'drop-index']);
    expect(planMigration(contacts([unique]), contacts([{ ...unique, name: 'contact_email_per_customer' }]), registry).steps.map((s) => [s.kind, s.sql])).toEqual([
      ['rename-index', ['alter index "app_crm"."contact_customer_email_key" rename to "contact_email_per_customer"']],
    ]);
    expect(planMigration(contacts([unique], true), contacts([unique], true), registry).steps).toEqual([]);
  });
});

describe('x-indexes where → conflict checks over open records (报备)', () => {
  const stage = { 'x-id': 'f_stage', 'x-type': 'select', 'x-label': label('Stage'), 'x-options': ['open', 'won', 'lost'].map((value) => ({ value, label: label(value) })) };
  const opportunity = (indexes?: EntityDefinition['x-indexes']): EntityDefinition => ({
    type: 'object', 'x-id': 'e_opp', 'x-name': 'opportunity', 'x-plural': 'opportunities', 'x-label': label('Opportunity'), 'x-soft-delete': true,
    ...(indexes ? { 'x-indexes': indexes } : {}),
    properties: {
      customer: { 'x-id': 'f_customer', 'x-type': 'text', 'x-label': label('Customer') },
      line: { 'x-id': 'f_line', 'x-type': 'text', 'x-label': label('Line') },
      stage: stage as never,
    },
  });
  const apps = (indexes?: EntityDefinition['x-indexes']): AppDefinition => ({ name: 'crm', label: label('CRM'), entities: [opportunity(indexes)], layouts: [] });
  const filing = { columns: ['customer', 'line'], unique: true, where: { field: 'stage', notIn: ['won', 'lost'] }, message: { en: 'Already filed', zh: '已有报备' } };

  it('is a partial unique index over live records outside the listed states (no stage yet counts as open), values quoted', () => {
    const table = entityToTable(opportunity([filing]), registry, { schema: 'app_crm' });
    const index = table.indexes.at(-1)!;
    expect(index).toMatchObject({ unique: true, whereNull: ['deleted_at'], whereValues: { column: 'stage', notIn: ['won', 'lost'] }, message: filing.message });
    expect(addIndexSql(table, index)).toEqual([`create unique index "opportunity_customer_line_key" on "app_crm"."opportunity" ("customer", "line") where "deleted_at" is null and ("stage" is null or "stage" not in ('won', 'lost'))`]);
    const among = entityToTable(opportunity([{ ...filing, where: { field: 'stage', in: ["o'pen"] } }]), registry, { schema: 'app_crm' }).indexes.at(-1)!;
    expect(addIndexSql(table, among)[0]).toMatch(/ and "stage" in \('o''pen'\)$/);
  });

  it('its precheck counts only the records it covers; changing the states replaces it, changing the message plans nothing', () => {
    const [step] = planMigration(apps(), apps([filing]), registry, { confirmDestructive: true }).steps.filter((s) => s.kind === 'add-index');
    expect(step.checks![0].sql).toContain(`where "customer" is not null and "line" is not null and "deleted_at" is null and ("stage" is null or "stage" not in ('won', 'lost')) group by`);
    const wider = planMigration(apps([filing]), apps([{ ...filing, where: { field: 'stage', notIn: ['lost'] } }]), registry, { confirmDestructive: true });
    expect(wider.steps.map((s) => s.kind).sort()).toEqual(['add-index', 'drop-index']);
    expect(planMigration(apps([filing]), apps([{ ...filing, message: { en: 'Filed already' } }]), registry).steps).toEqual([]);
  });
});
