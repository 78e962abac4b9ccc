import type { EntityDefinition } from '@tessera/metadata';
import type { ColumnSpec } from '../field-types/field-type-types';
import type { FieldTypeRegistry } from '../field-types/field-type-registry';
import { entityToTable } from '../schema/entity-to-table';
import { addColumnSql, addForeignKeySql, addIndexSql, indexPredicateSql } from '../schema/table-to-sql';
import type { ForeignKeySpec, IndexSpec, TableSpec } from '../schema/table-types';
import { columnCast, type ValueMapping } from './column-cast';
import { planOptionsCheck } from './plan-type-mapping';
import { archiveName, columnTypeSql, countRowsSql, duplicateGroupsSql, duplicateValuesSql, ident, literal, qualified } from './migration-sql';
import type { MigrationStep, PlanMigrationOptions, PrecheckQuery } from './migration-types';
import { planSelectRemap } from './plan-select-remap';

export interface DiffContext {
  schema: string;
  archiveSchema: string;
  archiveTag: string;
  registry: FieldTypeRegistry;
  opts: PlanMigrationOptions;
  /** Old entity name → new name, for every entity kept (renamed or not). */
  entityNames: ReadonlyMap<string, string>;
  emit(step: MigrationStep): void;
  block(reason: string): void;
}

const fieldColumns = (table: TableSpec) => new Map(table.columns.filter((c) => c.fieldId).map((c) => [c.fieldId!, c]));
const sameJson = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** An index's identity: what it covers and how, not its name (names follow table and column names). */
function indexKey(index: IndexSpec, columns: readonly ColumnSpec[]): string {
  const ids = index.columns.map((name) => `${index.descending?.includes(name) ? '-' : ''}${columns.find((c) => c.name === name)?.fieldId ?? name}`);
  // A partial index (unique over live records) and a full one over the same columns differ.
  return `${index.unique ? 'unique' : 'plain'}:${index.search ? `trgm-${index.search}` : index.method ?? 'btree'}:${ids.join(',')}${index.whereNull?.length ? `:where-null:${index.whereNull.join(',')}` : ''}${index.whereValues ? `:where:${JSON.stringify(index.whereValues)}` : ''}`;
}

const fkFieldId = (fk: ForeignKeySpec, table: TableSpec) => table.columns.find((c) => c.name === fk.column)?.fieldId ?? fk.column;

/** The steps that take one kept entity's table from its old definition to its new one. */
export function diffEntity(ctx: DiffContext, from: EntityDefinition, to: EntityDefinition): void {
  // An unchanged entity has no steps (its relations name their targets, so a renamed target
  // changes it too); skipping it keeps a one-field plan on a 200-entity app far under 50 ms.
  if (sameJson(from, to)) return;
  const oldTable = entityToTable(from, ctx.registry, { schema: ctx.schema });
  const newTable = entityToTable(to, ctx.registry, { schema: ctx.schema });
  const oldRef = qualified(ctx.schema, oldTable.name);
  const ref = qualified(ctx.schema, newTable.name);
  const oldColumns = fieldColumns(oldTable);
  const newColumns = fieldColumns(newTable);

  if (oldTable.name !== newTable.name) {
    ctx.emit({ kind: 'rename-table', safe: true, destructive: false, description: `Rename table ${oldTable.name} to ${newTable.name}`, sql: [`alter table ${oldRef} rename to ${ident(newTable.name)}`] });
  }

  for (const [fieldId, column] of newColumns) {
    const was = oldColumns.get(fieldId);
    if (!was) {
      ctx.emit({ kind: 'add-column', safe: true, destructive: false, fieldId, description: `Add column ${newTable.name}.${column.name}`, sql: addColumnSql(newTable, column) });
      continue;
    }
    if (was.name !== column.name) {
      ctx.emit({ kind: 'rename-column', safe: true, destructive: false, fieldId, description: `Rename column ${newTable.name}.${was.name} to ${column.name} (field ${fieldId}); the data stays`, sql: [`alter table ${ref} rename column ${ident(was.name)} to ${ident(column.name)}`] });
    }
    const fromField = Object.values(from.properties).find((f) => f['x-id'] === fieldId);
    const toField = Object.values(to.properties).find((f) => f['x-id'] === fieldId);
    if (fromField && toField) planSelectRemap(ctx, ref, newTable.name, column.name, was.type, fromField, toField);
    // A mapping given for a field whose type changes belongs to the type change (ADR 0035).
    const typeMapping = fromField && toField && fromField['x-type'] !== toField['x-type'] ? ctx.opts.valueMappings?.[fieldId] : undefined;
    if (fromField && toField && fromField['x-type'] !== toField['x-type']) planOptionsCheck(ctx, ref, newTable.name, column.name, was.type, column.type, fromField, toField, typeMapping);
    if (!sameJson(was.type, column.type)) planTypeChange(ctx, ref, newTable.name, column, was, typeMapping);
  }

  for (const [fieldId, was] of oldColumns) {
    if (newColumns.has(fieldId)) continue;
    const archive = qualified(ctx.archiveSchema, archiveName([newTable.name, was.name], ctx.archiveTag));
    ctx.emit({
      kind: 'archive-column',
      safe: false,
      destructive: true,
      fieldId,
      description: `Archive column ${newTable.name}.${was.name} into ${archive}, then drop it`,
      sql: [
        `create table ${archive} as select id, ${ident(was.name)} as value from ${ref} where ${ident(was.name)} is not null`,
        `alter table ${ref} drop column ${ident(was.name)}`,
      ],
    });
  }

  diffSystemColumns(ctx, oldTable, newTable, ref);
  planRequired(ctx, ref, from, to, newTable);
  diffForeignKeys(ctx, oldTable, newTable, oldRef, ref);
  diffIndexes(ctx, oldTable, newTable, ref);
}

