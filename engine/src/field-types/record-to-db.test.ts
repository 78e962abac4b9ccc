import type { EntityDefinition } from '@tessera/metadata';
import { serverBuiltinFieldTypes } from '../server';
import { createFieldTypeRegistry } from './field-type-registry';
import { recordToDb } from './record-to-db';

const note: EntityDefinition = {
  type: 'object',
  'x-name': 'note',
  'x-plural': 'notes',
  'x-label': { en: 'Note' },
  properties: {
    title: { 'x-id': 'n1', 'x-type': 'text', 'x-label': { en: 'Title' } },
    body: { 'x-id': 'n2', 'x-type': 'richtext', 'x-label': { en: 'Body' } },
  },
};

describe('recordToDb', () => {
  it('sanitizes rich text with the server registry and leaves other values alone', () => {
    const input = { title: '<b>kept as typed</b>', body: '<p onclick="x()">Hi<script>alert(1)</script></p>', version: 3 };
    const out = recordToDb(note, createFieldTypeRegistry(serverBuiltinFieldTypes), input);
    expect(out).toEqual({ title: '<b>kept as typed</b>', body: '<p>Hi</p>', version: 3 });
    expect(input.body).toContain('<script>');
  });

  it('passes null through and changes nothing with the browser registry', () => {
    expect(recordToDb(note, createFieldTypeRegistry(serverBuiltinFieldTypes), { body: null })).toEqual({ body: null });
    expect(recordToDb(note, createFieldTypeRegistry(), { body: '<script>x</script>' })).toEqual({ body: '<script>x</script>' });
  });
});
