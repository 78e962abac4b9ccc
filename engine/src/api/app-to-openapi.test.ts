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

  it('is an OpenAPI 3.1 document titled after the app, with bearer and cookie security', () => {
    expect(doc.openapi).toBe('3.1.0');
    expect(doc.info).toMatchObject({ title: 'CRM', version: '7' });
    expect(doc.security).toEqual([{ bearer: [] }, { cookie: [] }]);
    expect(Object.keys(doc.components.securitySchemes)).toEqual(['bearer', 'cookie']);
    expect(doc.paths['/healthz'].get.security).toEqual([]);
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/api/auth/login', '/api/auth/tokens', '/api/_meta/publish', '/api/_meta/archives', '/api/_meta/purge', '/api/openapi.json']));
    expect(doc.paths['/api/_meta/purge'].post.requestBody.content['application/json'].schema.properties.olderThanDays).toEqual({ type: 'number', minimum: 0 });
  });

  it('describes the admin user, department and team routes with their bodies and errors', () => {
    const paths = doc.paths;
    expect(Object.keys(paths)).toEqual(expect.arrayContaining([
      '/api/admin/users', '/api/admin/users/{id}', '/api/admin/users/{id}/sessions', '/api/admin/departments', '/api/admin/departments/{id}',
      '/api/admin/teams', '/api/admin/teams/{id}', '/api/admin/teams/{id}/members', '/api/admin/teams/{id}/members/{userId}',
    ]));
    expect(Object.keys(paths['/api/admin/users'])).toEqual(['get', 'post']);
    expect(Object.keys(paths['/api/admin/users/{id}'])).toEqual(['parameters', 'get', 'patch']);
    expect(Object.keys(paths['/api/admin/departments/{id}'])).toEqual(['parameters', 'patch', 'delete']);
    expect(Object.keys(paths['/api/admin/teams/{id}'])).toEqual(['parameters', 'delete']);
    const create = paths['/api/admin/users'].post;
    expect(create.tags).toEqual(['Admin']);
    const newUser = create.requestBody.content['application/json'].schema;
    expect(newUser.required).toEqual(['username', 'password']);
    expect(Object.keys(newUser.properties)).toEqual(['username', 'password', 'email', 'displayName', 'roles', 'departmentId', 'managerId', 'isActive']);
    expect(newUser.additionalProperties).toBe(false);
    expect(Object.keys(create.responses)).toEqual(['201', '400', '401', '403', '409', '413', '415', '422']);
    const patch = paths['/api/admin/users/{id}'].patch;
    expect(Object.keys(patch.requestBody.content['application/json'].schema.properties)).not.toContain('username');
    expect(patch.responses['422'].content['application/json'].example.error.details).toEqual([expect.objectContaining({ field: 'managerId', rule: 'cycle' })]);
    expect(paths['/api/admin/departments/{id}'].patch.responses['422'].content['application/json'].example.error.details[0]).toMatchObject({ field: 'parentId', rule: 'cycle' });
    expect(paths['/api/admin/departments/{id}'].delete.responses['409'].content['application/json'].example.error.code).toBe('department_not_empty');
    const deleteTeam = paths['/api/admin/teams/{id}'].delete;
    expect(deleteTeam.operationId).toBe('adminDeleteTeam');
    expect(Object.keys(deleteTeam.responses)).toEqual(['204', '401', '403', '404']);
    expect(paths['/api/admin/teams/{id}/members/{userId}'].parameters.map((p: Doc) => p.name)).toEqual(['id', 'userId']);
    expect(doc.security).toEqual([{ bearer: [] }, { cookie: [] }]);
    expect(create.security).toBeUndefined(); // the document's bearer or cookie, like every signed-in route
  });

  it('has record, create and update schemas per entity and the Error schema', () => {
    const schemas = doc.components.schemas;
    expect(Object.keys(schemas)).toEqual(['Error', 'SalesOrder', 'SalesOrderCreate', 'SalesOrderUpdate']);
    expect(schemas.SalesOrder.properties.id.readOnly).toBe(true);
    expect(schemas.SalesOrder.properties.deleted_at).toBeUndefined();
    expect(schemas.SalesOrderCreate.required).toEqual(['number']);
    expect(schemas.SalesOrderUpdate.required).toBeUndefined();
    expect(Object.keys(schemas.Error.properties.error.properties)).toEqual(['code', 'message', 'details', 'requestId']);
  });

  it('describes list (every query parameter), get, create, update, delete, bulk and aggregate with their errors', () => {
    const list = doc.paths['/api/sales-orders'].get;
    expect(list.operationId).toBe('listSalesOrders');
    expect(list.parameters.map((p: Doc) => p.name)).toEqual(['filter', 'sort', 'fields', 'limit', 'offset', 'cursor', 'count', 'q', 'expand']);
    expect(list.parameters[0]).toMatchObject({ in: 'query', style: 'deepObject', explode: true });
    const page = list.responses['200'].content['application/json'].schema;
    expect(page.required).toEqual(['data', 'limit', 'nextCursor']);
    expect(page.properties.data.items).toEqual({ $ref: '#/components/schemas/SalesOrder' });
    const post = doc.paths['/api/sales-orders'].post;
    expect(post.operationId).toBe('createSalesOrder');
    expect(post.parameters[0]).toEqual({ $ref: '#/components/parameters/IdempotencyKey' });
    expect(Object.keys(post.responses)).toEqual(['201', '400', '401', '403', '404', '409', '413', '415', '422']);
    const item = doc.paths['/api/sales-orders/{id}'];
    expect([item.get.operationId, item.patch.operationId, item.delete.operationId]).toEqual(['getSalesOrder', 'updateSalesOrder', 'deleteSalesOrder']);
    expect(item.patch.parameters[0]).toEqual({ $ref: '#/components/parameters/IfMatch' });
    expect(item.patch.responses['412']).toEqual({ $ref: '#/components/responses/PreconditionFailed' });
    expect(item.get.responses['200'].headers.ETag).toEqual({ $ref: '#/components/headers/ETag' });
    expect(doc.paths['/api/sales-orders/bulk'].post.operationId).toBe('bulkSalesOrders');
    expect(doc.paths['/api/sales-orders/aggregate'].get.parameters.map((p: Doc) => p.name)).toEqual(['group', 'measures', 'limit', 'filter', 'q']);
    expect(doc.paths['/api/sales-orders/{id}/restore']).toBeUndefined();
    expect(doc.components.responses.Unprocessable.content['application/json'].schema).toEqual({ $ref: '#/components/schemas/Error' });
  });

  it('adds restore, deleted= and deleted_at for soft-delete entities', () => {
    const soft = appToOpenApi({ ...app, entities: [{ ...app.entities[0], 'x-soft-delete': true }] }, createFieldTypeRegistry()) as Doc;
    expect(soft.paths['/api/sales-orders/{id}/restore'].post.operationId).toBe('restoreSalesOrder');
    expect(soft.paths['/api/sales-orders'].get.parameters.map((p: Doc) => p.name)).toContain('deleted');
    expect(soft.components.schemas.SalesOrder.properties.deleted_at).toMatchObject({ readOnly: true });
  });

  it('resolves every $ref it contains', () => {
    const refs = JSON.stringify(doc).match(/"\$ref":"[^"]+"/g) ?? [];
    for (const raw of refs) {
      const path = raw.slice('"$ref":"'.length, -1).replace('#/', '').split('/');
      expect(path.reduce((node: Doc | undefined, key) => node?.[key], doc)).toBeDefined();
    }
  });
});
