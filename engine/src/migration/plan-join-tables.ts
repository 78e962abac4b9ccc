import type { EntityDefinition } from '@tessera/metadata';
import { entityJoinTables, type JoinTableSpec } from '../schema/entity-join-tables';
import { addForeignKeySql, addIndexSql, createTableSql } from '../schema/table-to-sql';
import type { DiffContext } from './diff-entity';
import { archiveName, ident, qualified } from './migration-sql';

/**
 * Steps for the join tables of many-to-many fields, matched by field id: a new field (or a
 * new entity) creates its table, a removed one (or a removed entity) archives it, a renamed
 * field or entity renames it. Archives are emitted before the entity tables' own, so a
 * dropped entity's table is no longer referenced when it is dropped.
 */
export function planJoinTables(ctx: DiffContext, from: EntityDefinition | undefined, to: EntityDefinition | undefined): void {
  const before = new Map((from ? entityJoinTables(from, ctx) : []).map((t) => [t.fieldId, t]));
  const after = to ? entityJoinTables(to, ctx) : [];
  for (const table of after) {
    const was = before.get(table.fieldId);
    before.delete(table.fieldId);
    if (!was) planCreateJoinTable(ctx, table);
    else if (was.name !== table.name) {
      ctx.emit({ kind: 'rename-table', safe: true, destructive: false, fieldId: table.fieldId, description: `Rename join table ${was.name} to ${table.name}`, sql: [`alter table ${qualified(ctx.schema, was.name)} rename to ${ident(table.name)}`] });
    }
  }
  for (const was of before.values()) {
    const archive = qualified(ctx.archiveSchema, archiveName([was.name], ctx.archiveTag));
    ctx.emit({
      kind: 'archive-table',
      safe: false,
      destructive: true,
      fieldId: was.fieldId,
      description: `Archive join table ${was.name} into ${archive}, then drop it`,
      sql: [`create table ${archive} as table ${qualified(ctx.schema, was.name)}`, `drop table ${qualified(ctx.schema, was.name)}`],
    });
  }
}

function planCreateJoinTable(ctx: DiffContext, table: JoinTableSpec): void {
  ctx.emit({ kind: 'create-table', safe: true, destructive: false, fieldId: table.fieldId, description: `Create join table ${table.name}`, sql: createTableSql(table) });
  for (const fk of table.foreignKeys) {
    ctx.emit({ kind: 'add-foreign-key', safe: true, destructive: false, fieldId: table.fieldId, description: `Add foreign key ${fk.name} on ${table.name}.${fk.column} (on delete ${fk.onDelete})`, sql: addForeignKeySql(table, fk) });
  }
  for (const index of table.indexes) {
    ctx.emit({ kind: 'add-index', safe: true, destructive: false, fieldId: table.fieldId, description: `Add index ${index.name} on ${table.name}`, sql: addIndexSql(table, index) });
  }
}
