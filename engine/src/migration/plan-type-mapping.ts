import type { FieldDefinition } from '@tessera/metadata';
import type { ColumnType } from '../field-types/field-type-types';
import { mappedTextSql, type ValueMapping } from './column-cast';
import type { DiffContext } from './diff-entity';
import { countRowsSql, ident, literal } from './migration-sql';

const TEXTUAL = new Set<ColumnType['kind']>(['text', 'varchar']);

/**
 * A field that becomes a select (text → select, number → select): every stored value must end
 * up one of the new options. The implementer's mapping (old value → option, or null) is
 * applied first — by UPDATEs when the column keeps its type, inside the cast otherwise — and a
 * precheck counts the rows whose value, mapped, is still not an option (ADR 0035).
 */
export function planOptionsCheck(
  ctx: DiffContext, ref: string, table: string, column: string, oldType: ColumnType, newType: ColumnType,
  from: FieldDefinition, to: FieldDefinition, mapping: ValueMapping | undefined,
): void {
  const options = (to['x-options'] ?? []).map((o) => o.value);
  if (from['x-options'] || options.length === 0 || newType.kind === 'text-array' || oldType.kind === 'text-array' || oldType.kind === 'jsonb') return;
  const fieldId = to['x-id'];
  const entries = Object.entries(mapping ?? {});
  for (const [value, target] of entries) {
    if (target !== null && !options.includes(target)) ctx.block(`Field ${fieldId} maps the value "${value}" to "${target}", which is not one of its options.`);
  }
  const col = ident(column);
  const sameColumn = TEXTUAL.has(oldType.kind) && TEXTUAL.has(newType.kind);
  const sql = sameColumn ? entries.map(([value, target]) => `update ${ref} set ${col} = ${literal(target)} where ${col} = ${literal(value)}`) : [];
  const mapped = mappedTextSql(`${col}::text`, Object.fromEntries(entries));
  const list = options.map((v) => literal(v)).join(', ');
  ctx.emit({
    kind: 'remap-select-values',
    safe: false,
    destructive: sql.length > 0,
    fieldId,
    description: `Check that every ${table}.${column} value${entries.length ? ', mapped,' : ''} is one of its new options${sql.length ? `; rewrite ${sql.length} mapped value(s)` : ''}`,
    sql,
    checks: [{
      description: `Rows of ${table} whose ${column} is not one of the new options`,
      sql: countRowsSql(ref, `${mapped} is not null and ${mapped} not in (${list})`),
      failure: `Some ${table} records have a ${column} that is not one of its options; map their values to options (valueMappings.${fieldId}).`,
    }],
  });
}
