import type { AppDefinition, EntityDefinition } from '@tessera/metadata';
import type { Capabilities, EntityCapabilities } from '../api/capabilities-api';
import { bulkCreateTargets } from './bulk-create-targets';

const customer = { type: 'object', 'x-name': 'customer', 'x-plural': 'customers', 'x-label': { en: 'Customer' }, properties: {} } as unknown as EntityDefinition;
const survey = {
  type: 'object', 'x-name': 'survey', 'x-plural': 'surveys', 'x-label': { en: 'Survey' },
  properties: {
    title: { 'x-id': 't', 'x-type': 'text', 'x-label': { en: 'Title' } },
    customer: { 'x-id': 'c', 'x-type': 'relation', 'x-label': { en: 'Customer' }, 'x-relation': { entity: 'customer', kind: 'many-to-one', bulkCreate: { label: { en: 'Send survey' }, fields: ['title'] } } },
    other: { 'x-id': 'o', 'x-type': 'relation', 'x-label': { en: 'Other' }, 'x-relation': { entity: 'customer', kind: 'many-to-one' } },
  },
} as unknown as EntityDefinition;
const app = { name: 'crm', label: { en: 'CRM' }, layouts: [], entities: [customer, survey] } as unknown as AppDefinition;
const grant = (over: Partial<EntityCapabilities> = {}): EntityCapabilities => ({ actions: ['read', 'create'], scope: 'own', hidden: [], readOnly: [], ...over });
const caps = (survey: EntityCapabilities): Capabilities => ({ admin: false, landing: '#/customers', entities: { customer: grant(), survey } });

describe('bulkCreateTargets', () => {
  it('offers the child whose link declares bulkCreate, when the user may create it', () => {
    expect(bulkCreateTargets(app, customer, caps(grant())).map((t) => [t.child['x-name'], t.field, t.spec.label.en])).toEqual([['survey', 'customer', 'Send survey']]);
  });
  it('offers nothing without create, or when the link or an asked field is hidden or read-only for the user', () => {
    expect(bulkCreateTargets(app, customer, caps(grant({ actions: ['read'] })))).toEqual([]);
    expect(bulkCreateTargets(app, customer, caps(grant({ hidden: ['title'] })))).toEqual([]);
    expect(bulkCreateTargets(app, customer, caps(grant({ readOnly: ['customer'] })))).toEqual([]);
    expect(bulkCreateTargets(app, customer, undefined)).toEqual([]);
  });
  it('offers nothing on a list of another entity', () => {
    expect(bulkCreateTargets(app, survey, caps(grant()))).toEqual([]);
  });
});
