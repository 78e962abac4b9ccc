import type { AppDefinition } from '../app/app-types';
import { BUILTIN_FIELD_TYPES } from './builtin-field-types';
import { PUBLIC_FORM_FIELD_TYPES } from './check-public-forms';
import { validateApp } from './validate-app';

const TYPE_EXTRAS: Record<string, Record<string, unknown>> = {
  select: { 'x-options': [{ value: 'a', label: { en: 'A' } }] },
  multiselect: { 'x-options': [{ value: 'a', label: { en: 'A' } }] },
  relation: { 'x-relation': { entity: 'lead', kind: 'many-to-one' } },
  formula: { 'x-formula': '1' },
};

function appWith(type: string, form: Record<string, unknown> = {}): AppDefinition {
  return {
    name: 'crm',
    label: { en: 'CRM' },
    entities: [{
      type: 'object', 'x-name': 'lead', 'x-plural': 'leads', 'x-label': { en: 'Lead' },
      properties: {
        name: { 'x-id': 'fld_lead_name', 'x-type': 'text', 'x-label': { en: 'Name' } },
        status: { 'x-id': 'fld_lead_status', 'x-type': 'select', 'x-label': { en: 'Status' }, 'x-options': [{ value: 'new', label: { en: 'New' } }] },
        probe: { 'x-id': 'fld_lead_probe', 'x-type': type, 'x-label': { en: 'Probe' }, ...(TYPE_EXTRAS[type] ?? {}) },
      },
    }],
    workflows: [{ name: 'lead_flow', entity: 'lead', stateField: 'status', machine: { id: 'lead_flow', initial: 'new', states: { new: { on: { ASSIGN: { target: 'new' } } } } } }],
    layouts: [{ name: 'web', kind: 'form', entity: 'lead', sections: [{ id: 's', label: { en: 'S' }, fields: ['name', 'probe'] }], public: { slug: 'contact-us', title: { en: 'Contact us' }, submitAs: 'web', event: 'ASSIGN', ...form } }],
  } as unknown as AppDefinition;
}

const codes = (app: AppDefinition) => {
  const result = validateApp(app);
  return result.ok ? [] : result.errors.map((e) => e.code);
};

describe('public forms', () => {
  // Every built-in type is either askable or refused by name: a new type must be placed.
  it.each(BUILTIN_FIELD_TYPES.map((t) => t.name))('a field of type %s is accepted exactly when a visitor can fill it in', (type) => {
    const askable = (PUBLIC_FORM_FIELD_TYPES as readonly string[]).includes(type);
    expect(codes(appWith(type)).includes('public-form-field-unsupported')).toBe(!askable);
  });

  it('refuses a default for a missing field, an unknown event and a repeated address', () => {
    const app = appWith('text', { defaults: { sauce: 'web' }, event: 'NOPE' });
    app.layouts!.push({ ...app.layouts![0], name: 'web2' });
    expect(codes(app)).toEqual(expect.arrayContaining(['public-form-default-field-missing', 'public-form-event-missing', 'duplicate-form-slug']));
  });

  it('refuses an address that is not a plain slug', () => {
    expect(codes(appWith('text', { slug: '../admin' }))).toContain('invalid-format');
  });
});
