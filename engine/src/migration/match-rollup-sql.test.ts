import type { AppDefinition } from '@tessera/metadata';
import { createFieldTypeRegistry } from '../field-types/field-type-registry';
import { planMigration } from './plan-migration';

const registry = createFieldTypeRegistry();
const label = (en: string) => ({ en });

function app(rollup: Record<string, unknown> | undefined): AppDefinition {
  return {
    name: 'crm', label: label('CRM'), layouts: [],
    entities: [
      {
        type: 'object', 'x-name': 'target', 'x-plural': 'targets', 'x-label': label('Target'),
        properties: {
          assignee: { 'x-id': 'as', 'x-type': 'user', 'x-label': label('Salesperson') },
          year: { 'x-id': 'y', 'x-type': 'number', 'x-label': label('Year') },
          month: { 'x-id': 'm', 'x-type': 'number', 'x-label': label('Month') },
          ...(rollup ? { achieved: { 'x-id': 'ach', 'x-type': 'rollup', 'x-label': label('Achieved'), 'x-rollup': rollup } } : {}),
        },
      },
      {
        type: 'object', 'x-name': 'payment', 'x-plural': 'payments', 'x-label': label('Payment'), 'x-soft-delete': true,
        properties: {
          amount: { 'x-id': 'amt', 'x-type': 'currency', 'x-label': label('Amount') },
          credited_to: { 'x-id': 'cr', 'x-type': 'user', 'x-label': label('Credited to') },
          received_on: { 'x-id': 'ro', 'x-type': 'date', 'x-label': label('Received on') },
        },
      },
    ],
  } as AppDefinition;
}
const monthly = { entity: 'payment', match: { field: 'credited_to', equals: 'assignee' }, period: { date: 'received_on', year: 'year', month: 'month' }, fn: 'sum', field: 'amount' };

describe('rollups over matching records (planned SQL)', () => {
  it('keeps the column with statement triggers on the children and a row trigger on the parent, then computes every row', () => {
    const step = planMigration(null, app(monthly), registry).steps.at(-1)!;
    expect(step).toMatchObject({ kind: 'create-rollup', fieldId: 'ach' });
    const [childFn, onInsert, onUpdate, onDelete, parentFn, parentTrigger, backfill] = step.sql;
    // The children: an update that changed no key, date, amount or deletion stops at the check.
    expect(childFn).toContain('join rollup_new n on n.id = o.id where not (n."credited_to" is not distinct from o."credited_to" and n."received_on" is not distinct from o."received_on" and n."amount" is not distinct from o."amount" and n."deleted_at" is not distinct from o."deleted_at")');
    // The targets the statement's old and new rows count for are locked in id order and recounted once.
    expect(childFn).toContain('exists (select 1 from rollup_old r where p."assignee" = r."credited_to" and p."year" = extract(year from r."received_on") and (p."month" is null or p."month" = extract(month from r."received_on")))');
    expect(childFn).toContain('order by p.id for update');
    expect([onInsert, onUpdate, onDelete]).toEqual([
      'create trigger "target_achieved_rollup" after insert on "app_crm"."payment" referencing new table as rollup_new for each statement execute function "app_crm"."target_achieved_rollup"()',
      'create trigger "target_achieved_rollup_upd" after update on "app_crm"."payment" referencing old table as rollup_old new table as rollup_new for each statement execute function "app_crm"."target_achieved_rollup"()',
      'create trigger "target_achieved_rollup_del" after delete on "app_crm"."payment" referencing old table as rollup_old for each statement execute function "app_crm"."target_achieved_rollup"()',
    ]);
    // A target counts the live payments dated in its month, or its whole year without one: a range on the date.
    expect(parentFn).toContain(`new."achieved" := (select coalesce(sum(c."amount"), 0) from "app_crm"."payment" c where c."credited_to" = new."assignee" and c."received_on" >= make_date(new."year"::int, coalesce(new."month"::int, 1), 1) and c."received_on" < make_date(new."year"::int, coalesce(new."month"::int, 1), 1) + case when new."month" is null then interval '1 year' else interval '1 month' end and c."deleted_at" is null)`);
    expect(parentTrigger).toBe('create trigger "target_achieved_rollup_parent" before insert or update of "assignee", "year", "month" on "app_crm"."target" for each row execute function "app_crm"."target_achieved_rollup_parent"()');
    expect(backfill).toMatch(/^update "app_crm"."target" p set "achieved" = \(select coalesce\(sum\(c."amount"\), 0\) from "app_crm"."payment" c where c."credited_to" = p."assignee" and/);
  });

  it('averages with avg (null for none), and needs no period', () => {
    const sql = planMigration(null, app({ entity: 'payment', match: { field: 'credited_to', equals: 'assignee' }, fn: 'avg', field: 'amount' }), registry).steps.at(-1)!.sql;
    expect(sql[4]).toContain('new."achieved" := (select avg(c."amount") from "app_crm"."payment" c where c."credited_to" = new."assignee" and c."deleted_at" is null)');
    expect(sql[0]).not.toContain('extract');
    const table = planMigration(null, app({ ...monthly, fn: 'avg' }), registry).steps.find((s) => s.kind === 'create-table' && s.description.includes('target'))!;
    expect(table.sql.join()).toMatch(/"achieved" decimal\(38, 10\)[,)]/); // no default: nothing to average is unknown
  });

  it('plans nothing for the same app, and drops every trigger, then the functions, with the field', () => {
    expect(planMigration(app(monthly), app(monthly), registry).steps).toEqual([]);
    const drop = planMigration(app(monthly), app(undefined), registry, { confirmDestructive: true }).steps.find((s) => s.kind === 'drop-rollup')!;
    expect(drop.sql).toEqual([
      'drop trigger if exists "target_achieved_rollup" on "app_crm"."payment"',
      'drop trigger if exists "target_achieved_rollup_upd" on "app_crm"."payment"',
      'drop trigger if exists "target_achieved_rollup_del" on "app_crm"."payment"',
      'drop trigger if exists "target_achieved_rollup_parent" on "app_crm"."target"',
      'drop function if exists "app_crm"."target_achieved_rollup"()',
      'drop function if exists "app_crm"."target_achieved_rollup_parent"()',
    ]);
  });
});
