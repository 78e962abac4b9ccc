import type { AppDefinition, EntityDefinition } from '@tessera/metadata';
import { createFieldTypeRegistry } from '../field-types/field-type-registry';
import { entityToTable } from '../schema/entity-to-table';
import { planMigration } from './plan-migration';

const registry = createFieldTypeRegistry();
const label = (en: string) => ({ en });
const tag: EntityDefinition = { type: 'object', 'x-name': 'tag', 'x-plural': 'tags', 'x-label': label('Tag'), properties: { name: { 'x-id': 'f_tname', 'x-type': 'text', 'x-label': label('Name') } } };
const dealWith = (props: EntityDefinition['properties'], name = 'deal'): EntityDefinition => ({
  type: 'object', 'x-id': 'e_deal', 'x-name': name, 'x-plural': `${name}s`, 'x-label': label('Deal'),
  properties: { title: { 'x-id': 'f_title', 'x-type': 'text', 'x-label': label('Title') }, ...props },
});
const tags = { 'x-id': 'f_tags', 'x-type': 'relation', 'x-label': label('Tags'), 'x-relation': { entity: 'tag', kind: 'many-to-many' as const } };
const contacts = { 'x-id': 'f_contacts', 'x-type': 'relation', 'x-label': label('Contacts'), 'x-relation': { entity: 'contact', kind: 'one-to-many' as const, field: 'deal' } };
const app = (...entities: EntityDefinition[]): AppDefinition => ({ name: 'crm', label: label('CRM'), entities, layouts: [] });
const v1 = app(tag, dealWith({}));

describe('many-to-many and one-to-many in the plan', () => {
  it('neither kind has a column on the entity table', () => {
    const table = entityToTable(dealWith({ tags, contacts }), registry, { schema: 'app_crm' });
    expect(table.columns.map((c) => c.name)).not.toContain('tags');
    expect(table.columns.map((c) => c.name)).not.toContain('contacts');
    expect(table.foreignKeys).toEqual([]);
  });

  it('adding a many-to-many creates its join table with a composite key, cascading keys and a reverse index', () => {
    const { steps, blockers } = planMigration(v1, app(tag, dealWith({ tags })), registry);
    expect(blockers).toEqual([]);
    expect(steps.map((s) => [s.kind, s.sql])).toEqual([
      ['create-table', ['create table "app_crm"."deal__tags" ("left_id" uuid not null, "right_id" uuid not null, constraint "deal__tags_pkey" primary key ("left_id", "right_id"))']],
      ['add-foreign-key', ['alter table "app_crm"."deal__tags" add constraint "deal__tags_left_id_fkey" foreign key ("left_id") references "app_crm"."deal" ("id") on delete CASCADE']],
      ['add-foreign-key', ['alter table "app_crm"."deal__tags" add constraint "deal__tags_right_id_fkey" foreign key ("right_id") references "app_crm"."tag" ("id") on delete CASCADE']],
      ['add-index', ['create index "deal__tags_right_id_idx" on "app_crm"."deal__tags" ("right_id")']],
    ]);
    expect(steps.every((s) => s.safe && s.fieldId === 'f_tags')).toBe(true);
  });

  it('a fresh install creates join tables after the tables they reference', () => {
    const kinds = planMigration(null, app(tag, dealWith({ tags })), registry).steps.map((s) => `${s.kind}:${s.description}`);
    expect(kinds.indexOf('create-table:Create join table deal__tags')).toBeGreaterThan(kinds.indexOf('create-table:Create table deal'));
  });

  it('removing the field archives the join table (destructive); removing the entity archives it before the entity', () => {
    const removed = planMigration(app(tag, dealWith({ tags })), v1, registry, { archiveTag: 'v2' });
    expect(removed.steps.map((s) => [s.kind, s.destructive, s.sql])).toEqual([
      ['create-schema', false, ['create schema if not exists "app_crm_archive"']],
      ['archive-table', true, ['create table "app_crm_archive"."deal__tags__v2" as table "app_crm"."deal__tags"', 'drop table "app_crm"."deal__tags"']],
    ]);
    expect(removed.blockers).toHaveLength(1);
    const dropped = planMigration(app(tag, dealWith({ tags })), app(tag), registry, { confirmDestructive: true, archiveTag: 'v2' });
    expect(dropped.steps.filter((s) => s.kind === 'archive-table').map((s) => s.description)).toEqual([
      'Archive join table deal__tags into "app_crm_archive"."deal__tags__v2", then drop it',
      'Archive table deal into "app_crm_archive"."deal__v2", then drop it',
    ]);
  });

  it('renaming the entity or the field renames the join table; plan(v, v) is empty', () => {
    const v2 = app(tag, dealWith({ tags }));
    expect(planMigration(v2, v2, registry).steps).toEqual([]);
    const renamed = planMigration(v2, app(tag, dealWith({ labels: tags }, 'deal')), registry);
    expect(renamed.steps.map((s) => s.sql)).toEqual([['alter table "app_crm"."deal__tags" rename to "deal__labels"']]);
    const entityRenamed = planMigration(v2, app(tag, dealWith({ tags }, 'opportunity')), registry).steps.filter((s) => s.description.includes('join'));
    expect(entityRenamed.map((s) => s.sql)).toEqual([['alter table "app_crm"."deal__tags" rename to "opportunity__tags"']]);
  });
});
