import type { AppDefinition } from '../app/app-types';

/** A small app for the view and dashboard checks: customers, their owner, quotes in several currencies. */
export function viewsApp(): AppDefinition {
  const label = (en: string) => ({ en });
  return {
    name: 'crm',
    label: label('CRM'),
    layouts: [],
    entities: [
      {
        type: 'object', 'x-name': 'customer', 'x-plural': 'customers', 'x-label': label('Customer'),
        properties: {
          name: { 'x-id': 'c1', 'x-type': 'text', 'x-label': label('Name') },
          level: { 'x-id': 'c2', 'x-type': 'select', 'x-label': label('Level'), 'x-options': [{ value: 'A', label: label('A') }, { value: 'B', label: label('B') }] },
          revenue: { 'x-id': 'c3', 'x-type': 'currency', 'x-label': label('Revenue'), 'x-currency': 'CNY' },
          tags: { 'x-id': 'c4', 'x-type': 'multiselect', 'x-label': label('Tags'), 'x-options': [{ value: 't', label: label('T') }] },
          since: { 'x-id': 'c5', 'x-type': 'date', 'x-label': label('Since') },
        },
      },
      {
        type: 'object', 'x-name': 'quote', 'x-plural': 'quotes', 'x-label': label('Quote'),
        properties: {
          name: { 'x-id': 'q1', 'x-type': 'text', 'x-label': label('Name') },
          customer: { 'x-id': 'q2', 'x-type': 'relation', 'x-label': label('Customer'), 'x-relation': { entity: 'customer', kind: 'many-to-one' } },
          currency_code: { 'x-id': 'q3', 'x-type': 'select', 'x-label': label('Currency'), 'x-options': [{ value: 'CNY', label: label('CNY') }, { value: 'USD', label: label('USD') }] },
          amount: { 'x-id': 'q4', 'x-type': 'currency', 'x-label': label('Amount'), 'x-currency-field': 'currency_code' },
        },
      },
    ],
  };
}
