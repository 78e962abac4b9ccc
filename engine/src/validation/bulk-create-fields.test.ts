import type { AppDefinition } from '@tessera/metadata';
import { createFieldTypeRegistry } from '../field-types/field-type-registry';
import { validateAppWithRegistry } from './validate-app-with-registry';

// x-relation.bulkCreate asks users for values once for all records created: never for one the system gives.
const app = (fields: string[]): AppDefinition =>
  ({
    name: 'crm',
    label: { en: 'CRM' },
    layouts: [],
    entities: [
      { type: 'object', 'x-name': 'customer', 'x-plural': 'customers', 'x-label': { en: 'Customer' }, properties: { name: { 'x-id': 'c1', 'x-type': 'text', 'x-label': { en: 'Name' } } } },
      {
        type: 'object', 'x-name': 'survey', 'x-plural': 'surveys', 'x-label': { en: 'Survey' },
        properties: {
          title: { 'x-id': 's1', 'x-type': 'text', 'x-label': { en: 'Title' } },
          number: { 'x-id': 's2', 'x-type': 'autonumber', 'x-label': { en: 'No.' }, 'x-format': 'S-{0000}' },
          customer: { 'x-id': 's3', 'x-type': 'relation', 'x-label': { en: 'Customer' }, 'x-relation': { entity: 'customer', kind: 'many-to-one', bulkCreate: { label: { en: 'Send' }, fields } } },
        },
      },
    ],
  }) as AppDefinition;

describe('bulkCreate fields against the field types', () => {
  const registry = createFieldTypeRegistry();
  it('accepts fields users fill in', () => {
    expect(validateAppWithRegistry(app(['title']), registry).ok).toBe(true);
  });
  it('refuses a field whose value the system gives (an autonumber)', () => {
    expect(validateAppWithRegistry(app(['title', 'number']), registry)).toMatchObject({
      ok: false,
      errors: [{ code: 'bulk-create-invalid', pointer: '/entities/1/properties/customer/x-relation/bulkCreate/fields/1' }],
    });
  });
});
