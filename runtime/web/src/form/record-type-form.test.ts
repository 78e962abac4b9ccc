import type { EntityDefinition, LayoutDefinition } from '@tessera/metadata';
import { typedForm, withoutOtherTypesFields } from './record-type-form';

const l = (en: string) => ({ en });
const entity: EntityDefinition = {
  type: 'object', 'x-name': 'customer', 'x-plural': 'customers', 'x-label': l('Customer'), required: ['name'],
  'x-record-types': { field: 'kind', types: { end_customer: { layout: 'customer-form' }, distributor: { fields: ['territory'], required: ['territory'], layout: 'customer-distributor-form' } } },
  properties: {
    name: { 'x-id': 'n', 'x-type': 'text', 'x-label': l('Name') },
    kind: { 'x-id': 'k', 'x-type': 'select', 'x-label': l('Kind'), default: 'end_customer', 'x-options': [{ value: 'end_customer', label: l('End') }, { value: 'distributor', label: l('Distributor') }] },
    territory: { 'x-id': 't', 'x-type': 'text', 'x-label': l('Territory') },
  },
};
const layout = (name: string): LayoutDefinition => ({ name, kind: 'form', entity: 'customer', sections: [{ id: 'a', label: l('A'), fields: ['name'] }] });
const layouts = [layout('customer-agent-form'), layout('customer-distributor-form'), layout('customer-form')];

describe('typedForm', () => {
  it('a new record takes the default type: its layout, without the other types\' fields', () => {
    const form = typedForm(entity, layouts, layouts[0], {});
    expect(form.type).toBe('end_customer');
    expect(form.layout?.name).toBe('customer-form');
    expect(Object.keys(form.entity.properties)).toEqual(['name', 'kind']);
    expect(form.entity.required).toEqual(['name']);
  });

  it('a distributor gets its layout, its fields and its required fields', () => {
    const form = typedForm(entity, layouts, layouts[0], { kind: 'distributor' });
    expect(form.layout?.name).toBe('customer-distributor-form');
    expect(Object.keys(form.entity.properties)).toEqual(['name', 'kind', 'territory']);
    expect(form.entity.required).toEqual(['name', 'territory']);
  });

  it('offers a saved record only the kinds that run its workflow; a new record every kind', () => {
    const agentToo = { ...entity, 'x-record-types': { field: 'kind', types: { ...entity['x-record-types']!.types, distributor: { ...entity['x-record-types']!.types.distributor, workflow: 'distributor_lifecycle' }, agent: {} } } };
    agentToo.properties = { ...entity.properties, kind: { ...entity.properties.kind, 'x-options': [...entity.properties.kind['x-options']!, { value: 'agent', label: l('Agent') }] } };
    const kinds = (form: ReturnType<typeof typedForm>) => form.entity.properties.kind['x-options']!.map((o) => o.value);
    expect(kinds(typedForm(agentToo, layouts, layouts[0], {}))).toEqual(['end_customer', 'distributor', 'agent']);
    expect(kinds(typedForm(agentToo, layouts, layouts[0], { kind: 'distributor' }, 'distributor'))).toEqual(['distributor']);
    expect(kinds(typedForm(agentToo, layouts, layouts[0], { kind: 'agent' }, 'end_customer'))).toEqual(['end_customer', 'agent']);
  });

  it('leaves an entity without types as it is', () => {
    const plain = { ...entity, 'x-record-types': undefined };
    expect(typedForm(plain, layouts, layouts[2], { kind: 'distributor' })).toEqual({ entity: plain, layout: layouts[2], type: undefined });
  });
});

describe('withoutOtherTypesFields', () => {
  it('drops the values of fields that stopped applying', () => {
    expect(withoutOtherTypesFields(entity, { name: 'A', kind: 'end_customer', territory: 'Hebei' })).toEqual({ name: 'A', kind: 'end_customer' });
    const kept = { name: 'A', kind: 'distributor', territory: 'Hebei' };
    expect(withoutOtherTypesFields(entity, kept)).toBe(kept);
  });
});

describe('typedForm without a layout of its own', () => {
  it('takes the entity\'s form no type claims, not another type\'s', () => {
    const agent: EntityDefinition = { ...entity, 'x-record-types': { field: 'kind', types: { end_customer: {}, distributor: { layout: 'customer-distributor-form' } } } };
    expect(typedForm(agent, layouts, layouts[1], {}).layout?.name).toBe('customer-agent-form');
  });
});

describe('typedForm with no type chosen', () => {
  it('takes the default type\'s layout when every form is claimed', () => {
    const claimed = [layout('customer-distributor-form'), layout('customer-form')];
    expect(typedForm(entity, claimed, claimed[0], { kind: null }).layout?.name).toBe('customer-form');
  });
});
