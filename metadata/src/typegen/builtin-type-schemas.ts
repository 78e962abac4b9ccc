import type { FieldDefinition } from '../entity/entity-types';

/** A JSON Schema fragment for one value of a field type, as the API returns it. */
export type TypeSchema = Record<string, unknown>;
export type TypeSchemaSource = TypeSchema | ((field: FieldDefinition) => TypeSchema);

const FORMULA_RESULT_SCHEMAS: Record<string, TypeSchema> = {
  number: { type: 'number' },
  text: { type: 'string' },
  boolean: { type: 'boolean' },
  date: { type: 'string', format: 'date' },
};

/**
 * The built-in field types' value schemas. Metadata may not import the engine, so this mirrors
 * the engine's built-ins; the engine passes its registry's schemas (plugins included) via opts.
 */
export const BUILTIN_TYPE_SCHEMAS: Readonly<Record<string, TypeSchemaSource>> = {
  text: { type: 'string' },
  textarea: { type: 'string' },
  email: { type: 'string', format: 'email' },
  phone: { type: 'string' },
  url: { type: 'string', format: 'uri' },
  number: { type: 'number' },
  currency: { type: 'number' },
  date: { type: 'string', format: 'date' },
  datetime: { type: 'string', format: 'date-time' },
  boolean: { type: 'boolean' },
  select: (field) => ({ type: 'string', enum: (field['x-options'] ?? []).map((o) => o.value) }),
  richtext: { type: 'string', description: 'Sanitized HTML.' },
  percent: { type: 'number' },
  multiselect: (field) => ({ type: 'array', items: { type: 'string', enum: (field['x-options'] ?? []).map((o) => o.value) }, uniqueItems: true }),
  json: {},
  user: { type: 'string', format: 'uuid', description: 'Id of a Tessera user.' },
  autonumber: { type: 'string', readOnly: true },
  formula: (field) => ({ ...FORMULA_RESULT_SCHEMAS[field['x-formula-type'] ?? 'text'], readOnly: true }),
  relation: (field) => ({ type: 'string', format: 'uuid', description: `Id of the related ${field['x-relation']?.entity ?? 'record'}.` }),
};
