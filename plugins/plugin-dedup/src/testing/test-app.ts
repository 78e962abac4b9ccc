import type { AppDefinition } from '@tessera/metadata';

const text = (id: string, label: string) => ({ 'x-id': id, 'x-type': 'text', 'x-label': { en: label } });
/** Customers (name, phone, email) and their contacts; a sales rep sees only their own customers. */
export const app: AppDefinition = {
  name: 'dedup_test',
  label: { en: 'Dedup test' },
  layouts: [],
  entities: [
    {
      type: 'object', 'x-name': 'customer', 'x-plural': 'customers', 'x-label': { en: 'Customer' }, 'x-display-field': 'name', required: ['name'],
      properties: {
        name: text('f_name', 'Name'),
        phone: { 'x-id': 'f_phone', 'x-type': 'phone', 'x-label': { en: 'Phone' } },
        email: { 'x-id': 'f_email', 'x-type': 'email', 'x-label': { en: 'Email' } },
      },
    },
    {
      type: 'object', 'x-name': 'contact', 'x-plural': 'contacts', 'x-label': { en: 'Contact' }, required: ['full_name'],
      properties: {
        full_name: text('c_full_name', 'Full name'),
        customer: { 'x-id': 'c_customer', 'x-type': 'relation', 'x-label': { en: 'Customer' }, 'x-relation': { entity: 'customer', kind: 'many-to-one', onDelete: 'restrict' } },
      },
    },
  ],
  permissions: {
    roles: {
      sales_rep: {
        label: { en: 'Rep' },
        entities: { customer: { actions: ['read', 'create', 'update', 'delete'], scope: 'own' }, contact: { actions: ['read', 'create', 'update'], scope: 'own' } },
      },
    },
  },
};

