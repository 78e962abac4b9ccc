import { httpCall } from '@tessera/runtime';
import type { AppDefinition, EntityDefinition } from '@tessera/metadata';

/** A small app: customers with one field of every built-in type, and contacts that belong to one. */
export function customerEntity(): EntityDefinition {
  return {
    type: 'object',
    'x-name': 'customer',
    'x-plural': 'customers',
    'x-label': { en: 'Customer', zh: '客户' },
    'x-display-field': 'name',
    required: ['name'],
    properties: {
      name: { 'x-id': 'f_name', 'x-type': 'text', 'x-label': { en: 'Name' }, maxLength: 100 },
      notes: { 'x-id': 'f_notes', 'x-type': 'textarea', 'x-label': { en: 'Notes' } },
      employees: { 'x-id': 'f_employees', 'x-type': 'number', 'x-label': { en: 'Employees' }, minimum: 0 },
      revenue: { 'x-id': 'f_revenue', 'x-type': 'currency', 'x-label': { en: 'Revenue' } },
      founded: { 'x-id': 'f_founded', 'x-type': 'date', 'x-label': { en: 'Founded' } },
      last_contact: { 'x-id': 'f_last_contact', 'x-type': 'datetime', 'x-label': { en: 'Last contact' } },
      active: { 'x-id': 'f_active', 'x-type': 'boolean', 'x-label': { en: 'Active' } },
      tier: {
        'x-id': 'f_tier',
        'x-type': 'select',
        'x-label': { en: 'Tier' },
        'x-options': [
          { value: 'gold', label: { en: 'Gold' } },
          { value: 'silver', label: { en: 'Silver' } },
        ],
      },
      email: { 'x-id': 'f_email', 'x-type': 'email', 'x-label': { en: 'Email' } },
      phone: { 'x-id': 'f_phone', 'x-type': 'phone', 'x-label': { en: 'Phone' } },
      website: { 'x-id': 'f_website', 'x-type': 'url', 'x-label': { en: 'Website' } },
    },
  };
}

export function contactEntity(): EntityDefinition {
  return {
    type: 'object',
    'x-name': 'contact',
    'x-plural': 'contacts',
    'x-label': { en: 'Contact', zh: '联系人' },
    'x-display-field': 'full_name',
    required: ['full_name'],
    properties: {
      full_name: { 'x-id': 'c_full_name', 'x-type': 'text', 'x-label': { en: 'Full name' } },
      customer: {
        'x-id': 'c_customer',
        'x-type': 'relation',
        'x-label': { en: 'Customer' },
        'x-relation': { entity: 'customer', kind: 'many-to-one', onDelete: 'restrict' },
      },
    },
  };
}

export function testApp(): AppDefinition {
  return { name: 'crm_test', label: { en: 'CRM test' }, entities: [customerEntity(), contactEntity()], layouts: [] };
}

/** One unauthenticated request (public routes, or to check a 401); signed-in tests use `rt.admin.call` / `rt.login(...)`. */
export function call(baseUrl: string, method: string, path: string, body?: unknown, headers: Record<string, string> = {}) {
  return httpCall(baseUrl, method, path, body, headers);
}
