import type { AppDefinition, EntityDefinition, FormLayout } from '@tessera/metadata';
import { entityForm } from './entity-form';

const l = (en: string) => ({ en });
const form = (name: string, extra: Partial<FormLayout> = {}): FormLayout => ({ name, kind: 'form', entity: 'customer', sections: [{ id: 'a', label: l('A'), fields: ['name'] }], ...extra });
const customer = (types?: EntityDefinition['x-record-types']): EntityDefinition => ({
  type: 'object', 'x-name': 'customer', 'x-plural': 'customers', 'x-label': l('Customer'), ...(types ? { 'x-record-types': types } : {}),
  properties: {
    name: { 'x-id': 'n', 'x-type': 'text', 'x-label': l('Name') },
    kind: { 'x-id': 'k', 'x-type': 'select', 'x-label': l('Kind'), default: 'end', 'x-options': [{ value: 'end', label: l('End') }, { value: 'agent', label: l('Agent') }] },
  },
});
const app = (entity: EntityDefinition, layouts: FormLayout[]): AppDefinition => ({ name: 'crm', label: l('CRM'), entities: [entity], layouts });

describe('entityForm', () => {
  const layouts = [form('customer-agent-form'), form('customer-form'), form('web', { public: { slug: 'web', title: l('Web'), submitAs: 'bot' } })];

  it('is the first non-public form without record types', () => {
    expect(entityForm(app(customer(), layouts), 'customer')?.name).toBe('customer-agent-form');
  });

  it('with record types, the form no type claims, else the default type\'s, never another type\'s', () => {
    expect(entityForm(app(customer({ field: 'kind', types: { end: {}, agent: { layout: 'customer-agent-form' } } }), layouts), 'customer')?.name).toBe('customer-form');
    expect(entityForm(app(customer({ field: 'kind', types: { end: { layout: 'customer-form' }, agent: { layout: 'customer-agent-form' } } }), layouts), 'customer')?.name).toBe('customer-form');
  });
});
