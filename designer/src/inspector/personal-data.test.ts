import { createFieldTypeRegistry, validateAppWithRegistry } from '@tessera/engine';
import type { AppDefinition, FieldDefinition } from '@tessera/metadata';
import { canBePersonal, isPersonal, personalKeyword } from './personal-data';

describe('a field that names a person (x-personal)', () => {
  it('is personal by declaration, or by type for email and phone, never for relations and formulas', () => {
    expect(isPersonal('text', undefined)).toBe(false);
    expect(isPersonal('text', true)).toBe(true);
    expect(isPersonal('email', undefined)).toBe(true);
    expect(isPersonal('phone', false)).toBe(false);
    expect(isPersonal('relation', true)).toBe(false);
    expect([canBePersonal('formula'), canBePersonal('textarea')]).toEqual([false, true]);
  });

  it('writes the keyword only where it differs from the type, keeping a declared value that still holds', () => {
    expect(personalKeyword('text', true)).toBe(true);
    expect(personalKeyword('text', false)).toBeUndefined();
    expect(personalKeyword('email', true)).toBeUndefined();
    expect(personalKeyword('email', false)).toBe(false);
    expect(personalKeyword('email', true, true)).toBe(true);
    expect(personalKeyword('text', false, false)).toBe(false);
    expect(personalKeyword('text', false, true)).toBeUndefined();
    expect(personalKeyword('relation', true)).toBeUndefined();
  });

  it('gives metadata that publishes', () => {
    const field = (type: string, personal: boolean): FieldDefinition => {
      const value = personalKeyword(type, personal);
      return { 'x-id': `f_${type}`, 'x-type': type, 'x-label': { en: type }, ...(value === undefined ? {} : { 'x-personal': value }) } as FieldDefinition;
    };
    const app = { name: 'crm', label: { en: 'CRM' }, layouts: [], entities: [{ type: 'object', 'x-id': 'e', 'x-name': 'contact', 'x-plural': 'contacts', 'x-label': { en: 'Contact' },
      properties: { text: field('text', true), email: field('email', false), textarea: field('textarea', false) } }] } as unknown as AppDefinition;
    expect(app.entities[0].properties.text['x-personal']).toBe(true);
    expect(app.entities[0].properties.email['x-personal']).toBe(false);
    const result = validateAppWithRegistry(app, createFieldTypeRegistry());
    expect(result.ok ? [] : result.errors).toEqual([]);
  });
});
