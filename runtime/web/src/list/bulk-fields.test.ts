import type { AppDefinition, EntityDefinition } from '@tessera/metadata';
import { bulkFields } from './bulk-fields';

const entity = {
  'x-name': 'quote',
  properties: {
    name: { 'x-type': 'text' },
    level: { 'x-type': 'select' },
    status: { 'x-type': 'select' },
    reviewer: { 'x-type': 'user' },
    vip: { 'x-type': 'boolean' },
    rating: { 'x-type': 'select' },
  },
} as unknown as EntityDefinition;
const app = { workflows: [{ entity: 'quote', stateField: 'status' }] } as unknown as AppDefinition;

it('offers writable select, user and boolean fields, never a workflow state field', () => {
  const access = { can: () => true, writable: (f: string) => f !== 'rating' };
  expect(bulkFields(app, entity, access).map(([name]) => name)).toEqual(['level', 'reviewer', 'vip']);
});
