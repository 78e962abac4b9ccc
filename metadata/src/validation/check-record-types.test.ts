import type { AppDefinition } from '../app/app-types';
import type { RecordTypesDefinition } from '../entity/entity-types';
import { checkRecordTypes } from './check-record-types';
import { validateApp } from './validate-app';

const l = (en: string) => ({ en });
const option = (value: string) => ({ value, label: l(value) });
const app = (types: RecordTypesDefinition, kindOptions = ['end_customer', 'distributor', 'agent']): AppDefinition => ({
  name: 'crm', label: l('CRM'),
  entities: [
    { type: 'object', 'x-name': 'customer', 'x-plural': 'customers', 'x-label': l('Customer'), 'x-record-types': types, properties: {
      name: { 'x-id': 'f_name', 'x-type': 'text', 'x-label': l('Name') },
      kind: { 'x-id': 'f_kind', 'x-type': 'select', 'x-label': l('Kind'), 'x-options': kindOptions.map(option) },
      territory: { 'x-id': 'f_territory', 'x-type': 'text', 'x-label': l('Territory') },
      rebate_rate: { 'x-id': 'f_rebate', 'x-type': 'percent', 'x-label': l('Rebate rate') },
      commission_rate: { 'x-id': 'f_commission', 'x-type': 'percent', 'x-label': l('Commission rate') },
    } },
    { type: 'object', 'x-name': 'contact', 'x-plural': 'contacts', 'x-label': l('Contact'), properties: { name: { 'x-id': 'c_name', 'x-type': 'text', 'x-label': l('Name') } } },
  ],
  layouts: [
    { name: 'customer-form', kind: 'form', entity: 'customer', sections: [{ id: 'a', label: l('A'), fields: ['name', 'kind'] }] },
    { name: 'customer-distributor-form', kind: 'form', entity: 'customer', sections: [{ id: 'a', label: l('A'), fields: ['name', 'kind', 'territory', 'rebate_rate'] }] },
    { name: 'contact-form', kind: 'form', entity: 'contact', sections: [{ id: 'a', label: l('A'), fields: ['name'] }] },
  ],
});
const good: RecordTypesDefinition = { field: 'kind', types: {
  end_customer: { layout: 'customer-form' },
  distributor: { fields: ['territory', 'rebate_rate'], required: ['territory', 'name'], layout: 'customer-distributor-form' },
  agent: { fields: ['commission_rate'] },
} };

describe('checkRecordTypes', () => {
  it('accepts types keyed by the select field\'s options, with their fields, required fields and layouts', () => {
    expect(checkRecordTypes(app(good))).toEqual([]);
    const result = validateApp(app(good));
    expect(result.ok ? [] : result.errors).toEqual([]);
  });

  it('refuses a type field that does not exist or is not a select', () => {
    const [missing] = checkRecordTypes(app({ ...good, field: 'knd' }));
    expect(missing).toMatchObject({ code: 'record-type-field-invalid', pointer: '/entities/0/x-record-types/field' });
    expect(missing.message).toBe('The record types of entity "customer" are chosen by the field "knd", which does not exist.');
    expect(missing.hint).toContain('Did you mean "kind"?');
    const [notSelect] = checkRecordTypes(app({ ...good, field: 'territory' }));
    expect(notSelect.message).toBe('The record types of entity "customer" are chosen by "territory", which is a text field, not a select.');
  });

  it('refuses options without a type and types without an option', () => {
    const errors = checkRecordTypes(app(good, ['end_customer', 'distributor', 'reseller']));
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ code: 'record-type-options-mismatch', pointer: '/entities/0/x-record-types/types' });
    expect(errors[0].message).toBe('In entity "customer", the options "reseller" have no record type and the record types "agent" are not options of "kind".');
  });

  it('names unknown fields, the type field itself, and required fields of other types', () => {
    const errors = checkRecordTypes(app({ field: 'kind', types: { ...good.types, agent: { fields: ['comission_rate', 'kind'], required: ['rebate_rate', 'phone'] } } }));
    expect(errors.map((e) => [e.code, e.pointer])).toEqual([
      ['record-type-field-missing', '/entities/0/x-record-types/types/agent/fields/0'],
      ['record-type-field-missing', '/entities/0/x-record-types/types/agent/fields/1'],
      ['record-type-required-invalid', '/entities/0/x-record-types/types/agent/required/0'],
      ['record-type-required-invalid', '/entities/0/x-record-types/types/agent/required/1'],
    ]);
    expect(errors[0].hint).toContain('Did you mean "commission_rate"?');
    expect(errors[2].message).toBe('The record type "agent" of entity "customer" requires "rebate_rate", which applies only to other record types.');
  });

  it('refuses an unknown layout and a layout of another entity', () => {
    const errors = checkRecordTypes(app({ field: 'kind', types: { ...good.types, end_customer: { layout: 'customer-from' }, agent: { layout: 'contact-form' } } }));
    expect(errors.map((e) => e.code)).toEqual(['record-type-layout-invalid', 'record-type-layout-invalid']);
    expect(errors[0].hint).toContain('Did you mean "customer-form"?');
    expect(errors[1].message).toBe('The record type "agent" of entity "customer" uses layout "contact-form", which arranges another entity ("contact").');
  });

  it('the meta-schema refuses unknown keys in a type', () => {
    const result = validateApp(app({ field: 'kind', types: { ...good.types, agent: { fields: [], colour: 'red' } as never } }));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors.map((e) => e.pointer)).toContain('/entities/0/x-record-types/types/agent/colour');
  });
});
