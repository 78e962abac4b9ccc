import type { AppDefinition } from '@tessera/metadata';
import { createFieldTypeRegistry } from '../field-types/field-type-registry';
import { planMigration } from './plan-migration';

const registry = createFieldTypeRegistry();
const label = (en: string) => ({ en });

function app(opts: { rollup?: boolean; childName?: string } = {}): AppDefinition {
  const child = opts.childName ?? 'payment';
  return {
    name: 'crm',
    label: label('CRM'),
    layouts: [],
    entities: [
      {
        type: 'object', 'x-name': 'customer', 'x-plural': 'customers', 'x-label': label('Customer'),
        properties: {
          payments: { 'x-id': 'ps', 'x-type': 'relation', 'x-label': label('Payments'), 'x-relation': { entity: child, kind: 'one-to-many', field: 'customer' } },
          ...(opts.rollup === false ? {} : { total: { 'x-id': 'tot', 'x-type': 'rollup', 'x-label': label('Total'), 'x-rollup': { relation: 'payments', fn: 'sum', field: 'amount' } } }),
        },
      },
      {
        type: 'object', 'x-id': 'pay', 'x-name': child, 'x-plural': `${child}s`, 'x-label': label('Payment'),
        properties: {
          amount: { 'x-id': 'amt', 'x-type': 'currency', 'x-label': label('Amount') },
          customer: { 'x-id': 'cu', 'x-type': 'relation', 'x-label': label('Customer'), 'x-relation': { entity: 'customer', kind: 'many-to-one' } },
        },
      },
    ],
  };
}
const kinds = (from: AppDefinition | null, to: AppDefinition) => planMigration(from, to, registry, { confirmDestructive: true }).steps.map((s) => s.kind);

describe('planRollups', () => {
  it('creates the trigger last on install, with a default-0 column', () => {
    const plan = planMigration(null, app(), registry);
    expect(plan.steps.at(-1)).toMatchObject({ kind: 'create-rollup', fieldId: 'tot' });
    const sql = plan.steps.at(-1)!.sql.join('\n');
    expect(sql).toContain('create trigger "customer_total_rollup" after insert or update or delete on "app_crm"."payment"');
    expect(sql).toContain('coalesce(sum(c."amount"), 0)');
    expect(plan.steps.find((s) => s.kind === 'create-table' && s.description.includes('customer'))!.sql.join()).toMatch(/"total" decimal\(38, 10\) default '0'/);
  });

  it('plans nothing for the same app', () => {
    expect(planMigration(app(), app(), registry).steps).toEqual([]);
  });

  it('adds (with backfill) and drops the trigger with the field', () => {
    expect(kinds(app({ rollup: false }), app())).toEqual(['add-column', 'create-rollup']);
    expect(kinds(app(), app({ rollup: false }))).toEqual(['create-schema', 'drop-rollup', 'archive-column']);
  });

  it('re-creates the trigger when the child table is renamed, dropping it under the old name first', () => {
    const plan = planMigration(app(), app({ childName: 'receipt' }), registry);
    expect(plan.steps[0]).toMatchObject({ kind: 'drop-rollup', sql: ['drop trigger if exists "customer_total_rollup" on "app_crm"."payment"', 'drop function if exists "app_crm"."customer_total_rollup"()'] });
    expect(plan.steps.at(-1)!.sql[1]).toContain('on "app_crm"."receipt"');
  });
});
