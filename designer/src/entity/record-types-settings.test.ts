import { META_SCHEMAS, type EntityDefinition, type RecordTypeSpec } from '@tessera/metadata';
import { cleanSpec, recordTypeProblems, typeFieldChoices, typesForField } from './record-types-settings';

const l = (en: string) => ({ en });
const entity: EntityDefinition = {
  type: 'object', 'x-name': 'customer', 'x-plural': 'customers', 'x-label': l('Customer'),
  properties: {
    name: { 'x-id': 'n', 'x-type': 'text', 'x-label': l('Name') },
    kind: { 'x-id': 'k', 'x-type': 'select', 'x-label': l('Kind'), 'x-options': [{ value: 'end', label: l('End') }, { value: 'dist', label: l('Distributor') }] },
    territory: { 'x-id': 't', 'x-type': 'text', 'x-label': l('Territory') },
  },
};

describe('record types settings', () => {
  it('offers select fields and makes one type per option, keeping what was set', () => {
    expect(typeFieldChoices(entity)).toEqual(['kind']);
    expect(typesForField(entity, 'kind', { field: 'kind', types: { dist: { fields: ['territory'] }, gone: {} } })).toEqual({ field: 'kind', types: { end: {}, dist: { fields: ['territory'] } } });
  });

  it('keeps no empty lists', () => {
    expect(cleanSpec({ fields: [], required: ['territory', 'territory'], layout: '' })).toEqual({ required: ['territory'] });
  });

  it('keeps every setting a record type has in the meta-schema', () => {
    const keys = Object.keys((META_SCHEMAS.entity as unknown as { $defs: { recordType: { properties: Record<string, { type: string }> } } }).$defs.recordType.properties);
    expect(keys.length).toBeGreaterThanOrEqual(4);
    const full = Object.fromEntries(keys.map((k) => [k, k === 'fields' || k === 'required' ? ['territory'] : `some_${k}`])) as RecordTypeSpec;
    expect(cleanSpec(full)).toEqual(full);
  });

  it('names the types whose fields or required fields publishing would refuse', () => {
    expect(recordTypeProblems(entity, { field: 'kind', types: { end: {}, dist: { fields: ['territory'], required: ['territory', 'name'] } } })).toEqual([]);
    expect(recordTypeProblems(entity, { field: 'name', types: {} })).toEqual([['recordTypeField']]);
    expect(recordTypeProblems(entity, { field: 'kind', types: { end: { fields: ['teritory'], required: ['territory'] }, dist: { fields: ['territory'] } } })).toEqual([['recordTypeFields', 'end'], ['recordTypeRequired', 'end']]);
  });
});