/**
 * Columns with no field id are the engine's own (today only `deleted_at`, when an entity
 * turns soft deletion on or off): matched by name. Turning it off archives the marks, since
 * the deleted rows would otherwise come back as live ones with nothing to tell them apart.
 */
function diffSystemColumns(ctx: DiffContext, oldTable: TableSpec, newTable: TableSpec, ref: string): void {
  const names = (table: TableSpec) => new Set(table.columns.filter((c) => !c.fieldId).map((c) => c.name));
  const before = names(oldTable);
  const after = names(newTable);
  for (const column of newTable.columns) {
    if (column.fieldId || before.has(column.name)) continue;
    ctx.emit({ kind: 'add-column', safe: true, destructive: false, description: `Add column ${newTable.name}.${column.name}`, sql: addColumnSql(newTable, column) });
  }
  for (const column of oldTable.columns) {
    if (column.fieldId || after.has(column.name)) continue;
    const archive = qualified(ctx.archiveSchema, archiveName([newTable.name, column.name], ctx.archiveTag));
    ctx.emit({
      kind: 'archive-column', safe: false, destructive: true,
      description: `Archive column ${newTable.name}.${column.name} into ${archive}, then drop it`,
      sql: [`create table ${archive} as select id, ${ident(column.name)} as value from ${ref} where ${ident(column.name)} is not null`, `alter table ${ref} drop column ${ident(column.name)}`],
    });
  }
}

function planTypeChange(ctx: DiffContext, ref: string, table: string, column: ColumnSpec, was: ColumnSpec, mapping?: ValueMapping): void {
  const cast = columnCast(column.name, was.type, column.type, mapping);
  const what = `${table}.${column.name} from ${columnTypeSql(was.type)} to ${columnTypeSql(column.type)}`;
  if (!cast.ok) {
    ctx.block(`Cannot change column ${what}: ${cast.reason}. Add a new field and copy the values instead.`);
    return;
  }
  const col = ident(column.name);
  ctx.emit({
    kind: 'alter-column-type',
    safe: cast.lossless,
    destructive: cast.lossy,
    fieldId: column.fieldId,
    description: `Change column ${what}${cast.lossy ? ' (values lose detail)' : ''}${mapping && Object.keys(mapping).length ? `, mapping ${Object.keys(mapping).length} value(s)` : ''}`,
    sql: [`alter table ${ref} alter column ${col} type ${columnTypeSql(column.type)} using ${cast.using}`],
    ...(cast.failingWhere
      ? { checks: [{ description: `Rows of ${table} whose ${column.name} would not convert`, sql: countRowsSql(ref, `${col} is not null and (${cast.failingWhere})`), failure: mapping && Object.keys(mapping).length ? `Some ${table} records have a ${column.name} that the value mapping does not turn into a valid ${columnTypeSql(column.type)}; map their values (valueMappings.${column.fieldId}) or keep the old type.` : `Some ${table} records have a ${column.name} that is not a valid ${columnTypeSql(column.type)}; fix them or keep the old type.` }] }
      : {}),
  });
}

/** Required is enforced by the validator (ADR 0002); existing empty rows need a value first. */
function planRequired(ctx: DiffContext, ref: string, from: EntityDefinition, to: EntityDefinition, table: TableSpec): void {
  const wasRequired = new Set((from.required ?? []).map((name) => from.properties[name]?.['x-id']));
  for (const name of to.required ?? []) {
    const field = to.properties[name];
    const column = table.columns.find((c) => c.name === name);
    if (!field || !column || wasRequired.has(field['x-id'])) continue;
    const fieldId = field['x-id'];
    const backfills = ctx.opts.backfills ?? {};
    const col = ident(name);
    if (Object.prototype.hasOwnProperty.call(backfills, fieldId)) {
      ctx.emit({ kind: 'set-required', safe: false, destructive: false, fieldId, description: `Make ${table.name}.${name} required; fill empty rows with ${literal(backfills[fieldId], column.type)}`, sql: [`update ${ref} set ${col} = ${literal(backfills[fieldId], column.type)} where ${col} is null`] });
    } else {
      ctx.emit({
        kind: 'set-required', safe: false, destructive: false, fieldId, description: `Make ${table.name}.${name} required (no backfill given)`, sql: [],
        checks: [{ description: `Rows of ${table.name} with no ${name}`, sql: countRowsSql(ref, `${col} is null`), failure: `Some ${table.name} records have no ${name}; give a backfill value for field ${fieldId}.` }],
      });
    }
  }
}

