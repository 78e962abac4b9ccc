import type { EntityDefinition } from '@tessera/metadata';
import { createRecordToParams, createRecordToState, relationsTo, sourcedValue, withTarget, writtenValue } from './create-record-model';

const entity = (name: string, properties: EntityDefinition['properties']): EntityDefinition => ({ type: 'object', 'x-name': name, 'x-plural': `${name}s`, 'x-label': { en: name }, properties });
const rel = (id: string, to: string, kind: 'many-to-one' | 'many-to-many' = 'many-to-one') => ({ 'x-id': id, 'x-type': 'relation', 'x-label': { en: to }, 'x-relation': { entity: to, kind } }) as EntityDefinition['properties'][string];
const lead = entity('lead', { converted_customer: rel('l1', 'customer'), tags: rel('l2', 'customer', 'many-to-many') });
const followUp = entity('follow_up', { lead: rel('f1', 'lead'), customer: rel('f2', 'customer') });
const customer = entity('customer', { from_lead: rel('c1', 'lead'), origin_lead: rel('c2', 'lead') });

describe('createRecord editor model', () => {
  it('tells a fixed value, an expression and an earlier record apart as the engine does', () => {
    expect([sourcedValue({ $expr: 'company' }), sourcedValue({ $created: 'customer' }), sourcedValue({ $expr: 'a', other: 1 }), sourcedValue(3)]).toEqual([
      { source: 'expr', value: 'company' }, { source: 'created', value: 'customer' }, { source: 'value', value: { $expr: 'a', other: 1 } }, { source: 'value', value: 3 },
    ]);
    expect(writtenValue({ source: 'expr', value: 'company' })).toEqual({ $expr: 'company' });
  });

  it('offers only to-one relations between the two entities for the links', () => {
    expect(relationsTo(lead, 'customer')).toEqual(['converted_customer']);
    expect(relationsTo(followUp, 'lead')).toEqual(['lead']);
  });

  it('links a new entity back by itself when it has exactly one relation to this record', () => {
    const state = createRecordToState({ entity: 'customer', values: { name: 'x' }, as: 'c' });
    expect(withTarget(state, followUp, 'follow_up', lead)).toEqual({ entity: 'follow_up', values: [], link: 'lead', as: 'c', backLink: '' });
    expect(withTarget(state, customer, 'customer', lead).link).toBe('');
    expect(createRecordToParams(withTarget(state, followUp, 'follow_up', lead))).toEqual({ entity: 'follow_up', link: 'lead', as: 'c' });
  });
});
