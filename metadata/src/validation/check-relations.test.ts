import type { AppDefinition, FieldDefinition } from '../index';
import { validateApp } from './validate-app';

const rel = (id: string, relation: Record<string, unknown>) => ({ 'x-id': id, 'x-type': 'relation', 'x-label': { en: id }, 'x-relation': relation }) as unknown as FieldDefinition;

function app(customerFields: Record<string, FieldDefinition>, contactRelation: Record<string, unknown> = { entity: 'customer', kind: 'many-to-one' }): AppDefinition {
  return {
    name: 'crm',
    label: { en: 'CRM' },
    layouts: [],
    entities: [
      { type: 'object', 'x-name': 'customer', 'x-plural': 'customers', 'x-label': { en: 'Customer' }, properties: { name: { 'x-id': 'n', 'x-type': 'text', 'x-label': { en: 'Name' } }, ...customerFields } },
      { type: 'object', 'x-name': 'contact', 'x-plural': 'contacts', 'x-label': { en: 'Contact' }, properties: { customer: rel('c', contactRelation) } },
      { type: 'object', 'x-name': 'tag', 'x-plural': 'tags', 'x-label': { en: 'Tag' }, properties: { label: { 'x-id': 't', 'x-type': 'text', 'x-label': { en: 'Label' } } } },
    ],
  };
}
const codes = (a: AppDefinition) => {
  const result = validateApp(a);
  return result.ok ? [] : result.errors.map((e) => `${e.code} ${e.pointer}`);
};

describe('relation kinds', () => {
  it('accepts a one-to-many naming its child field and a many-to-many', () => {
    expect(codes(app({ contacts: rel('cs', { entity: 'contact', kind: 'one-to-many', field: 'customer' }), tags: rel('tg', { entity: 'tag', kind: 'many-to-many' }) }))).toEqual([]);
  });

  it('requires a one-to-many to name a many-to-one of the child that points back', () => {
    expect(codes(app({ contacts: rel('cs', { entity: 'contact', kind: 'one-to-many' }) }))).toEqual(['relation-inverse-invalid /entities/0/properties/contacts/x-relation']);
    const wrong = validateApp(app({ contacts: rel('cs', { entity: 'contact', kind: 'one-to-many', field: 'owner' }) }));
    expect(wrong.ok ? [] : wrong.errors.map((e) => [e.code, e.pointer, e.hint])).toEqual([
      ['relation-inverse-invalid', '/entities/0/properties/contacts/x-relation/field', 'Many-to-one fields of entity "contact" that point to entity "customer": customer.'],
    ]);
    // The child's field points elsewhere: not an inverse of this entity.
    expect(codes(app({ contacts: rel('cs', { entity: 'contact', kind: 'one-to-many', field: 'customer' }) }, { entity: 'tag', kind: 'many-to-one' }))).toEqual(['relation-inverse-invalid /entities/0/properties/contacts/x-relation/field']);
  });

  it('refuses options of another kind', () => {
    expect(codes(app({ tags: rel('tg', { entity: 'tag', kind: 'many-to-many', onDelete: 'cascade' }) }))).toEqual(['relation-option-not-allowed /entities/0/properties/tags/x-relation/onDelete']);
    expect(codes(app({}, { entity: 'customer', kind: 'many-to-one', field: 'x' }))).toEqual(['relation-option-not-allowed /entities/1/properties/customer/x-relation/field']);
    expect(codes(app({ contacts: rel('cs', { entity: 'contact', kind: 'one-to-many', field: 'customer', onDelete: 'cascade' }) }))).toEqual(['relation-option-not-allowed /entities/0/properties/contacts/x-relation/onDelete']);
  });
});
