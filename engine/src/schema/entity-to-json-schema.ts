import type { EntityDefinition } from '@tessera/metadata';
import type { FieldTypeRegistry } from '../field-types/field-type-registry';
import type { JsonSchema } from '../field-types/field-type-types';
import { fieldToJsonSchema, fieldTypeOf } from './field-to-json-schema';

/** create: a POST body; update: a PATCH body (nothing required); record: what the API returns. */
export type JsonSchemaMode = 'create' | 'update' | 'record';

const uuid = { type: 'string', format: 'uuid' };
const timestamp = { type: 'string', format: 'date-time' };

/** The system columns as they appear on a record; clients never write them. */
export const SYSTEM_PROPERTIES: Record<string, JsonSchema> = {
  id: { ...uuid, readOnly: true },
  created_at: { ...timestamp, readOnly: true },
  updated_at: { ...timestamp, readOnly: true },
  created_by: { type: ['string', 'null'], format: 'uuid', readOnly: true },
  owner: { type: ['string', 'null'], format: 'uuid', readOnly: true },
  version: { type: 'integer', minimum: 1, readOnly: true },
};

/**
 * The JSON Schema (2020-12) of an entity in one mode. Non-required fields accept null; in a
 * record every field may be null, because columns stay nullable in the database (a required
 * field added later leaves older rows empty).
 */
export function entityToJsonSchema(entity: EntityDefinition, registry: FieldTypeRegistry, mode: JsonSchemaMode): JsonSchema {
  const required = new Set(entity.required ?? []);
  const properties: Record<string, JsonSchema> = mode === 'record' ? { ...SYSTEM_PROPERTIES } : {};
  for (const [name, field] of Object.entries(entity.properties)) {
    const type = fieldTypeOf(entity, name, field, registry);
    // Database-maintained values are no input: a body naming one fails as read-only.
    if (type.computed && mode !== 'record') continue;
    const nullable = mode !== 'create' || !required.has(name);
    properties[name] = fieldToJsonSchema(type, field, { nullable, withoutDefault: mode === 'update' });
  }
  const schema: JsonSchema = { type: 'object', title: entity['x-label'].en, properties, additionalProperties: false };
  if (mode === 'create' && required.size > 0) schema.required = [...required];
  if (mode === 'record') schema.required = Object.keys(SYSTEM_PROPERTIES);
  return schema;
}
