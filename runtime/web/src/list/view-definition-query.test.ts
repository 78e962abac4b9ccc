import type { AppDefinition, ViewDefinition } from '@tessera/metadata';
import { viewColumns, withViewDefinition } from './view-definition-query';

const app = {
  name: 'crm', label: { en: 'CRM' }, layouts: [],
  entities: [
    { type: 'object', 'x-name': 'customer', 'x-plural': 'customers', 'x-label': { en: 'Customer' }, properties: { name: { 'x-id': 'n', 'x-type': 'text', 'x-label': { en: 'Name' } } } },
    { type: 'object', 'x-name': 'deal', 'x-plural': 'deals', 'x-label': { en: 'Deal' }, properties: {
      name: { 'x-id': 'd', 'x-type': 'text', 'x-label': { en: 'Name' } },
      customer: { 'x-id': 'c', 'x-type': 'relation', 'x-label': { en: 'Customer' }, 'x-relation': { entity: 'customer', kind: 'many-to-one' } },
    } },
  ],
} as AppDefinition;
const deal = app.entities[1];
const mine: ViewDefinition = { name: 'mine', entity: 'deal', label: { en: 'Mine' }, kind: 'list', columns: ['name', 'customer.name', 'owner'], filter: { owner: { eq: '$me' } } };

describe('withViewDefinition', () => {
  it('ANDs the view filter (with $me bound) onto the user\'s and expands relations its columns read', () => {
    const q = new URLSearchParams(withViewDefinition('limit=20&filter=%7B%22and%22%3A%5B%7B%22name%22%3A%7B%22contains%22%3A%22a%22%7D%7D%5D%7D', deal, mine, 'u-7'));
    expect(JSON.parse(q.get('filter')!)).toEqual({ and: [{ owner: { eq: 'u-7' } }, { and: [{ name: { contains: 'a' } }] }] });
    expect(q.get('expand')).toBe('customer');
    expect(q.get('limit')).toBe('20');
    expect(JSON.parse(new URLSearchParams(withViewDefinition('limit=20', deal, mine, 'u-7')).get('filter')!)).toEqual({ owner: { eq: 'u-7' } });
  });

  it('leaves the query alone without a view, and lists the columns it can show', () => {
    expect(withViewDefinition('limit=20&sort=name', deal, undefined)).toBe('limit=20&sort=name');
    expect(viewColumns(app, deal, mine).map(([path]) => path)).toEqual(['name', 'customer.name']);
  });
});
