import type { EntityDefinition } from '@tessera/metadata';

/**
 * The entity as a user who may not see `hidden` fields knows it: those properties are gone, so
 * the query parser answers "unknown field" for them exactly as for a field that does not
 * exist (no oracle), and `q` does not search them. Returns `entity` itself when nothing is hidden.
 */
export function restrictEntity(entity: EntityDefinition, hidden: ReadonlySet<string>): EntityDefinition {
  if (hidden.size === 0) return entity;
  const properties = Object.fromEntries(Object.entries(entity.properties).filter(([name]) => !hidden.has(name)));
  const required = entity.required?.filter((name) => !hidden.has(name));
  return { ...entity, properties, ...(required ? { required } : {}) };
}
