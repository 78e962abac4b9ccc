import type { AppDefinition } from '../app/app-types';
import { BUILTIN_FIELD_TYPES } from './builtin-field-types';
import { METADATA_ERROR_CODES } from './error-codes';
import { validateApp } from './validate-app';
import type { MetadataError } from './validation-types';

/** A small valid app; each test breaks one thing in a fresh copy. */
function validApp(): AppDefinition {
  return {
    name: 'crm',
    label: { en: 'CRM', zh: '客户关系管理' },
    entities: [
      {
        type: 'object',
        'x-name': 'customer',
        'x-plural': 'customers',
        'x-label': { en: 'Customer' },
        'x-display-field': 'name',
        required: ['name'],
        properties: {
          name: { 'x-id': 'fld_customer_name', 'x-type': 'text', 'x-label': { en: 'Name' }, maxLength: 200 },
          industry: { 'x-id': 'fld_customer_industry', 'x-type': 'select', 'x-label': { en: 'Industry' }, 'x-options': [{ value: 'it', label: { en: 'IT' } }, { value: 'retail', label: { en: 'Retail' } }] },
        },
      },
      {
        type: 'object',
        'x-name': 'contact',
        'x-plural': 'contacts',
        'x-label': { en: 'Contact' },
        properties: {
          name: { 'x-id': 'fld_contact_name', 'x-type': 'text', 'x-label': { en: 'Name' } },
          customer: { 'x-id': 'fld_contact_customer', 'x-type': 'relation', 'x-label': { en: 'Customer' }, 'x-relation': { entity: 'customer', kind: 'many-to-one' } },
        },
      },
    ],
    layouts: [{ name: 'customer-form', kind: 'form', entity: 'customer', sections: [{ id: 'basic', label: { en: 'Basic' }, fields: ['name', 'industry'] }] }],
  };
}

function errorsOf(app: unknown, opts?: Parameters<typeof validateApp>[1]): MetadataError[] {
  const result = validateApp(app, opts);
  return result.ok ? [] : result.errors;
}

const shape = (errors: MetadataError[]) => errors.map(({ pointer, code }) => ({ pointer, code }));

