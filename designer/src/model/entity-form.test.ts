import type { AppDefinition, EntityDefinition, FormLayout } from '@tessera/metadata';
import { addField } from './add-field';
import { addSection } from './edit-layout';
import { entityForm } from './entity-form';
import { moveField } from './move-field';

// The public web form comes first on purpose: the canvas must still find (and edit) the lead's own form.
const app = {
  name: 'a', label: { en: 'A' },
  entities: [{ type: 'object', 'x-name': 'lead', 'x-plural': 'leads', 'x-label': { en: 'Lead' }, properties: {
    name: { 'x-id': 'a', 'x-type': 'text', 'x-label': { en: 'Name' } },
    email: { 'x-id': 'b', 'x-type': 'email', 'x-label': { en: 'Email' } },
  } }],
  layouts: [
    { name: 'web', kind: 'form', entity: 'lead', sections: [{ id: 'you', label: { en: 'You' }, fields: ['email', 'name'] }], public: { slug: 'contact', title: { en: 'Contact' }, submitAs: 'webform' } },
    { name: 'lead_form', kind: 'form', entity: 'lead', sections: [{ id: 'main', label: { en: 'Main' }, fields: ['name', 'email'] }] },
  ],
} as unknown as AppDefinition;

describe('the entity form, never its public web form', () => {
  it('is the first form layout that is not public', () => {
    expect(entityForm(app, 'lead')?.name).toBe('lead_form');
    expect(entityForm(app, 'customer')).toBeUndefined();
  });

  it('takes the canvas edits (sections, new fields, reordering) while the public form stays as it was', () => {
    const edited = moveField(addField(addSection(app, 'lead', { en: 'More', zh: '更多' }), 'lead', { type: 'text', name: 'company', label: { en: 'Company' }, required: false }, 'r'), 'lead', 'main', 'email', 'name');
    expect(edited.layouts[0]).toBe(app.layouts[0]);
    expect(edited.layouts[1].sections.map((s) => [s.id, s.fields])).toEqual([['main', ['email', 'name', 'company']], ['section_2', []]]);
  });
});

const l = (en: string) => ({ en });
const form = (name: string, extra: Partial<FormLayout> = {}): FormLayout => ({ name, kind: 'form', entity: 'customer', sections: [{ id: 'a', label: l('A'), fields: ['name'] }], ...extra });
const customer = (types?: EntityDefinition['x-record-types']): EntityDefinition => ({
  type: 'object', 'x-name': 'customer', 'x-plural': 'customers', 'x-label': l('Customer'), ...(types ? { 'x-record-types': types } : {}),
  properties: {
    name: { 'x-id': 'n', 'x-type': 'text', 'x-label': l('Name') },
    kind: { 'x-id': 'k', 'x-type': 'select', 'x-label': l('Kind'), default: 'end', 'x-options': [{ value: 'end', label: l('End') }, { value: 'agent', label: l('Agent') }] },
  },
});
const typedApp = (entity: EntityDefinition, layouts: FormLayout[]): AppDefinition => ({ name: 'crm', label: l('CRM'), entities: [entity], layouts });

describe('the entity form with record types', () => {
  const layouts = [form('customer-agent-form'), form('customer-form'), form('web', { public: { slug: 'web', title: l('Web'), submitAs: 'bot' } })];

  it('is the first non-public form without record types', () => {
    expect(entityForm(typedApp(customer(), layouts), 'customer')?.name).toBe('customer-agent-form');
  });

  it('with record types, the form no type claims, else the default type\'s, never another type\'s', () => {
    expect(entityForm(typedApp(customer({ field: 'kind', types: { end: {}, agent: { layout: 'customer-agent-form' } } }), layouts), 'customer')?.name).toBe('customer-form');
    expect(entityForm(typedApp(customer({ field: 'kind', types: { end: { layout: 'customer-form' }, agent: { layout: 'customer-agent-form' } } }), layouts), 'customer')?.name).toBe('customer-form');
  });
});
