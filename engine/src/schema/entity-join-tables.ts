import type { EntityDefinition } from '@tessera/metadata';
import { identifierName } from './identifier-name';
import { joinTableName } from './join-table-name';
import type { TableSpec } from './table-types';

/** A join table and the many-to-many field it stores. */
export interface JoinTableSpec extends TableSpec {
  /** Stable id of the many-to-many field: a renamed field or entity renames the table. */
  fieldId: string;
}

/**
 * The join tables of an entity's many-to-many fields: (left_id, right_id) is the primary
 * key, so a link exists once; both foreign keys cascade, so deleting either record removes
 * its links (a link is not data of its own); right_id is indexed for the reverse lookup.
 */
export function entityJoinTables(entity: EntityDefinition, opts: { schema: string }): JoinTableSpec[] {
  const tables: JoinTableSpec[] = [];
  for (const [name, field] of Object.entries(entity.properties)) {
    const relation = field['x-relation'];
    if (field['x-type'] !== 'relation' || relation?.kind !== 'many-to-many') continue;
    const table = joinTableName(entity['x-name'], name);
    tables.push({
      schema: opts.schema,
      name: table,
      fieldId: field['x-id'],
      columns: [
        { name: 'left_id', type: { kind: 'uuid' }, nullable: false, primaryKey: true },
        { name: 'right_id', type: { kind: 'uuid' }, nullable: false, primaryKey: true },
      ],
      foreignKeys: [
        { name: identifierName([table, 'left_id'], 'fkey'), column: 'left_id', references: { schema: opts.schema, table: entity['x-name'], column: 'id' }, onDelete: 'cascade' },
        { name: identifierName([table, 'right_id'], 'fkey'), column: 'right_id', references: { schema: opts.schema, table: relation.entity, column: 'id' }, onDelete: 'cascade' },
      ],
      indexes: [{ name: identifierName([table, 'right_id'], 'idx'), columns: ['right_id'], unique: false }],
    });
  }
  return tables;
}
