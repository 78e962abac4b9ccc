import type { EntityDefinition } from '@tessera/metadata';
import { createFieldTypeRegistry } from '../field-types/field-type-registry';
import { entityToJsonSchema } from './entity-to-json-schema';

const contact: EntityDefinition = {
  type: 'object',
  'x-name': 'contact',
  'x-plural': 'contacts',
  'x-label': { en: 'Contact', zh: '联系人' },
  required: ['name'],
  properties: {
    name: { 'x-id': 'f1', 'x-type': 'text', 'x-label': { en: 'Name', zh: '姓名' }, maxLength: 80, description: 'Full name' },
    phone: { 'x-id': 'f2', 'x-type': 'phone', 'x-label': { en: 'Phone' }, maxLength: 64 },
    stage: {
      'x-id': 'f3',
      'x-type': 'select',
      'x-label': { en: 'Stage' },
      default: 'new',
      'x-options': [{ value: 'new', label: { en: 'New' } }, { value: 'won', label: { en: 'Won' } }],
    },
  },
};
const registry = createFieldTypeRegistry();

describe('entityToJsonSchema', () => {
  it('create: merges type fragments with author constraints; optional fields accept null', () => {
    const schema = entityToJsonSchema(contact, registry, 'create');
    expect(schema).toMatchObject({ type: 'object', additionalProperties: false, required: ['name'] });
    const properties = schema.properties as Record<string, Record<string, unknown>>;
    expect(properties.name).toEqual({ type: 'string', maxLength: 80, description: 'Full name', title: 'Name' });
    expect(properties.stage).toEqual({ type: ['string', 'null'], enum: ['new', 'won', null], default: 'new', title: 'Stage' });
  });

  it('never lets an author widen a bound the column depends on', () => {
    const properties = entityToJsonSchema(contact, registry, 'create').properties as Record<string, Record<string, unknown>>;
    expect(properties.phone.maxLength).toBe(32);
  });

  it('update: nothing required and no defaults', () => {
    const schema = entityToJsonSchema(contact, registry, 'update');
    expect(schema.required).toBeUndefined();
    const properties = schema.properties as Record<string, Record<string, unknown>>;
    expect(properties.stage.default).toBeUndefined();
    expect(properties.name.type).toEqual(['string', 'null']);
  });

  it('record: system columns first, read-only and required', () => {
    const schema = entityToJsonSchema(contact, registry, 'record');
    const properties = schema.properties as Record<string, Record<string, unknown>>;
    expect(Object.keys(properties)).toEqual(['id', 'created_at', 'updated_at', 'created_by', 'owner', 'version', 'name', 'phone', 'stage']);
    expect(properties.id).toEqual({ type: 'string', format: 'uuid', readOnly: true });
    expect(properties.owner).toEqual({ type: ['string', 'null'], format: 'uuid', readOnly: true });
    expect(properties.version).toMatchObject({ type: 'integer', readOnly: true });
    expect(schema.required).toEqual(['id', 'created_at', 'updated_at', 'created_by', 'owner', 'version']);
  });

  it('names the field and entity when a type is unknown', () => {
    const broken: EntityDefinition = { ...contact, properties: { x: { 'x-id': 'f9', 'x-type': 'hologram', 'x-label': { en: 'X' } } } };
    expect(() => entityToJsonSchema(broken, registry, 'create')).toThrow('Field "x" of entity "contact" has unknown field type "hologram"');
  });
});
