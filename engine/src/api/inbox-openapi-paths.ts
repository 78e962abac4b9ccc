import type { JsonSchema } from '../field-types/field-type-types';
import { errorResponses, json, param } from './openapi-components';

const obj = (properties: Record<string, JsonSchema>, required: string[] = Object.keys(properties)): JsonSchema => ({ type: 'object', required, properties });
const data = (schema: JsonSchema) => obj({ data: schema });
const op = (operationId: string, summary: string, tag: string, rest: Record<string, unknown>) => ({ operationId, summary, tags: [tag], ...rest });
const query = (name: string, description: string, schema: JsonSchema) => ({ name, in: 'query', required: false, description, schema });
const idParam = { name: 'id', in: 'path', required: true, schema: { type: 'string', format: 'uuid' } };

const notification = obj({
  id: { type: 'string', format: 'uuid' },
  subject: { type: ['string', 'null'] },
  body: { type: 'string' },
  entity: { type: ['string', 'null'], description: 'The entity (x-name) of the record it concerns' },
  recordId: { type: ['string', 'null'], format: 'uuid' },
  createdAt: { type: 'string', format: 'date-time' },
  readAt: { type: ['string', 'null'], format: 'date-time' },
  reminder: obj({ field: { type: 'string' }, dueAt: { type: 'string', format: 'date-time' } }),
}, ['id', 'body', 'createdAt', 'readAt']);
const viewQuery = obj({ filter: { type: 'object', description: 'The JSON filter of GET /api/{plural}' }, sort: { type: 'string' }, q: { type: 'string' }, fields: { type: 'string' } }, []);
const savedView = obj({
  id: { type: 'string', format: 'uuid' },
  entity: { type: 'string' },
  name: { type: 'string', minLength: 1, maxLength: 100 },
  query: viewQuery,
  shared: { type: 'boolean' },
  mine: { type: 'boolean', description: 'false for a view someone else shared' },
  ownerName: { type: 'string' },
  problems: { type: 'array', items: { type: 'string' }, description: 'Why an own view no longer runs (a publish removed a field)' },
  createdAt: { type: 'string', format: 'date-time' },
  updatedAt: { type: 'string', format: 'date-time' },
}, ['id', 'entity', 'name', 'query', 'shared', 'mine']);

/** The signed-in user's notifications, the user directory and saved list views (issue 7; docs/api.md). */
export function inboxOpenApiPaths(): Record<string, JsonSchema> {
  const N = 'Notifications';
  const V = 'Saved views';
  return {
    '/api/notifications': {
      get: op('listNotifications', 'My in-app notifications, newest first (keyset pages), with my unread count', N, {
        parameters: [
          query('unread', 'Only unread ones', { type: 'string', enum: ['true', 'false'] }),
          query('kind', 'reminder: only date-field reminders', { type: 'string', enum: ['reminder'] }),
          query('limit', '1–100 (20)', { type: 'integer', minimum: 1, maximum: 100 }),
          query('after', 'The `next` cursor of the previous page', { type: 'string' }),
        ],
        responses: { '200': { description: 'A page', ...json(obj({ data: { type: 'array', items: notification }, next: { type: ['string', 'null'] }, unread: { type: 'integer' } })) }, ...errorResponses([401, 422]) },
      }),
    },
    '/api/notifications/{id}/read': {
      post: op('markNotificationRead', 'Mark one of my notifications read (another user\'s is a 404)', N, {
        parameters: [idParam, param('CsrfToken')],
        responses: { '200': { description: 'Marked', ...json(data(notification)) }, ...errorResponses([401, 403, 404]) },
      }),
    },
    '/api/notifications/read-all': {
      post: op('markAllNotificationsRead', 'Mark all my notifications read', N, {
        parameters: [param('CsrfToken')],
        responses: { '200': { description: 'How many were unread', ...json(data(obj({ updated: { type: 'integer' } }))) }, ...errorResponses([401, 403]) },
      }),
    },
    '/api/_users': {
      get: op('listUserDirectory', 'Active users matching q (or names for ids): id, username and display name only, for pickers', 'Auth', {
        parameters: [query('q', 'Part of a name or username', { type: 'string', maxLength: 100 }), query('ids', 'Comma-separated user ids (inactive users too)', { type: 'string' }), query('limit', '1–100 (20)', { type: 'integer', minimum: 1, maximum: 100 })],
        responses: { '200': { description: 'Users', ...json(data({ type: 'array', items: obj({ id: { type: 'string', format: 'uuid' }, username: { type: 'string' }, displayName: { type: 'string' } }) })) }, ...errorResponses([401, 422]) },
      }),
    },
    '/api/_views': {
      get: op('listSavedViews', 'My saved views of an entity, plus views others shared that I can run', V, {
        parameters: [{ name: 'entity', in: 'query', required: true, description: 'The entity (x-name)', schema: { type: 'string' } }],
        responses: { '200': { description: 'Views', ...json(data({ type: 'array', items: savedView })) }, ...errorResponses([401, 403, 422]) },
      }),
      post: op('createSavedView', 'Save a list view; its query is checked like a list request against the fields I may read', V, {
        parameters: [param('CsrfToken')],
        requestBody: { required: true, ...json(obj({ entity: { type: 'string' }, name: { type: 'string', minLength: 1, maxLength: 100 }, query: viewQuery, shared: { type: 'boolean', description: 'Visible to all (admins and managers only)' } }, ['entity', 'name']), { entity: 'customer', name: 'Gold accounts', query: { filter: { and: [{ level: { eq: 'A' } }] }, sort: '-annual_revenue' } }) },
        responses: { '201': { description: 'Saved', ...json(data(savedView)) }, ...errorResponses([401, 403, 409, 422]) },
      }),
    },
    '/api/_views/{id}': {
      parameters: [idParam],
      patch: op('updateSavedView', 'Rename, change or (un)share one of my views', V, {
        parameters: [param('CsrfToken')],
        requestBody: { required: true, ...json(obj({ name: { type: 'string', minLength: 1, maxLength: 100 }, query: viewQuery, shared: { type: 'boolean' } }, [])) },
        responses: { '200': { description: 'Updated', ...json(data(savedView)) }, ...errorResponses([401, 403, 404, 409, 422]) },
      }),
      delete: op('deleteSavedView', 'Delete one of my views', V, { parameters: [param('CsrfToken')], responses: { '204': { description: 'Deleted' }, ...errorResponses([401, 403, 404]) } }),
    },
  };
}
