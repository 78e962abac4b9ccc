/**
 * Import parsers, generated over every registered field type: the server's built-ins and the
 * field types of the plugins the example's app.json names (loaded as the runtime loads them).
 * Each type must say how it reads a spreadsheet cell (`parseCell`) or that no cell carries its
 * values (`parseCell: null`), and its parser must read back a canonical sample: the first of a
 * few generic values of the type's JSON shape that its own JSON Schema accepts, written as a
 * cell. A new type is covered without a line here; one without a parser fails by name.
 */
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { createFieldTypeRegistry, loadPlugins, type FieldTypeDefinition, type JsonSchema, type PluginDefinition } from '@tessera/engine';
import { serverBuiltinFieldTypes } from '@tessera/engine/server';
import { appPluginNames, type FieldDefinition } from '@tessera/metadata';
import { exampleDir } from './browser-harness';

function exampleRegistry() {
  const require = createRequire(path.join(exampleDir, 'package.json'));
  const names = appPluginNames(JSON.parse(readFileSync(path.join(exampleDir, 'app.json'), 'utf8')).plugins);
  const plugins = names.map((name) => {
    const mod = require(name) as Record<string, unknown>;
    return [mod.default, mod.plugin, mod].find((m) => typeof (m as PluginDefinition | undefined)?.name === 'string') as PluginDefinition;
  });
  const registry = createFieldTypeRegistry(serverBuiltinFieldTypes);
  loadPlugins(plugins, registry);
  return registry;
}

const registry = exampleRegistry();
const TYPES = registry.list();
const ID = '0b6a3c9e-52f4-4c1d-9a77-3f1e2d4c5b6a';

/** A field of the type with what it needs to exist (options, a relation). */
const fieldOf = (type: FieldTypeDefinition): FieldDefinition => ({
  'x-id': 'sample', 'x-type': type.name, 'x-label': { en: 'Sample', zh: '样例' },
  ...(type.requiresOptions ? { 'x-options': [{ value: 'a', label: { en: 'Option A', zh: '选项甲' } }, { value: 'b', label: { en: 'Option B', zh: '选项乙' } }] } : {}),
  ...(type.requiresRelation ? { 'x-relation': { entity: 'customer', kind: 'many-to-one' } } : {}),
}) as FieldDefinition;

/** Generic candidates of a JSON Schema's shape, most ordinary first. */
function candidates(schema: JsonSchema): unknown[] {
  if (Array.isArray(schema.enum)) return schema.enum.slice(0, 1);
  const items = (schema.items ?? {}) as JsonSchema;
  switch (schema.type) {
    case 'integer': return [3, 1];
    case 'number': return [1234.5, 12.5, 3];
    case 'boolean': return [true];
    case 'array': return Array.isArray(items.enum) ? [items.enum.slice(0, 2)] : candidates(items).map((v) => [v]);
    case 'string':
      switch (schema.format) {
        case 'date': return ['2024-01-05'];
        case 'date-time': return ['2024-01-05T06:30:00.000Z'];
        case 'uuid': return [ID];
        case 'email': return ['sample@example.com'];
        case 'uri': return ['https://example.com/sample'];
        default: return ['Sample text', '+86 138 0000 0000', '110105', '<p>Sample</p>'];
      }
    default: return schema.type === undefined ? [{ sample: [1, 'two'] }] : [];
  }
}

/** How a person writes the value in a cell. */
const asCell = (value: unknown): string =>
  Array.isArray(value) ? value.map(asCell).join(', ') : typeof value === 'object' ? JSON.stringify(value) : String(value);

const ajv = addFormats(new Ajv2020({ strict: false }));

describe('every registered field type reads an imported cell', () => {
  it('includes the example plugins\' types', () => {
    expect(TYPES.map((t) => t.name)).toEqual(expect.arrayContaining(['text', 'select', 'rating:stars', 'region:cn']));
  });

  it.each(TYPES.map((t) => [t.name, t] as const))('%s declares a parser or that no cell carries its values', (name, type) => {
    if (type.parseCell === undefined) throw new Error(`Field type "${name}" has no parseCell: give it a parser (engine's cell-parsers) or parseCell: null if no spreadsheet cell can carry its values`);
    if (type.parseCell === null) return;
    const field = fieldOf(type);
    const schema = type.jsonSchema(field);
    const validate = ajv.compile(schema);
    const sample = candidates(schema).find((value) => validate(value));
    if (sample === undefined) throw new Error(`No canonical sample of "${name}" passes its JSON Schema ${JSON.stringify(schema)}: add a candidate of its shape in this test`);
    const cell = asCell(sample);
    const parsed = type.parseCell(cell, field, { zone: 'Asia/Shanghai' });
    if (!parsed.ok) throw new Error(`Field type "${name}" refused its canonical cell "${cell}": ${parsed.message.en}`);
    expect(parsed.value).toEqual(sample);
  });
});
