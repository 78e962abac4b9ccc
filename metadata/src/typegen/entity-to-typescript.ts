import { compile } from 'json-schema-to-typescript';
import { formatTypeScript } from './format-typescript';
import type { EntityDefinition, FieldDefinition } from '../entity/entity-types';
import { BUILTIN_TYPE_SCHEMAS, type TypeSchema, type TypeSchemaSource } from './builtin-type-schemas';

export interface TypegenOptions {
  /** Value schema per x-type, merged over the built-ins (plugin types such as `rating:stars`). */
  fieldTypes?: Readonly<Record<string, TypeSchemaSource>>;
  /** Run prettier over the output (default true). */
  format?: boolean;
}

/** `sales_order` → `SalesOrder`: the interface name of an entity. */
export function entityTypeName(entity: Pick<EntityDefinition, 'x-name'>): string {
  return entity['x-name']
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((part) => part[0].toUpperCase() + part.slice(1))
    .join('');
}

// Mirrors SystemColumns: every record carries these, whatever the entity declares.
const SYSTEM_COLUMN_SCHEMAS: Record<string, TypeSchema> = {
  id: { type: 'string', format: 'uuid' },
  created_at: { type: 'string', format: 'date-time' },
  updated_at: { type: 'string', format: 'date-time' },
  created_by: { type: ['string', 'null'] },
  owner: { type: ['string', 'null'] },
  version: { type: 'integer', description: 'Optimistic concurrency: send it back when updating.' },
};

function fieldSchema(field: FieldDefinition, types: Readonly<Record<string, TypeSchemaSource>>): TypeSchema {
  const source = types[field['x-type']];
  // An unknown type still yields a usable interface; validateApp is where it is rejected.
  const value = typeof source === 'function' ? source(field) : { ...(source ?? {}) };
  const label = field['x-label'];
  const help = typeof field.description === 'object' ? [field.description.en, field.description.zh].filter(Boolean).join(' / ') : field.description;
  const description = [label.zh ? `${label.en} (${label.zh})` : label.en, help, value.description].filter(Boolean).join('\n');
  return { ...value, description };
}

/** The JSON Schema of a record of the entity as the API returns it (system columns included). */
export function entityToRecordSchema(entity: EntityDefinition, opts: TypegenOptions = {}): TypeSchema {
  const types = { ...BUILTIN_TYPE_SCHEMAS, ...opts.fieldTypes };
  const required = new Set(entity.required ?? []);
  const properties: Record<string, TypeSchema> = { ...SYSTEM_COLUMN_SCHEMAS };
  for (const [name, field] of Object.entries(entity.properties)) {
    const schema = fieldSchema(field, types);
    const { description, ...value } = schema;
    // Optional fields come back as null when empty, so they are both optional and nullable.
    properties[name] = required.has(name) ? schema : { description, anyOf: [value, { type: 'null' }] };
  }
  return {
    title: entityTypeName(entity),
    description: entity['x-label'].zh ? `${entity['x-label'].en} (${entity['x-label'].zh})` : entity['x-label'].en,
    type: 'object',
    properties,
    required: [...Object.keys(SYSTEM_COLUMN_SCHEMAS), ...Object.keys(entity.properties).filter((n) => required.has(n))],
    additionalProperties: false,
  };
}

/** TypeScript source declaring `export interface <Entity>` for one entity's records. */
export async function entityToTypeScript(entity: EntityDefinition, opts: TypegenOptions = {}): Promise<string> {
  const schema = entityToRecordSchema(entity, opts);
  const source = await compile(schema as Parameters<typeof compile>[0], entityTypeName(entity), {
    bannerComment: '',
    additionalProperties: false,
    // The library's own formatting loads prettier's plugins by dynamic import, which fails in
    // jest and bundlers; the standalone build with explicit plugins does the same job.
    format: false,
    unknownAny: true,
  });
  return opts.format === false ? source : formatTypeScript(source);
}
