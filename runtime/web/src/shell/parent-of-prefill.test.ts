import type { EntityDefinition } from '@tessera/metadata';
import { parentOfPrefill } from './parent-of-prefill';

const customer = { type: 'object', 'x-name': 'customer', 'x-plural': 'customers', 'x-label': { en: 'Customer' }, properties: {} } as unknown as EntityDefinition;
const contact = {
  type: 'object', 'x-name': 'contact', 'x-plural': 'contacts', 'x-label': { en: 'Contact' },
  properties: {
    name: { 'x-id': 'n', 'x-type': 'text', 'x-label': { en: 'Name' } },
    customer: { 'x-id': 'c', 'x-type': 'relation', 'x-label': { en: 'Customer' }, 'x-relation': { entity: 'customer', kind: 'many-to-one' } },
  },
} as unknown as EntityDefinition;

describe('parentOfPrefill', () => {
  it('returns to the customer a contact was started from', () => {
    expect(parentOfPrefill(contact, [customer, contact], { customer: 'c1' })).toEqual({ plural: 'customers', recordId: 'c1' });
  });
  it('has no parent without a prefilled relation', () => {
    expect(parentOfPrefill(contact, [customer, contact], undefined)).toBeUndefined();
    expect(parentOfPrefill(contact, [customer, contact], { name: 'x' })).toBeUndefined();
  });
});
