import type { EntityDefinition } from '@tessera/metadata';
import { dependentFilter } from './dependent-filter';

const rel = (entity: string) => ({ 'x-id': `f_${entity}`, 'x-type': 'relation', 'x-label': { en: entity }, 'x-relation': { entity, kind: 'many-to-one' as const } });
const entity = (name: string, properties: Record<string, unknown>) =>
  ({ type: 'object', 'x-name': name, 'x-plural': `${name}s`, 'x-label': { en: name }, properties }) as unknown as EntityDefinition;

const customer = entity('customer', { name: { 'x-id': 'n', 'x-type': 'text', 'x-label': { en: 'Name' } } });
const contact = entity('contact', { customer: rel('customer') });
const lead = entity('lead', {});
const followUp = entity('follow_up', { customer: rel('customer'), contact: rel('contact'), lead: rel('lead') });
const two = entity('shipment', { billing: rel('customer'), shipping: rel('customer') });
const entities = [customer, contact, lead, followUp, two];

describe('dependentFilter', () => {
  it('narrows the contact picker to the chosen customer', () => {
    expect(dependentFilter(followUp, 'contact', { customer: 'c1' }, entities)).toEqual({ 'filter[customer]': 'c1' });
  });
  it('does nothing while the customer is empty, or for a target with no link to it', () => {
    expect(dependentFilter(followUp, 'contact', {}, entities)).toEqual({});
    expect(dependentFilter(followUp, 'lead', { customer: 'c1' }, entities)).toEqual({});
    expect(dependentFilter(followUp, 'customer', { contact: 'k1' }, entities)).toEqual({});
  });
  it('leaves an ambiguous target (two links to the same entity) alone', () => {
    const order = entity('order', { customer: rel('customer'), shipment: rel('shipment') });
    expect(dependentFilter(order, 'shipment', { customer: 'c1' }, [...entities, order])).toEqual({});
  });
});
