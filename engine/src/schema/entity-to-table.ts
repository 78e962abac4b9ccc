import type { EntityDefinition } from '@tessera/metadata';
import type { FieldTypeRegistry } from '../field-types/field-type-registry';
import type { ColumnSpec } from '../field-types/field-type-types';
import { searchIndexFields } from '../query/search-fields';
import { fieldTypeOf } from './field-to-json-schema';
import { identifierName } from './identifier-name';
import type { ForeignKeySpec, IndexSpec, TableSpec } from './table-types';

export interface EntityToTableOptions {
  /** The PostgreSQL schema of the app, e.g. `app_crm`. */
  schema: string;
}

/** The system columns, first in every table. */
export const SYSTEM_COLUMNS: readonly ColumnSpec[] = [
  { name: 'id', type: { kind: 'uuid' }, nullable: false, primaryKey: true, default: { kind: 'random-uuid' } },
  { name: 'created_at', type: { kind: 'timestamptz' }, nullable: false, default: { kind: 'now' } },
  { name: 'updated_at', type: { kind: 'timestamptz' }, nullable: false, default: { kind: 'now' } },
  { name: 'created_by', type: { kind: 'uuid' }, nullable: true },
  { name: 'owner', type: { kind: 'uuid' }, nullable: true },
  { name: 'version', type: { kind: 'integer' }, nullable: false, default: { kind: 'value', value: 1 } },
];

/** Set when a record of an `x-soft-delete` entity is deleted; NULL while it is live. */
export const DELETED_AT_COLUMN: ColumnSpec = { name: 'deleted_at', type: { kind: 'timestamptz' }, nullable: true };

/**
 * Indexes every table gets: the default list order (`-created_at`, then `id` for a total
 * order) is an index scan, and keyset pages stay as fast at row 1,000,000 as at row 1.
 */
function systemIndexes(table: string): IndexSpec[] {
  return [{ name: identifierName([table, 'created_at', 'id'], 'idx'), columns: ['created_at', 'id'], unique: false }];
}

/**
 * The table an entity is stored in. Field columns are always nullable: making a field
 * required on a table that already has rows cannot add NOT NULL without inventing a value,
 * so `required` is enforced by the validator, not the database. Labels do not reach the
 * spec, so a label-only edit diffs to nothing.
 */
export function entityToTable(entity: EntityDefinition, registry: FieldTypeRegistry, opts: EntityToTableOptions): TableSpec {
  const table = entity['x-name'];
  const columns: ColumnSpec[] = SYSTEM_COLUMNS.map((column) => ({ ...column }));
  const foreignKeys: ForeignKeySpec[] = [];
  const indexes: IndexSpec[] = systemIndexes(table);
  // Appended after the system columns, so tables created before soft deletion keep their layout.
  if (entity['x-soft-delete']) columns.push({ ...DELETED_AT_COLUMN });

  for (const [name, field] of Object.entries(entity.properties)) {
    const type = fieldTypeOf(entity, name, field, registry);
    // A virtual formula is computed on read; it has nothing to store.
    if (type.stored && !type.stored(field)) continue;
    const column: ColumnSpec = { name, type: type.column(field), nullable: true, fieldId: field['x-id'] };
    const columnDefault = type.columnDefault?.(field);
    if (columnDefault) column.default = columnDefault;
    const unique = field['x-unique'] || type.unique;
    if (unique) column.unique = true;
    if (field['x-indexed']) column.indexed = true;
    columns.push(column);

    const relation = field['x-relation'];
    if (type.requiresRelation && relation) {
      foreignKeys.push({
        name: identifierName([table, name], 'fkey'),
        column: name,
        references: { schema: opts.schema, table: relation.entity, column: 'id' },
        // Restrict by default: deleting a referenced record must never silently change others.
        onDelete: relation.onDelete ?? 'restrict',
      });
    }
    if (type.indexMethod) {
      indexes.push({ name: identifierName([table, name], 'idx'), columns: [name], unique: false, method: type.indexMethod });
    } else if (unique) {
      indexes.push({ name: identifierName([table, name], 'key'), columns: [name], unique: true });
    } else if (field['x-indexed'] || (type.requiresRelation && relation)) {
      // Relations are indexed so listing a parent's children does not scan the table.
      indexes.push({ name: identifierName([table, name], 'idx'), columns: [name], unique: false });
    }
  }
  indexes.push(...compositeIndexes(entity, table, indexes));
  indexes.push(...searchIndexes(entity, table, columns));
  return { schema: opts.schema, name: table, columns, foreignKeys, indexes };
}

/**
 * Trigram indexes for the entity's search (the display field and `x-searchable` fields), so a
 * substring search — Chinese or Latin, three characters or more — is an index scan at any size.
 */
function searchIndexes(entity: EntityDefinition, table: string, columns: readonly ColumnSpec[]): IndexSpec[] {
  return searchIndexFields(entity)
    .filter((f) => columns.some((c) => c.name === f.name))
    .map((f) => ({ name: identifierName([table, f.name, 'trgm'], 'idx'), columns: [f.name], unique: false, search: f.match }));
}

/**
 * `x-indexes`: composite indexes in list-sort syntax (`-column` descending), named after their
 * columns (`_idx`, or `_key` when unique) so two entries never collide with each other or with
 * a field's own index; the object form may name the index itself. A unique one of a
 * soft-delete entity is partial, over live records: a deleted record does not keep its values
 * taken (the usual CRM expectation — re-entering a deleted contact must work). `where` makes it
 * partial over the records a select field puts in or out (open opportunities): unique, that is a
 * conflict check across every owner (报备).
 */
function compositeIndexes(entity: EntityDefinition, table: string, existing: readonly IndexSpec[]): IndexSpec[] {
  const out: IndexSpec[] = [];
  for (const raw of entity['x-indexes'] ?? []) {
    const entry = Array.isArray(raw) ? { columns: raw } : raw;
    const unique = entry.unique === true;
    const columns = entry.columns.map((c) => c.replace(/^-/, ''));
    const descending = entry.columns.filter((c) => c.startsWith('-')).map((c) => c.slice(1));
    const name = entry.name ?? identifierName([table, ...entry.columns.map((c) => (c.startsWith('-') ? `${c.slice(1)}_desc` : c))], unique ? 'key' : 'idx');
    if ([...existing, ...out].some((i) => i.name === name)) continue;
    out.push({
      name, columns, unique,
      ...(descending.length ? { descending } : {}),
      ...(unique && entity['x-soft-delete'] ? { whereNull: ['deleted_at'] } : {}),
      ...(entry.message ? { message: entry.message } : {}),
      ...(entry.where ? { whereValues: { column: entry.where.field, ...(entry.where.in ? { in: entry.where.in } : {}), ...(entry.where.notIn ? { notIn: entry.where.notIn } : {}) } } : {}),
    });
  }
  return out;
}
