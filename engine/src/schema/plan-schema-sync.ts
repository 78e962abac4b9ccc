import type { ColumnSpec } from '../field-types/field-type-types';
import type { ForeignKeySpec, IndexSpec, TableSpec } from './table-types';
import { addColumnSql, addForeignKeySql, addIndexSql, createSchemaSql, createTableSql } from './table-to-sql';

export type SchemaSyncStep =
  | { kind: 'create-schema' | 'create-table' | 'add-column' | 'add-foreign-key' | 'add-index'; safe: true; description: string; sql: string[] }
  | { kind: 'unsupported'; safe: false; description: string };

export interface SchemaSyncPlan {
  steps: SchemaSyncStep[];
}

const tableKey = (t: TableSpec) => `${t.schema}.${t.name}`;
const sameJson = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
const columnShape = (c: ColumnSpec) => ({ type: c.type, nullable: c.nullable, primaryKey: !!c.primaryKey, default: c.default ?? null });
const fkShape = (f: ForeignKeySpec) => ({ column: f.column, references: f.references, onDelete: f.onDelete });
const indexShape = (i: IndexSpec) => ({ columns: i.columns, unique: i.unique, ...(i.search ? { search: i.search } : {}) });

/**
 * The additive steps that take the database from `current` to `target`: new schemas, tables,
 * columns, foreign keys and indexes, in that order (foreign keys after every table, so new
 * tables may reference each other). Anything else — a dropped, renamed or changed column —
 * becomes an `unsupported` step the caller must refuse; nothing is ever dropped here.
 */
export function planSchemaSync(current: readonly TableSpec[], target: readonly TableSpec[]): SchemaSyncPlan {
  const before = new Map(current.map((t) => [tableKey(t), t]));
  const after = new Map(target.map((t) => [tableKey(t), t]));
  const schemas: SchemaSyncStep[] = [];
  const tables: SchemaSyncStep[] = [];
  const columns: SchemaSyncStep[] = [];
  const foreignKeys: SchemaSyncStep[] = [];
  const indexes: SchemaSyncStep[] = [];
  const unsupported: SchemaSyncStep[] = [];

  const knownSchemas = new Set(current.map((t) => t.schema));
  for (const schema of new Set(target.map((t) => t.schema))) {
    if (!knownSchemas.has(schema)) {
      schemas.push({ kind: 'create-schema', safe: true, description: `Create schema ${schema}`, sql: createSchemaSql(schema) });
    }
  }

  for (const [key, table] of after) {
    const old = before.get(key);
    if (!old) {
      tables.push({ kind: 'create-table', safe: true, description: `Create table ${key}`, sql: createTableSql(table) });
    } else {
      diffColumns(key, old, table, columns, unsupported);
    }
    const oldFks = new Map((old?.foreignKeys ?? []).map((f) => [f.name, f]));
    for (const fk of table.foreignKeys) {
      const was = oldFks.get(fk.name);
      if (!was) foreignKeys.push({ kind: 'add-foreign-key', safe: true, description: `Add foreign key ${fk.name} on ${key}.${fk.column}`, sql: addForeignKeySql(table, fk) });
      else if (!sameJson(fkShape(was), fkShape(fk))) unsupported.push(unsupportedStep(`Change foreign key ${fk.name} on ${key}`));
    }
    const oldIndexes = new Map((old?.indexes ?? []).map((i) => [i.name, i]));
    for (const index of table.indexes) {
      const was = oldIndexes.get(index.name);
      if (!was) indexes.push({ kind: 'add-index', safe: true, description: `Add ${index.unique ? 'unique ' : ''}index ${index.name} on ${key}`, sql: addIndexSql(table, index) });
      else if (!sameJson(indexShape(was), indexShape(index))) unsupported.push(unsupportedStep(`Change index ${index.name} on ${key}`));
    }
    if (old) {
      const fkNames = new Set(table.foreignKeys.map((f) => f.name));
      for (const fk of old.foreignKeys) if (!fkNames.has(fk.name)) unsupported.push(unsupportedStep(`Drop foreign key ${fk.name} on ${key}`));
      const indexNames = new Set(table.indexes.map((i) => i.name));
      for (const index of old.indexes) if (!indexNames.has(index.name)) unsupported.push(unsupportedStep(`Drop index ${index.name} on ${key}`));
    }
  }
  for (const key of before.keys()) {
    if (!after.has(key)) unsupported.push(unsupportedStep(`Drop table ${key}`));
  }
  return { steps: [...schemas, ...tables, ...columns, ...foreignKeys, ...indexes, ...unsupported] };
}

function diffColumns(key: string, old: TableSpec, table: TableSpec, columns: SchemaSyncStep[], unsupported: SchemaSyncStep[]): void {
  const oldByName = new Map(old.columns.map((c) => [c.name, c]));
  const newNames = new Set(table.columns.map((c) => c.name));
  for (const column of table.columns) {
    const was = oldByName.get(column.name);
    if (!was) {
      const renamedFrom = column.fieldId ? old.columns.find((c) => c.fieldId === column.fieldId && !newNames.has(c.name)) : undefined;
      if (renamedFrom) {
        unsupported.push(unsupportedStep(`Rename column ${key}.${renamedFrom.name} to ${column.name} (field ${column.fieldId})`));
        continue;
      }
      columns.push({ kind: 'add-column', safe: true, description: `Add column ${key}.${column.name}`, sql: addColumnSql(table, column) });
    } else if (!sameJson(columnShape(was), columnShape(column))) {
      unsupported.push(unsupportedStep(`Change column ${key}.${column.name} from ${describe(was)} to ${describe(column)}`));
    }
  }
  const renamedIds = new Set(table.columns.map((c) => c.fieldId).filter(Boolean));
  for (const was of old.columns) {
    if (!newNames.has(was.name) && !(was.fieldId && renamedIds.has(was.fieldId))) {
      unsupported.push(unsupportedStep(`Drop column ${key}.${was.name}`));
    }
  }
}

const describe = (c: ColumnSpec) => `${Object.values(c.type).join(' ')}${c.nullable ? ' null' : ' not null'}`;

const unsupportedStep = (what: string): SchemaSyncStep => ({
  kind: 'unsupported',
  safe: false,
  description: `${what}: not supported by the additive planner yet; the data is left as it is`,
});
