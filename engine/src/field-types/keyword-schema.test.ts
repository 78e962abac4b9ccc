import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { META_SCHEMAS } from '@tessera/metadata';
import { builtinFieldTypes } from './builtin-field-types';
import type { JsonSchema } from './field-type-types';
import { FIELD_KEYWORD_SCHEMAS } from './keyword-schema';

type Schema = Record<string, unknown>;
const fieldMeta = META_SCHEMAS.field as unknown as { properties: Record<string, Schema>; $defs: Record<string, Schema> };

/** The meta-schema's shape with its `#/$defs/…` references inlined. */
function resolve(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(resolve);
  if (!schema || typeof schema !== 'object') return schema;
  const ref = (schema as Schema).$ref;
  if (typeof ref === 'string' && ref.startsWith('#/$defs/')) return resolve(fieldMeta.$defs[ref.slice('#/$defs/'.length)]);
  return Object.fromEntries(Object.entries(schema).map(([k, v]) => [k, resolve(v)]));
}

/** A keyword schema without what only people read (labels, descriptions, defaults). */
function shape(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(shape);
  if (!schema || typeof schema !== 'object') return schema;
  const drop = new Set(['x-label', 'x-description', 'default', 'description']);
  return Object.fromEntries(Object.entries(schema).filter(([k]) => !drop.has(k)).map(([k, v]) => [k, k === 'properties'
    ? Object.fromEntries(Object.entries(v as Schema).map(([p, s]) => [p, shape(s)]))
    : shape(v)]));
}

/** Every property path of an object schema, nested objects and anyOf branches included. */
function propertyPaths(schema: JsonSchema, prefix = ''): Array<[string, JsonSchema]> {
  const properties = (schema.properties ?? {}) as Record<string, JsonSchema>;
  return Object.entries(properties).flatMap(([name, child]) => [[`${prefix}${name}`, child] as [string, JsonSchema], ...propertyPaths(child, `${prefix}${name}.`)]);
}

describe('field keyword schemas', () => {
  it.each(builtinFieldTypes.map((t) => [t.name, t]))('%s: its keywordSchema lists exactly its keywords', (_name, type) => {
    expect(type.keywordSchema).toBeDefined();
    expect(Object.keys(type.keywordSchema!.properties).sort()).toEqual([...(type.keywords ?? [])].sort());
    for (const required of type.keywordSchema!.required ?? []) expect(type.keywords).toContain(required);
  });

  it('labels every keyword, nested ones too, in English and Chinese', () => {
    for (const type of builtinFieldTypes) {
      for (const [path, schema] of propertyPaths(type.keywordSchema as unknown as JsonSchema)) {
        const label = schema['x-label'] as { en?: string; zh?: string } | undefined;
        expect([type.name, path, Boolean(label?.en && label?.zh)]).toEqual([type.name, path, true]);
        const description = schema['x-description'] as { en?: string; zh?: string } | undefined;
        if (description) expect([type.name, path, Boolean(description.en && description.zh)]).toEqual([type.name, path, true]);
      }
    }
  });

  it.each(Object.keys(FIELD_KEYWORD_SCHEMAS))('%s has the shape field.schema.json gives it', (keyword) => {
    expect(fieldMeta.properties[keyword]).toBeDefined();
    const meta = resolve(fieldMeta.properties[keyword]);
    expect(shape(FIELD_KEYWORD_SCHEMAS[keyword as keyof typeof FIELD_KEYWORD_SCHEMAS])).toEqual(shape(meta));
  });

  it('gives each type defaults its own keyword schema accepts', () => {
    const ajv = new Ajv2020({ strict: false });
    addFormats(ajv, ['regex']);
    for (const type of builtinFieldTypes) {
      for (const [keyword, schema] of Object.entries(type.keywordSchema!.properties)) {
        if (schema.default === undefined) continue;
        expect([type.name, keyword, ajv.validate(schema, schema.default)]).toEqual([type.name, keyword, true]);
      }
      for (const required of type.keywordSchema!.required ?? []) {
        const schema = type.keywordSchema!.properties[required];
        // A required keyword without a default is one the author must write (a formula's expression).
        if (schema.default !== undefined) expect(ajv.validate(schema, schema.default)).toBe(true);
      }
    }
  });
});
