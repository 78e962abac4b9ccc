import type { EntityDefinition } from '@tessera/metadata';
import { scopeChoices, scopeOf, scopeValue } from './scope-choices';

const ticket = {
  type: 'object', 'x-name': 'ticket', 'x-plural': 'tickets', 'x-label': { en: 'Ticket' },
  properties: {
    subject: { 'x-id': 'a', 'x-type': 'text', 'x-label': { en: 'Subject' } },
    customer: { 'x-id': 'b', 'x-type': 'relation', 'x-label': { en: 'Customer', zh: '客户' }, 'x-relation': { entity: 'customer', kind: 'many-to-one' } },
    parent_ticket: { 'x-id': 'c', 'x-type': 'relation', 'x-label': { en: 'Parent' }, 'x-relation': { entity: 'ticket', kind: 'many-to-one' } },
    watchers: { 'x-id': 'd', 'x-type': 'relation', 'x-label': { en: 'Watchers' }, 'x-relation': { entity: 'contact', kind: 'many-to-many' } },
  },
} as unknown as EntityDefinition;

describe('scope choices of the permission matrix', () => {
  it('offers the fixed scopes, then one "through" per many-to-one relation to another entity', () => {
    expect(scopeChoices(ticket)).toEqual([{ value: 'own' }, { value: 'team' }, { value: 'department' }, { value: 'all' }, { value: 'parent:customer', relation: { en: 'Customer', zh: '客户' } }]);
  });

  it('maps stored scopes to select values and back', () => {
    expect(scopeValue({ parent: 'customer' })).toBe('parent:customer');
    expect(scopeOf('parent:customer')).toEqual({ parent: 'customer' });
    expect(scopeOf('department')).toBe('department');
    expect(scopeValue({ expression: 'level == "A"' })).toBe('expression');
    expect(scopeValue(undefined)).toBe('own');
    expect(scopeValue('team')).toBe('team');
  });
});
