import type { AppDefinition, EntityDefinition, FieldDefinition } from '@tessera/metadata';
import { createFieldTypeRegistry } from '../field-types/field-type-registry';
import { planMigration } from './plan-migration';
import type { PlanMigrationOptions } from './migration-types';
import { planToSql } from './plan-to-sql';

const registry = createFieldTypeRegistry();
const label = (en: string) => ({ en });
const stage: FieldDefinition = { 'x-id': 'f_stage', 'x-type': 'select', 'x-label': label('Stage'), 'x-options': [{ value: 'open', label: label('Open') }, { value: 'won', label: label('Won') }, { value: 'lost', label: label('Lost') }] };
const customer: EntityDefinition = {
  type: 'object', 'x-id': 'e_customer', 'x-name': 'customer', 'x-plural': 'customers', 'x-label': label('Customer'),
  properties: { name: { 'x-id': 'f_name', 'x-type': 'text', 'x-label': label('Name') }, code: { 'x-id': 'f_code', 'x-type': 'text', 'x-label': label('Code') } },
};
const deal: EntityDefinition = {
  type: 'object', 'x-id': 'e_deal', 'x-name': 'deal', 'x-plural': 'deals', 'x-label': label('Deal'),
  properties: {
    title: { 'x-id': 'f_title', 'x-type': 'text', 'x-label': label('Title') },
    amount: { 'x-id': 'f_amount', 'x-type': 'text', 'x-label': label('Amount') },
    stage,
    customer: { 'x-id': 'f_customer', 'x-type': 'relation', 'x-label': label('Customer'), 'x-relation': { entity: 'customer', kind: 'many-to-one' } },
  },
};
const v1: AppDefinition = { name: 'crm', label: label('CRM'), entities: [customer, deal], layouts: [] };

const withDeal = (change: (d: EntityDefinition) => EntityDefinition, app = v1): AppDefinition => ({ ...app, entities: app.entities.map((e) => (e['x-name'] === 'deal' ? change(structuredClone(e)) : e)) });
const plan = (to: AppDefinition, opts?: PlanMigrationOptions) => planMigration(v1, to, registry, opts);
const kinds = (to: AppDefinition, opts?: PlanMigrationOptions) => plan(to, opts).steps.map((s) => s.kind);

