import type { EntityDefinition } from '@tessera/metadata';
import { recordTypeErrors } from './record-type-checks';

const l = (en: string, zh?: string) => (zh ? { en, zh } : { en });
const entity: EntityDefinition = {
  type: 'object', 'x-name': 'customer', 'x-plural': 'customers', 'x-label': l('Customer'),
  'x-record-types': { field: 'kind', types: { end_customer: {}, distributor: { fields: ['territory'], required: ['territory', 'phone'] }, agent: { fields: ['territory'] } } },
  properties: {
    kind: { 'x-id': 'k', 'x-type': 'select', 'x-label': l('Kind', '类型'), 'x-options': [{ value: 'end_customer', label: l('End customer', '终端客户') }, { value: 'distributor', label: l('Distributor', '经销商') }, { value: 'agent', label: l('Agent') }] },
    territory: { 'x-id': 't', 'x-type': 'text', 'x-label': l('Territory', '区域') },
    phone: { 'x-id': 'p', 'x-type': 'phone', 'x-label': l('Phone') },
  },
};

describe('recordTypeErrors', () => {
  it('passes records whose fields apply to their kind', () => {
    expect(recordTypeErrors(entity, { kind: 'distributor', territory: 'Hebei', phone: '1' })).toEqual([]);
    expect(recordTypeErrors(entity, { kind: 'end_customer', territory: '', phone: null })).toEqual([]);
    expect(recordTypeErrors({ ...entity, 'x-record-types': undefined }, { territory: 'x' })).toEqual([]);
  });

  it('names the field and the kind in both languages (English where the metadata has no Chinese)', () => {
    expect(recordTypeErrors(entity, { kind: 'end_customer', territory: 'Hebei' })).toEqual([{ field: 'territory', rule: 'record-type', message: 'Territory does not apply when Kind is End customer.', messages: { en: 'Territory does not apply when Kind is End customer.', zh: '类型为终端客户时不适用区域。' } }]);
    expect(recordTypeErrors(entity, { kind: null, territory: 'Hebei' })[0].messages).toEqual({ en: 'Territory applies only when Kind is Distributor or Agent.', zh: '区域仅在类型为经销商或Agent时适用。' });
  });

  it('requires the kind\'s required fields', () => {
    expect(recordTypeErrors(entity, { kind: 'distributor', territory: ' ' }).map((e) => [e.field, e.rule, e.messages.zh])).toEqual([['territory', 'required', '区域为必填项'], ['phone', 'required', 'Phone为必填项']]);
  });
});
