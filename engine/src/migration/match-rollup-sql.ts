import { identifierName } from '../schema/identifier-name';
import type { RollupJoin, RollupSpec } from '../schema/entity-rollups';
import { ident, qualified } from './migration-sql';
import { aggregateOf, unchangedSql } from './rollup-aggregate-sql';

type MatchJoin = Extract<RollupJoin, { kind: 'match' }>;

/** The parent-side trigger's (and its function's) name. */
const parentTriggerName = (spec: RollupSpec) => identifierName([spec.parentTable, spec.column], 'rollup_parent');

/**
 * The child rows `c` counted for the parent row `p` (an alias, or `new` in a trigger): the key
 * matches and, with a period, the child's date lies in [first day of p's year/month, +1 year
 * or +1 month) — a range, so an index on (key, date) serves it. No month: the whole year.
 */
function countedWhere(join: MatchJoin, p: string): string {
  const key = `c.${ident(join.childKey)} = ${p}.${ident(join.parentKey)}`;
  if (!join.period) return key;
  const { date, year, month } = join.period;
  const y = `${p}.${ident(year)}`;
  const start = month ? `make_date(${y}::int, coalesce(${p}.${ident(month)}::int, 1), 1)` : `make_date(${y}::int, 1, 1)`;
  const length = month ? `case when ${p}.${ident(month)} is null then interval '1 year' else interval '1 month' end` : `interval '1 year'`;
  return `${key} and c.${ident(date)} >= ${start} and c.${ident(date)} < ${start} + ${length}`;
}

/** The parents `p` a child row `row` (`old` or `new`) counts for: the reverse of countedWhere. */
function parentsOf(join: MatchJoin, row: string): string {
  const key = `p.${ident(join.parentKey)} = ${row}.${ident(join.childKey)}`;
  if (!join.period) return key;
  const { date, year, month } = join.period;
  const inYear = `p.${ident(year)} = extract(year from ${row}.${ident(date)})`;
  const inMonth = month ? ` and (p.${ident(month)} is null or p.${ident(month)} = extract(month from ${row}.${ident(date)}))` : '';
  return `${key} and ${inYear}${inMonth}`;
}

/** The aggregate for the parent row `p` (an alias or `new`). */
export function matchAggregateSql(spec: RollupSpec, join: MatchJoin, p: string): string {
  return aggregateOf(spec, countedWhere(join, p));
}

/** The names of the child-side triggers: one per event, since a trigger with transition tables has one event. */
const childTriggerNames = (spec: RollupSpec) => ({ insert: spec.name, update: identifierName([spec.parentTable, spec.column], 'rollup_upd'), delete: identifierName([spec.parentTable, spec.column], 'rollup_del') });

/**
 * A rollup over the records that match the parent rather than point at it (a target's
 * payments: credited to its salesperson, in its month). Two kinds of triggers keep it right:
 * - on the child table, once per statement (its rows as transition tables): the parents the
 *   old and the new rows count for are locked in id order, then recomputed, each once however
 *   many rows the statement wrote (an import of 10,000 payments recounts each target once, where
 *   a row trigger would rewrite the same target row per payment); an update that changed none
 *   of the watched columns stops at the check;
 * - on the parent table, before an insert or a change of the key or period columns: the row
 *   computes its own value, since children that match it may already exist.
 */
export function createMatchRollupSql(spec: RollupSpec, join: MatchJoin): string[] {
  const parent = qualified(spec.schema, spec.parentTable);
  const child = qualified(spec.schema, spec.childTable);
  const fn = qualified(spec.schema, spec.name);
  const ownFn = qualified(spec.schema, parentTriggerName(spec));
  const names = childTriggerNames(spec);
  const counted = (rows: string) => `exists (select 1 from ${rows} r where ${parentsOf(join, 'r')})`;
  const recount = (where: string) => `perform 1 from ${parent} p where ${where} order by p.id for update;
    update ${parent} p set ${ident(spec.column)} = ${matchAggregateSql(spec, join, 'p')} where ${where};`;
  const childKeys = [join.childKey, ...(join.period ? [join.period.date] : [])];
  const parentKeys = [join.parentKey, ...(join.period ? [join.period.year, ...(join.period.month ? [join.period.month] : [])] : [])];
  return [
    `create or replace function ${fn}() returns trigger language plpgsql as $rollup$
begin
  if tg_op = 'INSERT' then
    ${recount(counted('rollup_new'))}
  elsif tg_op = 'DELETE' then
    ${recount(counted('rollup_old'))}
  else
    if not exists (select 1 from rollup_old o join rollup_new n on n.id = o.id where not (${unchangedSql(spec, childKeys, 'n', 'o')})) then
      return null;
    end if;
    ${recount(`${counted('rollup_old')} or ${counted('rollup_new')}`)}
  end if;
  return null;
end
$rollup$`,
    `create trigger ${ident(names.insert)} after insert on ${child} referencing new table as rollup_new for each statement execute function ${fn}()`,
    `create trigger ${ident(names.update)} after update on ${child} referencing old table as rollup_old new table as rollup_new for each statement execute function ${fn}()`,
    `create trigger ${ident(names.delete)} after delete on ${child} referencing old table as rollup_old for each statement execute function ${fn}()`,
    `create or replace function ${ownFn}() returns trigger language plpgsql as $rollup$
begin
  new.${ident(spec.column)} := ${matchAggregateSql(spec, join, 'new')};
  return new;
end
$rollup$`,
    `create trigger ${ident(parentTriggerName(spec))} before insert or update of ${[...new Set(parentKeys)].map(ident).join(', ')} on ${parent} for each row execute function ${ownFn}()`,
  ];
}

/** The triggers, then their functions (a function goes only once no trigger uses it). */
export function dropMatchRollupSql(spec: RollupSpec): string[] {
  const names = childTriggerNames(spec);
  return [
    `drop trigger if exists ${ident(names.insert)} on ${qualified(spec.schema, spec.childTable)}`,
    `drop trigger if exists ${ident(names.update)} on ${qualified(spec.schema, spec.childTable)}`,
    `drop trigger if exists ${ident(names.delete)} on ${qualified(spec.schema, spec.childTable)}`,
    `drop trigger if exists ${ident(parentTriggerName(spec))} on ${qualified(spec.schema, spec.parentTable)}`,
    `drop function if exists ${qualified(spec.schema, spec.name)}()`,
    `drop function if exists ${qualified(spec.schema, parentTriggerName(spec))}()`,
  ];
}
