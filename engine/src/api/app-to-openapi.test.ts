import type { AppDefinition } from '@tessera/metadata';
import { createFieldTypeRegistry } from '../field-types/field-type-registry';
import { appToOpenApi } from './app-to-openapi';

const app: AppDefinition = {
  name: 'crm',
  label: { en: 'CRM', zh: '客户管理' },
  layouts: [],
  entities: [
    {
      type: 'object',
      'x-name': 'sales_order',
      'x-plural': 'sales-orders',
      'x-label': { en: 'Sales order' },
      required: ['number'],
      properties: { number: { 'x-id': 'o1', 'x-type': 'text', 'x-label': { en: 'Number' } } },
    },
  ],
};

type Doc = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

describe('appToOpenApi', () => {
  const doc = appToOpenApi(app, createFieldTypeRegistry(), { version: '7' }) as Doc;

  it('is an OpenAPI 3.1 document titled after the app', () => {
    expect(doc.openapi).toBe('3.1.0');
    expect(doc.info).toEqual({ title: 'CRM', version: '7' });
    expect(doc.paths['/healthz'].get.responses['200']).toBeDefined();
  });

  it('has record, create and update schemas per entity and the Error schema', () => {
    const schemas = doc.components.schemas;
    expect(Object.keys(schemas)).toEqual(['Error', 'SalesOrder', 'SalesOrderCreate', 'SalesOrderUpdate']);
    expect(schemas.SalesOrder.properties.id.readOnly).toBe(true);
    expect(schemas.SalesOrderCreate.required).toEqual(['number']);
    expect(schemas.SalesOrderUpdate.required).toBeUndefined();
    expect(schemas.Error.properties.error.properties.details.items.required).toEqual(['field', 'rule', 'message']);
  });

  it('describes list, get, create, update and delete with their error responses', () => {
    const list = doc.paths['/api/sales-orders'].get;
    expect(list.operationId).toBe('listSalesOrders');
    expect(list.parameters.map((p: Doc) => [p.name, p.in])).toEqual([['limit', 'query'], ['offset', 'query']]);
    const page = list.responses['200'].content['application/json'].schema;
    expect(page.required).toEqual(['data', 'total', 'limit', 'offset']);
    expect(page.properties.data.items).toEqual({ $ref: '#/components/schemas/SalesOrder' });

    const post = doc.paths['/api/sales-orders'].post;
    expect(post.operationId).toBe('createSalesOrder');
    expect(post.requestBody.content['application/json'].schema).toEqual({ $ref: '#/components/schemas/SalesOrderCreate' });
    expect(Object.keys(post.responses)).toEqual(['201', '400', '404', '422']);

    const item = doc.paths['/api/sales-orders/{id}'];
    expect([item.get.operationId, item.patch.operationId, item.delete.operationId]).toEqual(['getSalesOrder', 'updateSalesOrder', 'deleteSalesOrder']);
    expect(item.patch.requestBody.content['application/json'].schema.$ref).toBe('#/components/schemas/SalesOrderUpdate');
    expect(item.delete.responses['204']).toEqual({ description: 'Deleted' });
    expect(item.get.responses['422']).toEqual({ $ref: '#/components/responses/Unprocessable' });
    expect(doc.components.responses.Unprocessable.content['application/json'].schema).toEqual({ $ref: '#/components/schemas/Error' });
  });

  it('resolves every $ref it contains', () => {
    const refs = JSON.stringify(doc).match(/"\$ref":"[^"]+"/g) ?? [];
    for (const raw of refs) {
      const path = raw.slice('"$ref":"'.length, -1).replace('#/', '').split('/');
      expect(path.reduce((node: Doc | undefined, key) => node?.[key], doc)).toBeDefined();
    }
  });
});
