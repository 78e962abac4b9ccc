import type { EntityDefinition } from '@tessera/metadata';
import type { FieldTypeRegistry } from './field-type-registry';

/**
 * A validated body as the database stores it: each field's type `toDb` applied (rich text
 * sanitized, with a registry built from `serverBuiltinFieldTypes`). Keys the entity does not
 * have, and fields whose type has no `toDb`, pass through unchanged; the input is not touched.
 * The write path calls this after validation, before INSERT/UPDATE.
 */
export function recordToDb(entity: EntityDefinition, registry: FieldTypeRegistry, values: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...values };
  for (const [name, value] of Object.entries(values)) {
    if (!Object.hasOwn(entity.properties, name)) continue;
    const typeName = entity.properties[name]['x-type'];
    const toDb = registry.has(typeName) ? registry.get(typeName).toDb : undefined;
    if (toDb) out[name] = toDb(value);
  }
  return out;
}