describe('validateApp', () => {
  it('accepts a valid app and returns it typed', () => {
    const app = validApp();
    expect(validateApp(app)).toEqual({ ok: true, value: app });
  });

  it('rejects a select field without options, naming the entity and field', () => {
    const app = validApp();
    delete app.entities[0].properties.industry['x-options'];
    expect(errorsOf(app)).toEqual([
      {
        pointer: '/entities/0/properties/industry',
        code: 'select-without-options',
        message: 'The select field "industry" of entity "customer" has no options.',
        hint: 'Add at least one option under x-options, e.g. [{"value":"it","label":{"en":"IT"}}].',
      },
    ]);
    app.entities[0].properties.industry['x-options'] = [];
    expect(shape(errorsOf(app))).toEqual([{ pointer: '/entities/0/properties/industry', code: 'select-without-options' }]);
  });

  it('rejects duplicate option values', () => {
    const app = validApp();
    app.entities[0].properties.industry['x-options']!.push({ value: 'it', label: { en: 'IT again' } });
    expect(shape(errorsOf(app))).toEqual([{ pointer: '/entities/0/properties/industry/x-options/2/value', code: 'duplicate-option-value' }]);
  });

  it('rejects an unknown field type and suggests the closest one', () => {
    const app = validApp();
    app.entities[0].properties.name['x-type'] = 'txt';
    const [error] = errorsOf(app);
    expect(shape([error])).toEqual([{ pointer: '/entities/0/properties/name/x-type', code: 'unknown-field-type' }]);
    expect(error.message).toBe('The field "name" of entity "customer" has the type "txt", which is not a known field type.');
    expect(error.hint).toMatch(/^Did you mean "text"\?/);
  });

  it('accepts plugin field types when the caller lists them', () => {
    const app = validApp();
    app.entities[0].properties.name['x-type'] = 'rating:stars';
    expect(shape(errorsOf(app))).toEqual([{ pointer: '/entities/0/properties/name/x-type', code: 'unknown-field-type' }]);
    expect(errorsOf(app, { fieldTypes: [...BUILTIN_FIELD_TYPES, { name: 'rating:stars' }] })).toEqual([]);
  });

  it('rejects duplicate field ids within an entity and across the app', () => {
    const app = validApp();
    app.entities[0].properties.industry['x-id'] = 'fld_customer_name';
    app.entities[1].properties.name['x-id'] = 'fld_customer_name';
    const errors = errorsOf(app);
    expect(shape(errors)).toEqual([
      { pointer: '/entities/0/properties/industry/x-id', code: 'duplicate-field-id' },
      { pointer: '/entities/1/properties/name/x-id', code: 'duplicate-field-id' },
    ]);
    expect(errors[0].message).toBe('The field "industry" of entity "customer" has the id "fld_customer_name", which the field "name" already uses.');
    expect(errors[1].message).toBe('The field "name" of entity "contact" has the id "fld_customer_name", which the field "name" of entity "customer" already uses.');
  });

  it('rejects duplicate entity names and plural names', () => {
    const app = validApp();
    app.entities[1]['x-name'] = 'customer';
    app.entities[1]['x-plural'] = 'customers';
    app.entities[1].properties.customer['x-relation']!.entity = 'customer';
    expect(shape(errorsOf(app))).toEqual([
      { pointer: '/entities/1/x-name', code: 'duplicate-entity-name' },
      { pointer: '/entities/1/x-plural', code: 'duplicate-entity-plural' },
    ]);
  });

  it('rejects a relation to a missing entity', () => {
    const app = validApp();
    app.entities[1].properties.customer['x-relation']!.entity = 'client';
    const errors = errorsOf(app);
    expect(shape(errors)).toEqual([{ pointer: '/entities/1/properties/customer/x-relation/entity', code: 'relation-target-missing' }]);
    expect(errors[0].message).toBe('The field "customer" of entity "contact" points to the entity "client", which does not exist.');
  });

  it('requires x-relation on relation fields and forbids it elsewhere', () => {
    const app = validApp();
    delete app.entities[1].properties.customer['x-relation'];
    app.entities[1].properties.name['x-relation'] = { entity: 'customer', kind: 'many-to-one' };
    expect(shape(errorsOf(app))).toEqual([
      { pointer: '/entities/1/properties/name/x-relation', code: 'relation-not-allowed' },
      { pointer: '/entities/1/properties/customer', code: 'relation-missing' },
    ]);
  });

  it.each(['id', 'created_at', 'updated_at', 'created_by', 'owner', 'version', 'deleted_at'])('rejects the reserved field name %s', (name) => {
    const app = validApp();
    app.entities[0].properties[name] = { 'x-id': 'fld_reserved', 'x-type': 'text', 'x-label': { en: 'Reserved' } };
    expect(shape(errorsOf(app))).toEqual([{ pointer: `/entities/0/properties/${name}`, code: 'reserved-field-name' }]);
  });

  it.each(['admin', 'approvals', 'files', 'plugins'])('rejects the plural %s, which the runtime\'s own routes use', (plural) => {
    const app = validApp();
    app.entities[0]['x-plural'] = plural;
    expect(shape(errorsOf(app))).toEqual([{ pointer: '/entities/0/x-plural', code: 'reserved-plural' }]);
  });

  it('rejects names that are not safe SQL identifiers', () => {
    const app = validApp();
    app.name = 'My CRM';
    app.entities[0]['x-name'] = 'Customer';
    app.entities[0]['x-plural'] = 'customer-list';
    app.entities[0].properties['Annual Revenue'] = { 'x-id': 'fld_rev', 'x-type': 'number', 'x-label': { en: 'Revenue' } };
    app.entities[1].properties.customer['x-relation']!.entity = 'Customer';
    app.layouts[0].entity = 'Customer';
    const errors = errorsOf(app);
    expect(shape(errors)).toEqual([
      { pointer: '/name', code: 'invalid-identifier' },
      { pointer: '/entities/0/x-name', code: 'invalid-identifier' },
      { pointer: '/entities/0/x-plural', code: 'invalid-identifier' },
      { pointer: '/entities/0/properties/Annual Revenue', code: 'invalid-identifier' },
    ]);
    expect(errors[3].message).toBe('The field name "Annual Revenue" of entity "Customer" is not a safe name: use lowercase letters, digits and "_", starting with a letter.');
    expect(errors[3].hint).toBe('Rename it, e.g. "annual_revenue".');
  });

  it('rejects names longer than 63 bytes', () => {
    const app = validApp();
    const long = 'a'.repeat(64);
    app.entities[0].properties[long] = { 'x-id': 'fld_long', 'x-type': 'text', 'x-label': { en: 'Long' } };
    app.entities[0]['x-plural'] = 'c'.repeat(63);
    expect(shape(errorsOf(app))).toEqual([{ pointer: `/entities/0/properties/${long}`, code: 'identifier-too-long' }]);
  });

  it('rejects required and display fields that do not exist', () => {
    const app = validApp();
    app.entities[0].required = ['name', 'nmae'];
    app.entities[0]['x-display-field'] = 'title';
    const errors = errorsOf(app);
    expect(shape(errors)).toEqual([
      { pointer: '/entities/0/required/1', code: 'unknown-required-field' },
      { pointer: '/entities/0/x-display-field', code: 'unknown-display-field' },
    ]);
    expect(errors[0].hint).toBe('Did you mean "name"? Its fields: name, industry.');
  });

  it('rejects scale larger than precision', () => {
    const app = validApp();
    app.entities[0].properties.revenue = { 'x-id': 'fld_rev', 'x-type': 'currency', 'x-label': { en: 'Revenue' }, 'x-precision': 4, 'x-scale': 6 };
    expect(shape(errorsOf(app))).toEqual([{ pointer: '/entities/0/properties/revenue/x-scale', code: 'scale-exceeds-precision' }]);
  });

  it('rejects layouts of a missing entity, with missing or repeated fields, and duplicate names', () => {
    const app = validApp();
    app.layouts[0].sections.push({ id: 'basic', label: { en: 'More' }, fields: ['industry', 'phone'] });
    app.layouts.push({ name: 'customer-form', kind: 'form', entity: 'client', sections: [{ id: 'a', label: { en: 'A' }, fields: ['name'] }] });
    const errors = errorsOf(app);
    expect(shape(errors)).toEqual([
      { pointer: '/layouts/0/sections/1/id', code: 'duplicate-section-id' },
      { pointer: '/layouts/0/sections/1/fields/0', code: 'duplicate-layout-field' },
      { pointer: '/layouts/0/sections/1/fields/1', code: 'layout-field-missing' },
      { pointer: '/layouts/1/name', code: 'duplicate-layout-name' },
      { pointer: '/layouts/1/entity', code: 'layout-entity-missing' },
    ]);
    expect(errors[2].message).toBe('Layout "customer-form" shows the field "phone", but entity "customer" has no such field.');
  });

  it('returns every error at once and uses only listed codes', () => {
    const app = validApp() as unknown as Record<string, any>;
    app.label = {};
    app.entities[0].properties.name['x-type'] = 'nope';
    app.entities[0].properties.industry['x-options'] = [];
    app.layouts[0].entity = 'ghost';
    const errors = errorsOf(app);
    expect(errors.map((e) => e.code)).toEqual(['missing-property', 'unknown-field-type', 'select-without-options', 'layout-entity-missing']);
    for (const e of errors) expect(METADATA_ERROR_CODES).toContain(e.code);
  });

  it('survives input that is not an app at all', () => {
    expect(shape(errorsOf(null))).toEqual([{ pointer: '', code: 'wrong-type' }]);
    expect(shape(errorsOf({ name: 'crm', label: { en: 'CRM' }, entities: [42], layouts: 'none' }))).toEqual([
      { pointer: '/entities/0', code: 'wrong-type' },
      { pointer: '/layouts', code: 'wrong-type' },
    ]);
  });
});
