import type { RollupSpec } from '../schema/entity-rollups';
import { ident, qualified } from './migration-sql';
import { createMatchRollupSql, dropMatchRollupSql, matchAggregateSql } from './match-rollup-sql';
import { aggregateOf, unchangedSql } from './rollup-aggregate-sql';

/** The aggregate over the children of `parent` (an SQL expression naming the parent id). */
function relationAggregateSql(spec: RollupSpec, foreignKey: string, parent: string): string {
  return aggregateOf(spec, `c.${ident(foreignKey)} = ${parent}`);
}

/**
 * The trigger function and trigger that keep a rollup column right. Each affected parent (the
 * old and the new one when a child is re-parented) is locked, then recomputed from its
 * children: in READ COMMITTED each statement of a plpgsql function takes a fresh snapshot,
 * so after the lock the recount sees every committed sibling; concurrent writers to one
 * parent queue on its row, and parents are locked in id order so re-parenting cannot
 * deadlock. A full recount (not a delta) is what makes min/max/avg right after a delete.
 * A rollup over matching records (`join.kind` match) has its own SQL (match-rollup-sql).
 */
export function createRollupSql(spec: RollupSpec): string[] {
  if (spec.join.kind === 'match') return createMatchRollupSql(spec, spec.join);
  const { foreignKey } = spec.join;
  const parent = qualified(spec.schema, spec.parentTable);
  const fk = ident(foreignKey);
  const fn = qualified(spec.schema, spec.name);
  return [
    `create or replace function ${fn}() returns trigger language plpgsql as $rollup$
declare
  parents uuid[] := '{}';
  parent_id uuid;
begin
  if tg_op = 'UPDATE' and ${unchangedSql(spec, [foreignKey])} then
    return null;
  end if;
  if tg_op <> 'INSERT' then parents := parents || old.${fk}; end if;
  if tg_op <> 'DELETE' then parents := parents || new.${fk}; end if;
  for parent_id in select distinct p from unnest(parents) as p where p is not null order by p loop
    perform 1 from ${parent} where id = parent_id for update;
    update ${parent} set ${ident(spec.column)} = ${relationAggregateSql(spec, foreignKey, 'parent_id')} where id = parent_id;
  end loop;
  return null;
end
$rollup$`,
    `create trigger ${ident(spec.name)} after insert or update or delete on ${qualified(spec.schema, spec.childTable)} for each row execute function ${fn}()`,
  ];
}

/** Recomputes the column for every parent: when the rollup is created or its definition changes. */
export function backfillRollupSql(spec: RollupSpec): string {
  const aggregate = spec.join.kind === 'match' ? matchAggregateSql(spec, spec.join, 'p') : relationAggregateSql(spec, spec.join.foreignKey, 'p.id');
  return `update ${qualified(spec.schema, spec.parentTable)} p set ${ident(spec.column)} = ${aggregate}`;
}

/** Removes the trigger(s) and function(s); uses the tables' names from before any rename. */
export function dropRollupSql(spec: RollupSpec): string[] {
  if (spec.join.kind === 'match') return dropMatchRollupSql(spec);
  return [
    `drop trigger if exists ${ident(spec.name)} on ${qualified(spec.schema, spec.childTable)}`,
    `drop function if exists ${qualified(spec.schema, spec.name)}()`,
  ];
}
