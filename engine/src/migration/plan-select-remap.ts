import type { FieldDefinition } from '@tessera/metadata';
import type { ColumnType } from '../field-types/field-type-types';
import type { DiffContext } from './diff-entity';
import { countRowsSql, ident, literal } from './migration-sql';

const optionValues = (field: FieldDefinition) => (field['x-options'] ?? []).map((option) => option.value);

/**
 * Removed select/multiselect options. Records holding a removed value get the value the
 * implementer mapped it to (`valueMappings[fieldId][old]`, null to clear); values with no
 * mapping get a precheck that refuses the plan when any record still holds them. Adding an
 * option, or relabelling one, changes nothing in the database.
 */
export function planSelectRemap(ctx: DiffContext, ref: string, table: string, column: string, oldType: ColumnType, from: FieldDefinition, to: FieldDefinition): void {
  if (!from['x-options'] || !to['x-options'] || (oldType.kind !== 'text' && oldType.kind !== 'text-array')) return;
  const kept = new Set(optionValues(to));
  const removed = optionValues(from).filter((value) => !kept.has(value));
  if (removed.length === 0) return;
  const fieldId = to['x-id'];
  const mapping = ctx.opts.valueMappings?.[fieldId] ?? {};
  const col = ident(column);
  const isArray = oldType.kind === 'text-array';
  const sql: string[] = [];
  const unmapped: string[] = [];
  for (const value of removed) {
    if (!Object.prototype.hasOwnProperty.call(mapping, value)) {
      unmapped.push(value);
      continue;
    }
    const target = mapping[value];
    if (target !== null && !kept.has(target)) {
      ctx.block(`Field ${fieldId} maps the removed option "${value}" to "${target}", which is not one of its options.`);
      continue;
    }
    const old = literal(value);
    if (!isArray) sql.push(`update ${ref} set ${col} = ${literal(target)} where ${col} = ${old}`);
    else if (target === null) sql.push(`update ${ref} set ${col} = array_remove(${col}, ${old}) where ${col} @> array[${old}]::text[]`);
    else {
      // A record may already hold the target: remove the old value instead of listing the target twice.
      const next = literal(target);
      sql.push(`update ${ref} set ${col} = case when ${col} @> array[${next}]::text[] then array_remove(${col}, ${old}) else array_replace(${col}, ${old}, ${next}) end where ${col} @> array[${old}]::text[]`);
    }
  }
  const list = unmapped.map((v) => literal(v)).join(', ');
  const checks = unmapped.length === 0 ? undefined : [{
    description: `Rows of ${table} whose ${column} holds a removed option (${unmapped.join(', ')})`,
    sql: countRowsSql(ref, isArray ? `${col} && array[${list}]::text[]` : `${col} in (${list})`),
    failure: `Some ${table} records use the removed option(s) ${unmapped.map((v) => `"${v}"`).join(', ')} of ${column}; map them to a remaining option (valueMappings.${fieldId}).`,
  }];
  ctx.emit({
    kind: 'remap-select-values',
    safe: false,
    destructive: sql.length > 0,
    fieldId,
    description: `Remove option(s) ${removed.map((v) => `"${v}"`).join(', ')} of ${table}.${column}${sql.length ? ', moving their records to the mapped values' : ''}`,
    sql,
    ...(checks ? { checks } : {}),
  });
}
