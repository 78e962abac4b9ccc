import type { AppDefinition, EntityDefinition } from '@tessera/metadata';
import type { Capabilities } from '../api/capabilities-api';
import { createFieldTypeFacts } from '../field-types/create-field-type-facts';
import { appForUser, entityForUser } from './entity-for-user';

// What the app passes: the registry's own answer, not a list of type names.
const { systemGiven } = createFieldTypeFacts();

const customer = {
  'x-name': 'customer', 'x-plural': 'customers', required: ['name', 'secret'],
  properties: {
    name: { 'x-type': 'text' },
    secret: { 'x-type': 'number' },
    rating: { 'x-type': 'select' },
    stage: { 'x-type': 'select' },
    total: { 'x-type': 'formula' },
    code: { 'x-type': 'autonumber' },
    orders: { 'x-type': 'rollup' },
    partner: { 'x-type': 'relation', 'x-relation': { kind: 'many-to-one', entity: 'partner' } },
  },
} as unknown as EntityDefinition;
const partner = { 'x-name': 'partner', 'x-plural': 'partners', properties: { name: { 'x-type': 'text' } } } as unknown as EntityDefinition;
const app = { entities: [customer, partner], workflows: [{ entity: 'customer', stateField: 'stage' }] } as unknown as AppDefinition;
const caps: Capabilities = {
  admin: false, landing: '#/customers',
  entities: { customer: { actions: ['read', 'update'], scope: 'own', hidden: ['secret'], readOnly: ['rating'] } },
};
const locked = (e: EntityDefinition) => Object.entries(e.properties).filter(([, f]) => f['x-readonly']).map(([n]) => n);

describe('entityForUser', () => {
  it('drops hidden fields (and their required) and locks read-only, state, computed and unreadable-relation fields', () => {
    const seen = entityForUser(customer, app, caps, systemGiven);
    expect(Object.keys(seen.properties)).not.toContain('secret');
    expect(seen.required).toEqual(['name']);
    expect(locked(seen)).toEqual(['rating', 'stage', 'total', 'code', 'orders', 'partner']);
  });

  it('before the capabilities arrive, hides nothing but still locks state and computed fields', () => {
    const seen = entityForUser(customer, app, undefined, systemGiven);
    expect(Object.keys(seen.properties)).toContain('secret');
    expect(locked(seen)).toEqual(['stage', 'total', 'code', 'orders']);
  });

  it('maps every entity of the app and leaves the original untouched', () => {
    const seen = appForUser(app, caps, systemGiven);
    expect(seen.entities.map((e) => e['x-name'])).toEqual(['customer', 'partner']);
    expect(customer.properties.secret).toBeDefined();
    expect(customer.properties.rating['x-readonly']).toBeUndefined();
  });
});
