import type { FieldDefinition } from '@tessera/metadata';
import type { FieldTypeDefinition, JsonSchema, ValueKind } from './field-type-types';

/** The kind of the values a JSON Schema fragment describes (without null). */
export function valueKindOf(schema: JsonSchema): ValueKind {
  const type = schema.type;
  if (type === 'string') {
    if (schema.format === 'date') return 'date';
    if (schema.format === 'date-time') return 'datetime';
    if (schema.format === 'uuid') return 'uuid';
    return 'string';
  }
  if (type === 'number' || type === 'integer' || type === 'boolean' || type === 'array') return type;
  return 'other';
}

/**
 * The value kind of one field, from its type's JSON Schema: a currency, a percent and a
 * number formula are `number`, a scale-0 number and a count rollup `integer`. Derived, so a
 * plugin type has one without declaring it and no surface keeps its own list of types.
 */
export function fieldValueKind(type: FieldTypeDefinition, field: FieldDefinition): ValueKind {
  return valueKindOf(type.jsonSchema(field));
}

/** Numbers: summed in aggregates, typed into a number box, compared as numbers. */
export function isNumericKind(kind: ValueKind): boolean {
  return kind === 'number' || kind === 'integer';
}