function diffForeignKeys(ctx: DiffContext, oldTable: TableSpec, newTable: TableSpec, oldRef: string, ref: string): void {
  const oldByField = new Map(oldTable.foreignKeys.map((fk) => [fkFieldId(fk, oldTable), fk]));
  const existing = fieldColumns(oldTable);
  const kept = new Set<string>();
  for (const fk of newTable.foreignKeys) {
    const fieldId = fkFieldId(fk, newTable);
    const was = oldByField.get(fieldId);
    const sameTarget = was && ctx.entityNames.get(was.references.table) === fk.references.table;
    if (was && sameTarget && was.onDelete === fk.onDelete) {
      kept.add(fieldId);
      if (was.name !== fk.name) ctx.emit({ kind: 'rename-foreign-key', safe: true, destructive: false, fieldId, description: `Rename foreign key ${was.name} to ${fk.name}`, sql: [`alter table ${ref} rename constraint ${ident(was.name)} to ${ident(fk.name)}`] });
      continue;
    }
    const target = qualified(fk.references.schema, fk.references.table);
    const col = ident(fk.column);
    const checks = existing.has(fieldId) && !sameTarget
      ? [{ description: `Rows of ${newTable.name} whose ${fk.column} points at no ${fk.references.table}`, sql: countRowsSql(ref, `${col} is not null and not exists (select 1 from ${target} as target where target.id = ${ref}.${col})`), failure: `Some ${newTable.name} records reference a ${fk.references.table} that does not exist; clear or fix them first.` }]
      : undefined;
    ctx.emit({ kind: 'add-foreign-key', safe: !checks, destructive: false, fieldId, description: `Add foreign key ${fk.name} on ${newTable.name}.${fk.column} (on delete ${fk.onDelete})`, sql: addForeignKeySql(newTable, fk), ...(checks ? { checks } : {}) });
  }
  for (const [fieldId, was] of oldByField) {
    if (kept.has(fieldId)) continue;
    // Dropped before any rename, so the old table name is still right.
    ctx.emit({ kind: 'drop-foreign-key', safe: true, destructive: false, fieldId, description: `Drop foreign key ${was.name} on ${oldTable.name}.${was.column}`, sql: [`alter table ${oldRef} drop constraint ${ident(was.name)}`] });
  }
}

function diffIndexes(ctx: DiffContext, oldTable: TableSpec, newTable: TableSpec, ref: string): void {
  const oldByKey = new Map(oldTable.indexes.map((i) => [indexKey(i, oldTable.columns), i]));
  const existing = new Set(oldTable.columns.map((c) => c.fieldId).filter(Boolean));
  const kept = new Set<string>();
  for (const index of newTable.indexes) {
    const key = indexKey(index, newTable.columns);
    const was = oldByKey.get(key);
    if (was) {
      kept.add(key);
      if (was.name !== index.name) ctx.emit({ kind: 'rename-index', safe: true, destructive: false, description: `Rename index ${was.name} to ${index.name}`, sql: [`alter index ${qualified(ctx.schema, was.name)} rename to ${ident(index.name)}`] });
      continue;
    }
    const columns = index.columns.map((name) => newTable.columns.find((c) => c.name === name));
    // System columns (owner, …) hold data too; only columns this plan adds are still empty.
    const hasData = columns.some((c) => c && (!c.fieldId || existing.has(c.fieldId)));
    const checks = index.unique && hasData ? [duplicatesCheck(ref, newTable.name, index)] : undefined;
    ctx.emit({ kind: 'add-index', safe: !checks, destructive: false, description: `Add ${index.unique ? 'unique ' : ''}index ${index.name} on ${newTable.name}`, sql: addIndexSql(newTable, index), ...(checks ? { checks } : {}) });
  }
  for (const [key, was] of oldByKey) {
    if (kept.has(key)) continue;
    ctx.emit({ kind: 'drop-index', safe: true, destructive: false, description: `Drop index ${was.name} on ${oldTable.name}`, sql: [`drop index ${qualified(ctx.schema, was.name)}`] });
  }
}

/** What a new unique index would refuse: duplicated values (one column) or groups of them (several). */
function duplicatesCheck(ref: string, table: string, index: IndexSpec): PrecheckQuery {
  const names = index.columns.join(', ');
  if (index.columns.length === 1 && !index.whereNull?.length) {
    return { description: `Duplicate ${names} values in ${table}`, sql: duplicateValuesSql(ref, index.columns[0]), failure: `Some ${names} values appear in more than one ${table} record; make them unique first.` };
  }
  const live = index.whereNull?.length ? ' live' : '';
  return {
    description: `Duplicate (${names}) combinations in ${table}`,
    sql: duplicateGroupsSql(ref, index.columns, indexPredicateSql(index)),
    failure: `Some combinations of ${names} are shared by more than one${live} ${table} record; make them unique first.`,
  };
}
