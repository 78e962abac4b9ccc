import type { EntityDefinition } from '@tessera/metadata';
import { prefillFormData } from './prefill-form-data';

const contact = {
  type: 'object', 'x-name': 'contact', 'x-plural': 'contacts', 'x-label': { en: 'Contact' }, properties: {
    name: { 'x-id': 'n', 'x-type': 'text', 'x-label': { en: 'Name' } },
    customer: { 'x-id': 'c', 'x-type': 'relation', 'x-label': { en: 'Customer' }, 'x-relation': { entity: 'customer', kind: 'many-to-one' } },
    assignee: { 'x-id': 'a', 'x-type': 'user', 'x-label': { en: 'Assignee' } },
    hidden_ref: { 'x-id': 'h', 'x-type': 'relation', 'x-label': { en: 'Hidden' }, 'x-relation': { entity: 'customer', kind: 'many-to-one' } },
  },
} as unknown as EntityDefinition;

describe('prefillFormData', () => {
  it('fills the references the form shows from the route', () => {
    expect(prefillFormData(contact, { customer: 'c-1', assignee: 'u-1' }, ['name', 'customer', 'assignee'])).toEqual({ customer: 'c-1', assignee: 'u-1' });
  });

  it('ignores plain fields, unknown names, empty values and references the form does not show', () => {
    expect(prefillFormData(contact, { name: 'typed', colour: 'red', customer: '', hidden_ref: 'c-2', toString: 'x' }, ['name', 'customer'])).toEqual({});
    expect(prefillFormData(contact, undefined, ['customer'])).toEqual({});
  });
});
