import type { AppDefinition } from '@tessera/metadata';
import { addField, newFieldId } from './add-field';
import { moveField } from './move-field';

const app = (): AppDefinition => ({
  name: 'crm',
  label: { en: 'CRM' },
  entities: [
    {
      type: 'object',
      'x-name': 'customer',
      'x-plural': 'customers',
      'x-label': { en: 'Customer', zh: '客户' },
      required: ['name'],
      properties: {
        name: { 'x-id': 'fld_customer_name', 'x-type': 'text', 'x-label': { en: 'Name' } },
        email: { 'x-id': 'fld_customer_email', 'x-type': 'email', 'x-label': { en: 'Email' } },
      },
    },
  ],
  layouts: [
    { name: 'customer_form', kind: 'form', entity: 'customer', sections: [{ id: 'basic', label: { en: 'Basic' }, fields: ['name', 'email'] }, { id: 'more', label: { en: 'More' }, fields: [] }] },
  ],
});

describe('addField', () => {
  it('adds the property with a stable id and appends it to the first section', () => {
    const next = addField(app(), 'customer', { type: 'text', name: 'region_code', label: { en: 'Region code', zh: '地区代码' }, required: false }, 'abc123');
    expect(next.entities[0].properties.region_code).toEqual({
      'x-id': 'fld_customer_region_code_abc123',
      'x-type': 'text',
      'x-label': { en: 'Region code', zh: '地区代码' },
    });
    expect(next.entities[0].required).toEqual(['name']);
    expect(next.layouts[0].sections[0].fields).toEqual(['name', 'email', 'region_code']);
    expect(next.layouts[0].sections[1].fields).toEqual([]);
  });

  it('marks required fields and carries select options', () => {
    const options = [{ value: 'north', label: { en: 'North', zh: '北区' } }];
    const next = addField(app(), 'customer', { type: 'select', name: 'zone', label: { en: 'Zone' }, required: true, options }, 'x');
    expect(next.entities[0].required).toEqual(['name', 'zone']);
    expect(next.entities[0].properties.zone['x-options']).toEqual(options);
    expect(next.entities[0].properties.zone['x-label']).toEqual({ en: 'Zone' });
  });

  it('creates a layout with every field when the entity has none', () => {
    const base = { ...app(), layouts: [] };
    const next = addField(base, 'customer', { type: 'text', name: 'region', label: { en: 'Region' }, required: false });
    expect(next.layouts).toEqual([
      { name: 'customer_form', kind: 'form', entity: 'customer', sections: [{ id: 'main', label: { en: 'Details', zh: '详细信息' }, columns: 2, fields: ['name', 'email', 'region'] }] },
    ]);
  });

  it('leaves the input untouched', () => {
    const before = app();
    addField(before, 'customer', { type: 'text', name: 'region', label: { en: 'Region' }, required: true });
    expect(before).toEqual(app());
  });

  it('mints ids in the documented shape', () => {
    expect(newFieldId('customer', 'region_code')).toMatch(/^fld_customer_region_code_[a-z0-9]{6}$/);
  });
});

describe('moveField', () => {
  it('moves a field to the position of another within its section', () => {
    const next = moveField(addField(app(), 'customer', { type: 'text', name: 'region', label: { en: 'R' }, required: false }), 'customer', 'basic', 'region', 'name');
    expect(next.layouts[0].sections[0].fields).toEqual(['region', 'name', 'email']);
  });
});
