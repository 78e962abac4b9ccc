import type { AppDefinition, EntityDefinition, RelationKind } from '@tessera/metadata';
import { createFieldTypeRegistry } from '../field-types/field-type-registry';
import { planMigration } from './plan-migration';

const registry = createFieldTypeRegistry();
const label = (en: string) => ({ en });
const tag = { archiveTag: 'v2', confirmDestructive: true };

const app = (kind: RelationKind, target = 'customer', name = 'customer'): AppDefinition => {
  const relation = kind === 'one-to-many' ? { entity: 'contact', kind, field: 'company' } : { entity: target, kind };
  const deal: EntityDefinition = {
    type: 'object', 'x-id': 'e_deal', 'x-name': 'deal', 'x-plural': 'deals', 'x-label': label('Deal'),
    properties: { title: { 'x-id': 'f_title', 'x-type': 'text', 'x-label': label('Title') }, [name]: { 'x-id': 'f_link', 'x-type': 'relation', 'x-label': label('Link'), 'x-relation': relation } },
  };
  const simple = (x: string): EntityDefinition => ({ type: 'object', 'x-id': `e_${x}`, 'x-name': x, 'x-plural': `${x}s`, 'x-label': label(x), properties: { name: { 'x-id': `f_${x}_name`, 'x-type': 'text', 'x-label': label('Name') } } });
  const contact: EntityDefinition = { ...simple('contact'), properties: { ...simple('contact').properties, company: { 'x-id': 'f_company', 'x-type': 'relation', 'x-label': label('Company'), 'x-relation': { entity: 'deal', kind: 'many-to-one' } } } };
  return { name: 'crm', label: label('CRM'), entities: [simple('customer'), simple('partner'), deal, contact], layouts: [] };
};
const steps = (from: AppDefinition, to: AppDefinition) => planMigration(from, to, registry, tag);

describe('planMigration: relation kind changes', () => {
  it('many-to-one → many-to-many archives the column, creates the join table and copies every (id, value) into it', () => {
    const plan = steps(app('many-to-one'), app('many-to-many'));
    expect(plan.blockers).toEqual([]);
    expect(plan.steps.map((s) => s.kind)).toEqual(['create-schema', 'drop-foreign-key', 'drop-index', 'archive-column', 'create-table', 'copy-links', 'add-foreign-key', 'add-foreign-key', 'add-index']);
    const copy = plan.steps.find((s) => s.kind === 'copy-links')!;
    expect(copy).toMatchObject({ fieldId: 'f_link', destructive: false, sql: ['insert into "app_crm"."deal__customer" (left_id, right_id) select id, value from "app_crm_archive"."deal__customer__v2"'] });
    expect(plan.steps.find((s) => s.kind === 'archive-column')!.sql[0]).toContain('create table "app_crm_archive"."deal__customer__v2" as select id, "customer" as value');
    // The column is still archived: destructive, so it needs confirmation.
    expect(planMigration(app('many-to-one'), app('many-to-many'), registry, { archiveTag: 'v2' }).blockers[0]).toMatch(/destructive step\(s\) need confirmation/);
  });

  it('many-to-many → many-to-one archives the join table and copies the single link, prechecking records with several', () => {
    const plan = steps(app('many-to-many'), app('many-to-one'));
    expect(plan.blockers).toEqual([]);
    expect(plan.steps.map((s) => s.kind)).toEqual(['create-schema', 'archive-table', 'add-column', 'copy-links', 'add-foreign-key', 'add-index']);
    const copy = plan.steps.find((s) => s.kind === 'copy-links')!;
    expect(copy.sql).toEqual(['update "app_crm"."deal" as t set "customer" = a.right_id from "app_crm_archive"."deal__customer__v2" as a where a.left_id = t.id']);
    expect(copy.checks).toEqual([{
      description: 'Records of deal with more than one customer link',
      sql: 'select count(*)::int as count, (array_agg(left_id::text order by left_id))[1:5] as samples from (select left_id from "app_crm_archive"."deal__customer__v2" group by left_id having count(*) > 1) as several',
      failure: 'Some deal records have more than one customer link, and a many-to-one keeps one; remove the extra links first.',
    }]);
  });

  it('follows a rename made together with the kind change', () => {
    const copy = steps(app('many-to-one'), app('many-to-many', 'customer', 'customers')).steps.find((s) => s.kind === 'copy-links')!;
    expect(copy.sql).toEqual(['insert into "app_crm"."deal__customers" (left_id, right_id) select id, value from "app_crm_archive"."deal__customer__v2"']);
  });

  it('refuses a kind and target change at once', () => {
    expect(steps(app('many-to-one'), app('many-to-many', 'partner')).blockers).toEqual([
      'The field deal.customer changes from many-to-one to many-to-many and from customer to partner at once; its links cannot follow a new target. Change the kind and the target in two publishes.',
    ]);
  });

  it('to or from one-to-many (no storage) only archives or creates storage, with nothing to copy', () => {
    expect(steps(app('many-to-one'), app('one-to-many')).steps.map((s) => s.kind)).toEqual(['create-schema', 'drop-foreign-key', 'drop-index', 'archive-column']);
    expect(steps(app('one-to-many'), app('many-to-many')).steps.map((s) => s.kind)).toEqual(['create-table', 'add-foreign-key', 'add-foreign-key', 'add-index']);
    expect(steps(app('many-to-many'), app('one-to-many')).steps.map((s) => s.kind)).toEqual(['create-schema', 'archive-table']);
    expect(steps(app('one-to-many'), app('many-to-one')).blockers).toEqual([]);
  });
});
