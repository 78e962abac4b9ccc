import { entityJoinTables, entityToTable, type FieldTypeRegistry } from '@tessera/engine';
import type { EntityDefinition } from '@tessera/metadata';

/**
 * The ids of the fields of `entity` that have storage: a column, or a join table. A field that
 * kept its id but changed storage (a relation changing kind: many-to-one ↔ many-to-many) has
 * its links copied by the plan itself, so a rollback must not restore them from the archive
 * too; a field that has no storage now (one-to-many, a virtual formula) does need its values
 * restored.
 */
export function storedFieldIds(entity: EntityDefinition, registry: FieldTypeRegistry, schema: string): Set<string> {
  const columns = entityToTable(entity, registry, { schema }).columns.flatMap((c) => (c.fieldId ? [c.fieldId] : []));
  return new Set([...columns, ...entityJoinTables(entity, { schema }).map((t) => t.fieldId)]);
}
