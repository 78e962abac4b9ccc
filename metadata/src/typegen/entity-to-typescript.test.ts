import type { EntityDefinition } from '../entity/entity-types';
import { entityToRecordSchema, entityToTypeScript, entityTypeName } from './entity-to-typescript';

const deal: EntityDefinition = {
  type: 'object',
  'x-name': 'sales_order',
  'x-plural': 'sales_orders',
  'x-label': { en: 'Sales order', zh: '销售订单' },
  required: ['title', 'stage'],
  properties: {
    title: { 'x-id': 'f1', 'x-type': 'text', 'x-label': { en: 'Title' } },
    stage: { 'x-id': 'f2', 'x-type': 'select', 'x-label': { en: 'Stage' }, 'x-options': [{ value: 'new', label: { en: 'New' } }, { value: 'won', label: { en: 'Won' } }] },
    amount: { 'x-id': 'f3', 'x-type': 'currency', 'x-label': { en: 'Amount' } },
    customer: { 'x-id': 'f4', 'x-type': 'relation', 'x-label': { en: 'Customer' }, 'x-relation': { entity: 'customer', kind: 'many-to-one' } },
    score: { 'x-id': 'f5', 'x-type': 'rating:stars', 'x-label': { en: 'Score' } },
  },
};

describe('entityToTypeScript', () => {
  it('names the interface in PascalCase', () => {
    expect(entityTypeName(deal)).toBe('SalesOrder');
  });

  it('builds a record schema with system columns, required fields and nullable optional ones', () => {
    const schema = entityToRecordSchema(deal);
    expect(schema.required).toEqual(['id', 'created_at', 'updated_at', 'created_by', 'owner', 'version', 'title', 'stage']);
    expect((schema.properties as Record<string, unknown>).amount).toEqual({ description: 'Amount', anyOf: [{ type: 'number' }, { type: 'null' }] });
  });

  it('emits select unions, numbers, uuids and plugin types from opts', async () => {
    const ts = await entityToTypeScript(deal, { fieldTypes: { 'rating:stars': { type: 'integer', minimum: 1, maximum: 5 } } });
    expect(ts).toContain('export interface SalesOrder {');
    expect(ts).toMatch(/\n {2}version: number;/);
    expect(ts).toMatch(/\n {2}created_by: string \| null;/);
    expect(ts).toMatch(/\n {2}title: string;/);
    expect(ts).toMatch(/\n {2}stage: 'new' \| 'won';/);
    expect(ts).toMatch(/\n {2}amount\?: number \| null;/);
    expect(ts).toMatch(/\n {2}customer\?: string \| null;/);
    expect(ts).toMatch(/\n {2}score\?: number \| null;/);
    expect(ts).toContain('Sales order (销售订单)');
  });

  it('types an unregistered field type as unknown rather than failing', async () => {
    expect(await entityToTypeScript(deal)).toMatch(/\n {2}score\?: unknown;/);
  });
});
