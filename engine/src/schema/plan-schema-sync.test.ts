import type { EntityDefinition, FieldDefinition } from '@tessera/metadata';
import { createFieldTypeRegistry } from '../field-types/field-type-registry';
import { entityToTable } from './entity-to-table';
import { planSchemaSync } from './plan-schema-sync';

const registry = createFieldTypeRegistry();
const customer: EntityDefinition = {
  type: 'object',
  'x-name': 'customer',
  'x-plural': 'customers',
  'x-label': { en: 'Customer' },
  properties: {
    name: { 'x-id': 'c1', 'x-type': 'text', 'x-label': { en: 'Name' }, maxLength: 120, 'x-unique': true },
  },
};
const contact: EntityDefinition = {
  type: 'object',
  'x-name': 'contact',
  'x-plural': 'contacts',
  'x-label': { en: 'Contact' },
  properties: {
    customer: { 'x-id': 'k1', 'x-type': 'relation', 'x-label': { en: 'Customer' }, 'x-relation': { entity: 'customer', kind: 'many-to-one' } },
  },
};
const tables = (...entities: EntityDefinition[]) => entities.map((e) => entityToTable(e, registry, { schema: 'app_crm' }));
const withField = (entity: EntityDefinition, name: string, field: FieldDefinition): EntityDefinition => ({
  ...entity,
  properties: { ...entity.properties, [name]: field },
});

describe('planSchemaSync', () => {
  it('plans nothing when nothing changed', () => {
    expect(planSchemaSync(tables(customer, contact), tables(customer, contact))).toEqual({ steps: [] });
  });

  it('creates schema, tables, then foreign keys, then indexes', () => {
    const { steps } = planSchemaSync([], tables(contact, customer));
    expect(steps.map((s) => s.kind)).toEqual(['create-schema', 'create-table', 'create-table', 'add-foreign-key', 'add-index', 'add-index', 'add-index', 'add-index']);
    expect(steps.every((s) => s.safe)).toBe(true);
    const sql = steps.flatMap((s) => ('sql' in s ? s.sql : []));
    expect(sql).toEqual([
      'create schema if not exists "app_crm"',
      'create table "app_crm"."contact" ("id" uuid not null default gen_random_uuid(), "created_at" timestamptz not null default now(), ' +
        '"updated_at" timestamptz not null default now(), "created_by" uuid, "owner" uuid, "version" integer not null default \'1\', ' +
        '"customer" uuid, constraint "contact_pkey" primary key ("id"))',
      'create table "app_crm"."customer" ("id" uuid not null default gen_random_uuid(), "created_at" timestamptz not null default now(), ' +
        '"updated_at" timestamptz not null default now(), "created_by" uuid, "owner" uuid, "version" integer not null default \'1\', ' +
        '"name" varchar(120), constraint "customer_pkey" primary key ("id"))',
      'alter table "app_crm"."contact" add constraint "contact_customer_fkey" foreign key ("customer") references "app_crm"."customer" ("id") on delete RESTRICT',
      'create index "contact_created_at_id_idx" on "app_crm"."contact" ("created_at", "id")',
      'create index "contact_customer_idx" on "app_crm"."contact" ("customer")',
      'create index "customer_created_at_id_idx" on "app_crm"."customer" ("created_at", "id")',
      'create unique index "customer_name_key" on "app_crm"."customer" ("name")',
    ]);
  });

  it('adds one column for a new field', () => {
    const next = withField(customer, 'revenue', { 'x-id': 'c2', 'x-type': 'currency', 'x-label': { en: 'Revenue' } });
    expect(planSchemaSync(tables(customer), tables(next)).steps).toEqual([
      {
        kind: 'add-column',
        safe: true,
        description: 'Add column app_crm.customer.revenue',
        sql: ['alter table "app_crm"."customer" add column "revenue" decimal(18, 2)'],
      },
    ]);
  });

  it('makes no DDL for a label-only change', () => {
    const relabeled: EntityDefinition = {
      ...customer,
      'x-label': { en: 'Client', zh: '客户' },
      properties: { name: { ...customer.properties.name, 'x-label': { en: 'Company name' }, description: 'Legal name' } },
    };
    expect(planSchemaSync(tables(customer), tables(relabeled)).steps).toEqual([]);
  });

  it('adds an index when a field becomes indexed', () => {
    const next = withField(customer, 'name', { ...customer.properties.name, 'x-unique': false, 'x-indexed': true });
    const kinds = planSchemaSync(tables(customer), tables(next)).steps.map((s) => [s.kind, s.safe]);
    expect(kinds).toEqual([['add-index', true], ['unsupported', false]]);
  });

  it('lists drops, renames and type changes as unsupported instead of planning them', () => {
    const { name: _dropped, ...rest } = customer.properties;
    const renamed: EntityDefinition = { ...customer, properties: { company: customer.properties.name } };
    const retyped = withField(customer, 'name', { ...customer.properties.name, maxLength: undefined });
    expect(planSchemaSync(tables(customer), tables({ ...customer, properties: rest })).steps.map((s) => s.description)).toEqual([
      'Drop column app_crm.customer.name: not supported by the additive planner yet; the data is left as it is',
      'Drop index customer_name_key on app_crm.customer: not supported by the additive planner yet; the data is left as it is',
    ]);
    const renameSteps = planSchemaSync(tables(customer), tables(renamed)).steps;
    expect(renameSteps.filter((s) => s.kind !== 'unsupported')).toEqual([expect.objectContaining({ kind: 'add-index' })]);
    expect(renameSteps.map((s) => s.description)).toContain(
      'Rename column app_crm.customer.name to company (field c1): not supported by the additive planner yet; the data is left as it is',
    );
    expect(planSchemaSync(tables(customer), tables(retyped)).steps).toEqual([
      expect.objectContaining({ kind: 'unsupported', safe: false, description: expect.stringContaining('Change column app_crm.customer.name from varchar 120 null to text null') }),
    ]);
    expect(planSchemaSync(tables(customer, contact), tables(customer)).steps).toEqual([
      expect.objectContaining({ kind: 'unsupported', description: expect.stringContaining('Drop table app_crm.contact') }),
    ]);
  });
});
