import type { AppDefinition, FieldDefinition } from '../index';
import { validateApp } from './validate-app';

const text = (id: string, extra: Record<string, unknown> = {}) => ({ 'x-id': id, 'x-type': 'text', 'x-label': { en: id }, ...extra }) as FieldDefinition;

function app(bulkCreate: unknown, kind = 'many-to-one'): AppDefinition {
  return {
    name: 'crm',
    label: { en: 'CRM' },
    layouts: [],
    entities: [
      { type: 'object', 'x-name': 'customer', 'x-plural': 'customers', 'x-label': { en: 'Customer' }, properties: { name: text('n') } } as never,
      {
        type: 'object', 'x-name': 'survey', 'x-plural': 'surveys', 'x-label': { en: 'Survey' },
        properties: {
          title: text('st'),
          note: text('sn', { 'x-readonly': true }),
          customer: { 'x-id': 'sc', 'x-type': 'relation', 'x-label': { en: 'Customer' }, 'x-relation': { entity: 'customer', kind, bulkCreate } } as unknown as FieldDefinition,
        },
      } as never,
    ],
  };
}
const codes = (a: AppDefinition) => {
  const result = validateApp(a);
  return result.ok ? [] : result.errors.map((e) => `${e.code} ${e.pointer}`);
};
const at = '/entities/1/properties/customer/x-relation/bulkCreate';

describe('x-relation.bulkCreate', () => {
  it('accepts a label and fields of the child', () => {
    expect(codes(app({ label: { en: 'Send survey', zh: '发放调查' }, fields: ['title'] }))).toEqual([]);
  });
  it('refuses a bad shape: no label, no fields, an unknown keyword', () => {
    expect(codes(app({ fields: ['title'] })).length).toBeGreaterThan(0);
    expect(codes(app({ label: { en: 'x' }, fields: [] })).length).toBeGreaterThan(0);
    expect(codes(app({ label: { en: 'x' }, fields: ['title'], all: true })).length).toBeGreaterThan(0);
  });
  it('names a missing field, the relation itself and a read-only field', () => {
    expect(codes(app({ label: { en: 'x' }, fields: ['titel', 'customer', 'note'] }))).toEqual([
      `bulk-create-invalid ${at}/fields/0`, `bulk-create-invalid ${at}/fields/1`, `bulk-create-invalid ${at}/fields/2`,
    ]);
  });
  it('sits only on a many-to-one', () => {
    expect(codes(app({ label: { en: 'x' }, fields: ['title'] }, 'many-to-many'))).toContain(`bulk-create-invalid ${at}`);
  });
});
