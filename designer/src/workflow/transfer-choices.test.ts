import type { EntityDefinition } from '@tessera/metadata';
import { recordChoices, transferEntities, userChoices, withEntity } from './transfer-choices';

const entity = (name: string, properties: EntityDefinition['properties']): EntityDefinition => ({ type: 'object', 'x-name': name, 'x-plural': `${name}s`, 'x-label': { en: name }, properties });
const customer = entity('customer', { name: { 'x-id': 'c1', 'x-type': 'text', 'x-label': { en: 'Name' } } });
const contact = entity('contact', {});
const request = entity('transfer_request', {
  customer: { 'x-id': 'r1', 'x-type': 'relation', 'x-label': { en: 'Customer' }, 'x-relation': { entity: 'customer', kind: 'many-to-one', onDelete: 'cascade' } },
  backup_customer: { 'x-id': 'r2', 'x-type': 'relation', 'x-label': { en: 'Backup' }, 'x-relation': { entity: 'customer', kind: 'many-to-one', onDelete: 'set-null' } },
  tags: { 'x-id': 'r3', 'x-type': 'relation', 'x-label': { en: 'Contacts' }, 'x-relation': { entity: 'contact', kind: 'many-to-many' } },
  new_owner: { 'x-id': 'r4', 'x-type': 'user', 'x-label': { en: 'New owner' } },
  reason: { 'x-id': 'r5', 'x-type': 'text', 'x-label': { en: 'Reason' } },
});

describe('transfer choices', () => {
  it('offers the record itself and what its to-one relations point at, not many-to-many targets', () => {
    expect(transferEntities(request, [customer, contact, request]).map((e) => e['x-name'])).toEqual(['customer', 'transfer_request']);
  });

  it('offers the relation fields to the chosen entity, and "this record" for its own entity', () => {
    expect(recordChoices(request, 'customer')).toEqual([{ expr: 'customer', field: 'customer' }, { expr: 'backup_customer', field: 'backup_customer' }]);
    expect(recordChoices(request, 'transfer_request')).toEqual([{ expr: 'id', field: 'this' }]);
    expect(recordChoices(customer, 'contact')).toEqual([]);
  });

  it('offers user fields and the person taking the step as receivers', () => {
    expect(userChoices(request)).toEqual([{ expr: 'new_owner', field: 'new_owner' }, { expr: '$user.id', field: 'actor' }]);
    expect(userChoices(customer)).toEqual([{ expr: '$user.id', field: 'actor' }]);
  });

  it('fills the pickers in on the first pick and keeps a choice that still fits', () => {
    expect(withEntity({}, request, 'customer')).toEqual({ entity: 'customer', record: { $expr: 'customer' }, to: { $expr: 'new_owner' } });
    expect(withEntity({ record: { $expr: 'backup_customer' }, to: { $expr: '$user.id' } }, request, 'customer')).toEqual({ entity: 'customer', record: { $expr: 'backup_customer' }, to: { $expr: '$user.id' } });
    expect(withEntity({ record: { $expr: 'customer' } }, request, 'transfer_request')).toMatchObject({ record: { $expr: 'id' } });
  });
});
