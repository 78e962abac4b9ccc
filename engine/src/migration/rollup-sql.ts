import type { RollupSpec } from '../schema/entity-rollups';
import { ident, qualified } from './migration-sql';

/** The aggregate over the children of `parent` (an SQL expression naming the parent id). */
function aggregateSql(spec: RollupSpec, parent: string): string {
  const value = spec.valueColumn ? `c.${ident(spec.valueColumn)}` : '';
  const expr = spec.fn === 'count' ? 'count(*)::int' : spec.fn === 'sum' ? `coalesce(sum(${value}), 0)` : `${spec.fn}(${value})`;
  const live = spec.childSoftDelete ? ' and c."deleted_at" is null' : '';
  return `(select ${expr} from ${qualified(spec.schema, spec.childTable)} c where c.${ident(spec.foreignKey)} = ${parent}${live})`;
}

/**
 * The trigger function and trigger that keep a rollup column right. Each affected parent (the
 * old and the new one when a child is re-parented) is locked, then recomputed from its
 * children: in READ COMMITTED each statement of a plpgsql function takes a fresh snapshot,
 * so after the lock the recount sees every committed sibling; concurrent writers to one
 * parent queue on its row, and parents are locked in id order so re-parenting cannot
 * deadlock. A full recount (not a delta) is what makes min/max right after a delete.
 */
export function createRollupSql(spec: RollupSpec): string[] {
  const parent = qualified(spec.schema, spec.parentTable);
  const fk = ident(spec.foreignKey);
  const watched = [spec.foreignKey, ...(spec.valueColumn ? [spec.valueColumn] : []), ...(spec.childSoftDelete ? ['deleted_at'] : [])];
  const unchanged = watched.map((c) => `new.${ident(c)} is not distinct from old.${ident(c)}`).join(' and ');
  const fn = qualified(spec.schema, spec.name);
  return [
    `create or replace function ${fn}() returns trigger language plpgsql as $rollup$
declare
  parents uuid[] := '{}';
  parent_id uuid;
begin
  if tg_op = 'UPDATE' and ${unchanged} then
    return null;
  end if;
  if tg_op <> 'INSERT' then parents := parents || old.${fk}; end if;
  if tg_op <> 'DELETE' then parents := parents || new.${fk}; end if;
  for parent_id in select distinct p from unnest(parents) as p where p is not null order by p loop
    perform 1 from ${parent} where id = parent_id for update;
    update ${parent} set ${ident(spec.column)} = ${aggregateSql(spec, 'parent_id')} where id = parent_id;
  end loop;
  return null;
end
$rollup$`,
    `create trigger ${ident(spec.name)} after insert or update or delete on ${qualified(spec.schema, spec.childTable)} for each row execute function ${fn}()`,
  ];
}

/** Recomputes the column for every parent: when the rollup is created or its definition changes. */
export function backfillRollupSql(spec: RollupSpec): string {
  return `update ${qualified(spec.schema, spec.parentTable)} p set ${ident(spec.column)} = ${aggregateSql(spec, 'p.id')}`;
}

/** Removes the trigger and its function; uses the child table's name from before any rename. */
export function dropRollupSql(spec: RollupSpec): string[] {
  return [
    `drop trigger if exists ${ident(spec.name)} on ${qualified(spec.schema, spec.childTable)}`,
    `drop function if exists ${qualified(spec.schema, spec.name)}()`,
  ];
}
