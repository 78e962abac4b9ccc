import type { EntityDefinition, FieldDefinition, Locale } from '@tessera/metadata';
import type { FieldTypeRegistry } from '../field-types/field-type-registry';
import type { FieldTypeDefinition, JsonSchema } from '../field-types/field-type-types';
import { localize } from '../localize';

export interface FieldSchemaOptions {
  /** Also accept null (fields the author did not mark required). */
  nullable: boolean;
  locale?: Locale;
  /** Leave out `default` (update mode: a PATCH must not reset omitted fields). */
  withoutDefault?: boolean;
}

/** Author keywords that narrow the type's own bound; the stricter of the two wins. */
const UPPER_BOUNDS = ['maxLength', 'maximum'] as const;
const LOWER_BOUNDS = ['minLength', 'minimum'] as const;
const COPIED = ['pattern', 'default'] as const;

/** The field type of `field`, or an error naming the entity, the field and the type. */
export function fieldTypeOf(
  entity: EntityDefinition,
  name: string,
  field: FieldDefinition,
  registry: FieldTypeRegistry,
): FieldTypeDefinition {
  if (!registry.has(field['x-type'])) {
    throw new Error(`Field "${name}" of entity "${entity['x-name']}" has unknown field type "${field['x-type']}"`);
  }
  return registry.get(field['x-type']);
}

/**
 * One property of an entity's JSON Schema: the field type's fragment with the author's
 * constraints on top. Authors may narrow a type (a shorter maxLength) but never widen it,
 * because the type's bounds mirror its column.
 */
export function fieldToJsonSchema(type: FieldTypeDefinition, field: FieldDefinition, opts: FieldSchemaOptions): JsonSchema {
  const schema: JsonSchema = { ...type.jsonSchema(field) };
  for (const key of UPPER_BOUNDS) {
    const own = schema[key];
    if (field[key] !== undefined) schema[key] = typeof own === 'number' ? Math.min(own, field[key]) : field[key];
  }
  for (const key of LOWER_BOUNDS) {
    const own = schema[key];
    if (field[key] !== undefined) schema[key] = typeof own === 'number' ? Math.max(own, field[key]) : field[key];
  }
  for (const key of COPIED) {
    if (field[key] !== undefined && !(key === 'default' && opts.withoutDefault)) schema[key] = field[key];
  }
  schema.title = localize(field['x-label'], opts.locale ?? 'en');
  // Help in the reader's language: JSON Schema (ajv, OpenAPI) knows only a string.
  const help = field.description;
  if (help !== undefined) schema.description = typeof help === 'string' ? help : localize(help, opts.locale ?? 'en');
  if (field['x-readonly']) schema.readOnly = true;
  return opts.nullable ? withNull(schema) : schema;
}

function withNull(schema: JsonSchema): JsonSchema {
  const out: JsonSchema = { ...schema };
  if (Array.isArray(out.enum) && !out.enum.includes(null)) out.enum = [...out.enum, null];
  if (typeof out.type === 'string') out.type = [out.type, 'null'];
  else if (Array.isArray(out.type)) out.type = out.type.includes('null') ? out.type : [...out.type, 'null'];
  else if (!Array.isArray(out.enum)) return { anyOf: [schema, { type: 'null' }], title: schema.title };
  return out;
}