describe('planMigration', () => {
  it('creates the schema, tables, foreign keys and indexes on a fresh install', () => {
    const { steps, blockers } = planMigration(null, v1, registry);
    expect(steps.map((s) => `${s.kind}:${s.description}`)).toEqual([
      'create-schema:Create schema app_crm',
      'create-table:Create table customer',
      'create-table:Create table deal',
      'add-foreign-key:Add foreign key deal_customer_fkey on deal.customer (on delete restrict)',
      'add-index:Add index customer_created_at_id_idx on customer',
      'add-index:Add index deal_created_at_id_idx on deal',
      'add-index:Add index deal_customer_idx on deal',
    ]);
    expect(steps.every((s) => s.safe && !s.destructive)).toBe(true);
    expect(blockers).toEqual([]);
  });

  it('plans nothing between a version and itself, or for label-only edits', () => {
    expect(planMigration(v1, v1, registry)).toEqual({ steps: [], blockers: [] });
    const relabelled = withDeal((d) => {
      d['x-label'] = label('Opportunity');
      d.properties.title['x-label'] = { en: 'Name', zh: '名称' };
      d.properties.stage['x-options']![0].label = label('Open!');
      return d;
    });
    expect(plan(relabelled)).toEqual({ steps: [], blockers: [] });
  });

  it('adds a column, safely', () => {
    const { steps } = plan(withDeal((d) => ({ ...d, properties: { ...d.properties, notes: { 'x-id': 'f_notes', 'x-type': 'textarea', 'x-label': label('Notes') } } })));
    expect(steps).toEqual([{ kind: 'add-column', safe: true, destructive: false, fieldId: 'f_notes', description: 'Add column deal.notes', sql: ['alter table "app_crm"."deal" add column "notes" text'] }]);
  });

  it('adds deleted_at when an entity turns soft deletion on, and archives it when turned off', () => {
    const soft = withDeal((d) => ({ ...d, 'x-soft-delete': true }));
    expect(plan(soft).steps).toEqual([{ kind: 'add-column', safe: true, destructive: false, description: 'Add column deal.deleted_at', sql: ['alter table "app_crm"."deal" add column "deleted_at" timestamptz'] }]);
    const back = planMigration(soft, v1, registry);
    expect(back.steps.map((s) => s.kind)).toEqual(['create-schema', 'archive-column']);
    expect(back.blockers).toHaveLength(1);
  });

  it('renames a column with the same field id instead of dropping it', () => {
    const renamed = withDeal((d) => {
      const { title, ...rest } = d.properties;
      return { ...d, properties: { name: title, ...rest } };
    });
    expect(plan(renamed).steps).toEqual([
      { kind: 'rename-column', safe: true, destructive: false, fieldId: 'f_title', description: 'Rename column deal.title to name (field f_title); the data stays', sql: ['alter table "app_crm"."deal" rename column "title" to "name"'] },
    ]);
  });

  it('renames a table with the same entity id, and its index and foreign key', () => {
    const renamed = withDeal((d) => ({ ...d, 'x-name': 'opportunity', 'x-plural': 'opportunities' }));
    expect(plan(renamed).steps.map((s) => s.sql)).toEqual([
      ['alter table "app_crm"."deal" rename to "opportunity"'],
      ['alter index "app_crm"."deal_created_at_id_idx" rename to "opportunity_created_at_id_idx"'],
      ['alter index "app_crm"."deal_customer_idx" rename to "opportunity_customer_idx"'],
      ['alter table "app_crm"."opportunity" rename constraint "deal_customer_fkey" to "opportunity_customer_fkey"'],
    ]);
  });

  it('archives a dropped column, and blocks until destruction is confirmed', () => {
    const dropped = withDeal((d) => {
      delete d.properties.title;
      return d;
    });
    const unconfirmed = plan(dropped, { archiveTag: 'v2' });
    expect(unconfirmed.steps).toEqual([
      { kind: 'create-schema', safe: true, destructive: false, description: 'Create archive schema app_crm_archive', sql: ['create schema if not exists "app_crm_archive"'] },
      {
        kind: 'archive-column', safe: false, destructive: true, fieldId: 'f_title',
        description: 'Archive column deal.title into "app_crm_archive"."deal__title__v2", then drop it',
        sql: [
          'create table "app_crm_archive"."deal__title__v2" as select id, "title" as value from "app_crm"."deal" where "title" is not null',
          'alter table "app_crm"."deal" drop column "title"',
        ],
      },
    ]);
    expect(unconfirmed.blockers).toEqual([expect.stringContaining('1 destructive step(s) need confirmation')]);
    expect(plan(dropped, { archiveTag: 'v2', confirmDestructive: true }).blockers).toEqual([]);
  });

  it('archives a dropped entity as a plain copy in the archive schema, then drops it', () => {
    const { steps } = plan({ ...v1, entities: [customer] }, { archiveTag: 'v2', confirmDestructive: true });
    expect(steps.map((s) => [s.kind, s.sql])).toEqual([
      ['create-schema', ['create schema if not exists "app_crm_archive"']],
      ['archive-table', ['create table "app_crm_archive"."deal__v2" as table "app_crm"."deal"', 'drop table "app_crm"."deal"']],
    ]);
  });

  it('changes a column type with a cast and a precheck counting rows that would not convert', () => {
    const { steps } = plan(withDeal((d) => {
      d.properties.amount = { ...d.properties.amount, 'x-type': 'currency' };
      return d;
    }));
    expect(steps).toEqual([{
      kind: 'alter-column-type', safe: false, destructive: false, fieldId: 'f_amount',
      description: 'Change column deal.amount from text to numeric(18, 2)',
      sql: ['alter table "app_crm"."deal" alter column "amount" type numeric(18, 2) using "amount"::text::numeric(18, 2)'],
      checks: [{
        description: 'Rows of deal whose amount would not convert',
        sql: 'select count(*)::int as count, (array_agg(id::text order by id))[1:5] as samples from "app_crm"."deal" where "amount" is not null and (' + 'case when \"amount\"::text ~ \'^\\s*[+-]{0,1}([0-9]+\\.{0,1}[0-9]*|\\.[0-9]+)([eE][+-]{0,1}[0-9]{1,3}){0,1}\\s*$\' then abs(round(\"amount\"::text::numeric, 2)) >= 1e16 else true end' + ')',
        failure: expect.stringContaining('not a valid numeric(18, 2)'),
      }],
    }]);
  });

  it('flags a lossy cast as destructive and a widening one as safe', () => {
    const currency = withDeal((d) => ({ ...d, properties: { ...d.properties, amount: { ...d.properties.amount, 'x-type': 'currency' } } }));
    const scale0 = withDeal((d) => ({ ...d, properties: { ...d.properties, amount: { ...d.properties.amount, 'x-type': 'currency', 'x-scale': 0 } } }), currency);
    const [narrow] = planMigration(currency, scale0, registry).steps;
    expect(narrow).toMatchObject({ kind: 'alter-column-type', destructive: true, sql: ['alter table "app_crm"."deal" alter column "amount" type numeric(18, 0) using "amount"::numeric(18, 0)'] });
    const [widen] = planMigration(currency, withDeal((d) => ({ ...d, properties: { ...d.properties, amount: { ...d.properties.amount, 'x-type': 'currency', 'x-precision': 20 } } }), currency), registry).steps;
    expect(widen).toMatchObject({ safe: true, destructive: false });
    expect(widen.checks).toBeUndefined();
  });

  it('refuses a varchar shortening with a length precheck instead of truncating', () => {
    const [step] = plan(withDeal((d) => ({ ...d, properties: { ...d.properties, title: { ...d.properties.title, maxLength: 40 } } }))).steps;
    expect(step.sql).toEqual(['alter table "app_crm"."deal" alter column "title" type varchar(40) using "title"::text::varchar(40)']);
    expect(step.checks?.[0].sql).toContain('where "title" is not null and (length("title"::text) > 40)');
  });

  it('turns a select into a multiselect by wrapping each value in a list', () => {
    const steps = plan(withDeal((d) => ({ ...d, properties: { ...d.properties, stage: { ...stage, 'x-type': 'multiselect' } } }))).steps;
    expect(steps.map((s) => [s.kind, s.sql])).toEqual([
      ['alter-column-type', ['alter table "app_crm"."deal" alter column "stage" type text[] using case when "stage" is null then null else array["stage"::text] end']],
      ['add-index', ['create index "deal_stage_idx" on "app_crm"."deal" using gin ("stage")']],
    ]);
  });

  describe('removing select options', () => {
    const withoutLost = withDeal((d) => ({ ...d, properties: { ...d.properties, stage: { ...stage, 'x-options': stage['x-options']!.slice(0, 2) } } }));

    it('without a mapping, prechecks for records that use the removed value', () => {
      expect(plan(withoutLost).steps).toEqual([{
        kind: 'remap-select-values', safe: false, destructive: false, fieldId: 'f_stage',
        description: 'Remove option(s) "lost" of deal.stage',
        sql: [],
        checks: [{
          description: 'Rows of deal whose stage holds a removed option (lost)',
          sql: 'select count(*)::int as count, (array_agg(id::text order by id))[1:5] as samples from "app_crm"."deal" where "stage" in (\'lost\')',
          failure: 'Some deal records use the removed option(s) "lost" of stage; map them to a remaining option (valueMappings.f_stage).',
        }],
      }]);
    });

    it('with a mapping, moves the records and is destructive', () => {
      const { steps, blockers } = plan(withoutLost, { valueMappings: { f_stage: { lost: 'open' } } });
      expect(steps).toEqual([expect.objectContaining({ destructive: true, sql: ['update "app_crm"."deal" set "stage" = \'open\' where "stage" = \'lost\''] })]);
      expect(steps[0].checks).toBeUndefined();
      expect(blockers).toEqual([expect.stringContaining('need confirmation')]);
    });

    it('blocks a mapping to a value that is not an option', () => {
      expect(plan(withoutLost, { valueMappings: { f_stage: { lost: 'gone' } } }).blockers).toContain('Field f_stage maps the removed option "lost" to "gone", which is not one of its options.');
    });

    it('replaces values inside multiselect arrays without duplicating', () => {
      const tags = (values: string[]): FieldDefinition => ({ 'x-id': 'f_tags', 'x-type': 'multiselect', 'x-label': label('Tags'), 'x-options': values.map((value) => ({ value, label: label(value) })) });
      const from = withDeal((d) => ({ ...d, properties: { ...d.properties, tags: tags(['a', 'b', 'c']) } }));
      const to = withDeal((d) => ({ ...d, properties: { ...d.properties, tags: tags(['a', 'b']) } }));
      const [step] = planMigration(from, to, registry, { valueMappings: { f_tags: { c: 'a' } } }).steps;
      expect(step.sql).toEqual([`update "app_crm"."deal" set "tags" = case when "tags" @> array['a']::text[] then array_remove("tags", 'c') else array_replace("tags", 'c', 'a') end where "tags" @> array['c']::text[]`]);
    });
  });

  it('making a field required backfills empty rows, or prechecks them when no value is given', () => {
    const required = withDeal((d) => ({ ...d, required: ['title'] }));
    expect(plan(required, { backfills: { f_title: "Untitled 'deal'" } }).steps).toEqual([
      expect.objectContaining({ kind: 'set-required', sql: [`update "app_crm"."deal" set "title" = 'Untitled ''deal''' where "title" is null`] }),
    ]);
    const [step] = plan(required).steps;
    expect(step).toMatchObject({ kind: 'set-required', sql: [], safe: false });
    expect(step.checks?.[0].sql).toBe('select count(*)::int as count, (array_agg(id::text order by id))[1:5] as samples from "app_crm"."deal" where "title" is null');
  });

  it('adding a unique index on existing data lists duplicate values first', () => {
    const [step] = plan(withDeal((d) => ({ ...d, properties: { ...d.properties, title: { ...d.properties.title, 'x-unique': true } } }))).steps;
    expect(step).toMatchObject({ kind: 'add-index', safe: false, sql: ['create unique index "deal_title_key" on "app_crm"."deal" ("title")'] });
    expect(step.checks?.[0].sql).toBe('select count(*)::int as count, (array_agg(value order by value))[1:5] as samples from (select "title"::text as value from "app_crm"."deal" where "title" is not null group by "title" having count(*) > 1) as duplicates');
  });

  it('drops an index before anything else when uniqueness is removed', () => {
    const unique = withDeal((d) => ({ ...d, properties: { ...d.properties, title: { ...d.properties.title, 'x-unique': true } } }));
    expect(planMigration(unique, v1, registry).steps.map((s) => [s.kind, s.sql])).toEqual([['drop-index', ['drop index "app_crm"."deal_title_key"']]]);
  });

  it('changes a foreign key on-delete policy by dropping and re-adding it, with no precheck', () => {
    const steps = plan(withDeal((d) => ({ ...d, properties: { ...d.properties, customer: { ...d.properties.customer, 'x-relation': { entity: 'customer', kind: 'many-to-one', onDelete: 'cascade' } } } }))).steps;
    expect(steps.map((s) => [s.kind, s.sql])).toEqual([
      ['drop-foreign-key', ['alter table "app_crm"."deal" drop constraint "deal_customer_fkey"']],
      ['add-foreign-key', ['alter table "app_crm"."deal" add constraint "deal_customer_fkey" foreign key ("customer") references "app_crm"."customer" ("id") on delete CASCADE']],
    ]);
    expect(steps[1].checks).toBeUndefined();
  });

  it('pointing a relation at another entity prechecks orphaned references', () => {
    const account: EntityDefinition = { ...customer, 'x-id': 'e_account', 'x-name': 'account', 'x-plural': 'accounts' };
    const to = withDeal((d) => ({ ...d, properties: { ...d.properties, customer: { ...d.properties.customer, 'x-relation': { entity: 'account', kind: 'many-to-one' } } } }), { ...v1, entities: [customer, account, deal] });
    const steps = plan(to).steps;
    expect(steps.map((s) => s.kind)).toEqual(['drop-foreign-key', 'create-table', 'add-foreign-key', 'add-index']);
    expect(steps[2].checks?.[0].sql).toContain('not exists (select 1 from "app_crm"."account" as target where target.id = "app_crm"."deal"."customer")');
  });

  it('blocks a type change no cast can make', () => {
    const from = withDeal((d) => ({ ...d, properties: { ...d.properties, amount: { ...d.properties.amount, 'x-type': 'currency' } } }));
    const to = withDeal((d) => ({ ...d, properties: { ...d.properties, amount: { ...stage, 'x-id': 'f_amount', 'x-type': 'multiselect' } } }));
    expect(planMigration(from, to, registry).blockers).toEqual([expect.stringContaining('Cannot change column deal.amount from numeric(18, 2) to text[]')]);
  });

  it('orders steps so they can run in one transaction', () => {
    const to = withDeal((d) => {
      const { title, amount, ...rest } = d.properties;
      return { ...d, 'x-name': 'opportunity', 'x-plural': 'opportunities', properties: { name: title, ...rest, notes: { 'x-id': 'f_notes', 'x-type': 'text', 'x-label': label('Notes'), 'x-unique': true } } };
    });
    expect(kinds(to)).toEqual(['create-schema', 'rename-table', 'rename-index', 'rename-index', 'rename-foreign-key', 'rename-column', 'archive-column', 'add-column', 'add-index']);
    expect(planMigration(v1, to, registry)).toEqual(planMigration(v1, to, registry));
  });

  it('renders the plan as one SQL script', () => {
    const sql = planToSql(plan(withDeal((d) => ({ ...d, properties: { ...d.properties, amount: { ...d.properties.amount, 'x-type': 'number' } } }))));
    expect(sql).toBe([
      'begin;',
      '',
      '-- 1. alter-column-type [checked]: Change column deal.amount from text to numeric(18, 0)',
      '-- precheck: Rows of deal whose amount would not convert',
      `--   select count(*)::int as count, (array_agg(id::text order by id))[1:5] as samples from "app_crm"."deal" where "amount" is not null and (${'case when "amount"::text ~ \'^\\s*[+-]{0,1}([0-9]+\\.{0,1}[0-9]*|\\.[0-9]+)([eE][+-]{0,1}[0-9]{1,3}){0,1}\\s*$\' then abs(round("amount"::text::numeric, 0)) >= 1e18 else true end'});`,
      'alter table "app_crm"."deal" alter column "amount" type numeric(18, 0) using "amount"::text::numeric(18, 0);',
      '',
      'commit;',
      '',
    ].join('\n'));
    expect(planToSql({ steps: [], blockers: [] })).toBe('-- nothing to do\n');
  });
});
