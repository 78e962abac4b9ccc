import type { AppDefinition, FieldDefinition } from '@tessera/metadata';

const text = (id: string, en: string): FieldDefinition => ({ 'x-id': id, 'x-type': 'text', 'x-label': { en } });
const rollup = (id: string, spec: FieldDefinition['x-rollup']): FieldDefinition => ({ 'x-id': id, 'x-type': 'rollup', 'x-label': { en: id }, 'x-rollup': spec });

/**
 * Customers with their contacts (count) and payments (sum/min/max of a currency amount).
 * `withRollups: false` leaves the rollup fields out, so a test can add them by publishing.
 */
export function rollupApp(withRollups = true): AppDefinition {
  const rollups: Record<string, FieldDefinition> = withRollups
    ? {
        contact_count: rollup('cu_contact_count', { relation: 'contacts', fn: 'count' }),
        total_paid: rollup('cu_total_paid', { relation: 'payments', fn: 'sum', field: 'amount' }),
        largest_payment: rollup('cu_largest', { relation: 'payments', fn: 'max', field: 'amount' }),
      }
    : {};
  return {
    name: 'rollup_test',
    label: { en: 'Rollups' },
    layouts: [],
    entities: [
      {
        type: 'object',
        'x-name': 'customer',
        'x-plural': 'customers',
        'x-label': { en: 'Customer' },
        properties: {
          name: text('cu_name', 'Name'),
          contacts: { 'x-id': 'cu_contacts', 'x-type': 'relation', 'x-label': { en: 'Contacts' }, 'x-relation': { entity: 'contact', kind: 'one-to-many', field: 'customer' } },
          payments: { 'x-id': 'cu_payments', 'x-type': 'relation', 'x-label': { en: 'Payments' }, 'x-relation': { entity: 'payment', kind: 'one-to-many', field: 'customer' } },
          ...rollups,
        },
      },
      {
        type: 'object',
        'x-name': 'contact',
        'x-plural': 'contacts',
        'x-label': { en: 'Contact' },
        properties: {
          name: text('co_name', 'Name'),
          customer: { 'x-id': 'co_customer', 'x-type': 'relation', 'x-label': { en: 'Customer' }, 'x-relation': { entity: 'customer', kind: 'many-to-one', onDelete: 'cascade' } },
        },
      },
      {
        type: 'object',
        'x-name': 'payment',
        'x-plural': 'payments',
        'x-label': { en: 'Payment' },
        'x-soft-delete': true,
        properties: {
          amount: { 'x-id': 'pa_amount', 'x-type': 'currency', 'x-label': { en: 'Amount' } },
          customer: { 'x-id': 'pa_customer', 'x-type': 'relation', 'x-label': { en: 'Customer' }, 'x-relation': { entity: 'customer', kind: 'many-to-one' } },
        },
      },
    ],
  };
}
