import type { EntityDefinition } from '@tessera/metadata';
import type { JsonSchema } from '../field-types/field-type-types';
import { QUERY_LIMITS } from '../query/query-types';
import { errorResponses, json, param, ref } from './openapi-components';

const query = (name: string, description: string, schema: JsonSchema, example?: unknown, extra: Record<string, unknown> = {}) => ({
  name, in: 'query', required: false, description, schema, ...(example !== undefined ? { example } : {}), ...extra,
});

const FILTER = query('filter', 'Bracket form `filter[field]=v`, `filter[field][op]=v` (ops: eq ne gt gte lt lte in nin between contains startsWith isNull containsAll containsAny; relation paths like customer.industry). The JSON form `filter={"and":[…]}` is accepted too. Conditions are ANDed.', { type: 'object', additionalProperties: true }, { industry: 'it' }, { style: 'deepObject', explode: true });
const Q = query('q', 'Case-insensitive substring search over the text-like fields', { type: 'string', maxLength: QUERY_LIMITS.maxSearchLength }, '华为');
const FIELDS = query('fields', 'Fields to return, comma-separated; id always comes back', { type: 'string' }, 'name,industry');
const EXPAND = query('expand', 'Relations to embed, up to two levels: many-to-one fields (→ record or null) and one-to-many children by plural (→ array)', { type: 'string' }, 'contacts');
const DELETED = query('deleted', 'Admins only: `only` lists soft-deleted records, `include` both', { type: 'string', enum: ['exclude', 'only', 'include'] });

const listParameters = (soft: boolean) => [
  FILTER,
  query('sort', 'Comma-separated fields, `-` for descending; NULLs last; id appended. Default -created_at', { type: 'string' }, '-annual_revenue,name'),
  FIELDS,
  query('limit', `Page size, 1–${QUERY_LIMITS.maxLimit}`, { type: 'integer', minimum: 1, maximum: QUERY_LIMITS.maxLimit, default: QUERY_LIMITS.defaultLimit }),
  query('offset', 'Offset pagination (not with cursor)', { type: 'integer', minimum: 0, default: 0 }),
  query('cursor', 'Keyset pagination: the previous page\'s nextCursor, with the same sort', { type: 'string' }),
  query('count', 'Include total (default true for offset pages, false with a cursor)', { type: 'boolean' }),
  Q,
  EXPAND,
  ...(soft ? [DELETED] : []),
];

/** The paths of one entity: list/create, bulk, aggregate, get/update/delete, restore (soft delete). */
export function entityOpenApiPaths(entity: EntityDefinition, name: string, pluralName: string): Record<string, JsonSchema> {
  const plural = entity['x-plural'];
  const soft = entity['x-soft-delete'] === true;
  const tags = [entity['x-label-plural']?.en ?? entity['x-label'].en];
  const one = json({ type: 'object', required: ['data'], properties: { data: ref(name) } });
  const etag = { ETag: { $ref: '#/components/headers/ETag' } };
  const replayed = { 'Idempotent-Replayed': { $ref: '#/components/headers/IdempotentReplayed' } };
  const read = errorResponses([400, 401, 403, 404]);
  const write = errorResponses([400, 401, 403, 404, 409, 413, 415, 422]);
  const bulkResult: JsonSchema = {
    type: 'object', required: ['op', 'index', 'status'],
    properties: {
      op: { type: 'string', enum: ['create', 'update', 'delete'] }, index: { type: 'integer' }, status: { type: 'integer' },
      id: { type: 'string', format: 'uuid' }, data: ref(name), error: { type: 'object', properties: { code: { type: 'string' }, message: { type: 'string' }, details: { type: 'array', items: {} } } },
    },
  };
  const paths: Record<string, JsonSchema> = {
    [`/api/${plural}`]: {
      get: {
        operationId: `list${pluralName}`, summary: `List ${plural}`, tags, parameters: listParameters(soft),
        responses: {
          '200': {
            description: `A page of ${plural}`,
            ...json({
              type: 'object', required: ['data', 'limit', 'nextCursor'],
              properties: { data: { type: 'array', items: ref(name) }, total: { type: 'integer' }, limit: { type: 'integer' }, offset: { type: 'integer' }, nextCursor: { type: ['string', 'null'] } },
            }),
          },
          ...read,
        },
      },
      post: {
        operationId: `create${name}`, summary: `Create a ${entity['x-name']}`, tags, parameters: [param('IdempotencyKey'), param('CsrfToken')],
        requestBody: { required: true, ...json(ref(`${name}Create`)) },
        responses: { '201': { description: 'Created', headers: replayed, ...one }, ...write },
      },
    },
    [`/api/${plural}/bulk`]: {
      post: {
        operationId: `bulk${pluralName}`, summary: `Create, update and delete up to 1,000 ${plural} in one transaction`, tags,
        description: 'All or nothing: on any failure the answer is 422 `bulk_failed` whose details hold one result per item (failing items with their error, the others `not_applied`), and nothing is written.',
        parameters: [param('IdempotencyKey'), param('CsrfToken')],
        requestBody: {
          required: true,
          ...json({
            type: 'object', additionalProperties: false,
            properties: {
              create: { type: 'array', items: ref(`${name}Create`) },
              update: { type: 'array', items: { allOf: [ref(`${name}Update`)], type: 'object', required: ['id'], properties: { id: { type: 'string', format: 'uuid' }, version: { type: 'integer', minimum: 1 } } } },
              delete: { type: 'array', items: { oneOf: [{ type: 'string', format: 'uuid' }, { type: 'object', required: ['id'], properties: { id: { type: 'string', format: 'uuid' }, version: { type: 'integer', minimum: 1 } } }] } },
            },
          }, { create: [{ name: 'Acme' }], delete: ['0b6f3a53-8a5e-4d5e-9d55-1c1f0f3a9e11'] }),
        },
        responses: { '200': { description: 'Every item applied, one result each', headers: replayed, ...json({ type: 'object', required: ['data'], properties: { data: { type: 'array', items: bulkResult } } }) }, ...write },
      },
    },
    [`/api/${plural}/aggregate`]: {
      get: {
        operationId: `aggregate${pluralName}`, summary: `Count and sum ${plural} by group`, tags,
        parameters: [
          query('group', 'Up to 4 fields; dates may be bucketed with :day, :week, :month, :year', { type: 'string' }, 'industry,created_at:month'),
          query('measures', 'count, sum:f, avg:f, min:f, max:f (default count)', { type: 'string' }, 'count,sum:annual_revenue'),
          query('limit', `Groups returned, 1–${QUERY_LIMITS.maxAggregateRows}`, { type: 'integer', minimum: 1, maximum: QUERY_LIMITS.maxAggregateRows }),
          FILTER, Q,
        ],
        responses: { '200': { description: 'One row per group', ...json({ type: 'object', required: ['data'], properties: { data: { type: 'array', items: { type: 'object', additionalProperties: true } } } }, { data: [{ industry: 'it', count: 3 }] }) }, ...read },
      },
    },
    [`/api/${plural}/{id}`]: {
      parameters: [param('Id')],
      get: { operationId: `get${name}`, summary: `Get a ${entity['x-name']}`, tags, parameters: [FIELDS, EXPAND, ...(soft ? [DELETED] : [])], responses: { '200': { description: 'The record', headers: etag, ...one }, ...read } },
      patch: {
        operationId: `update${name}`, summary: `Update a ${entity['x-name']}`, tags, parameters: [param('IfMatch'), param('CsrfToken')],
        requestBody: { required: true, ...json(ref(`${name}Update`)) },
        responses: { '200': { description: 'Updated', headers: etag, ...one }, ...write, ...errorResponses([412]) },
      },
      delete: {
        operationId: `delete${name}`, summary: soft ? `Delete a ${entity['x-name']} (soft: it can be restored)` : `Delete a ${entity['x-name']}`, tags, parameters: [param('IfMatch'), param('CsrfToken')],
        responses: { '204': { description: 'Deleted' }, ...errorResponses([400, 401, 403, 404, 409, 412]) },
      },
    },
  };
  if (soft) {
    paths[`/api/${plural}/{id}/restore`] = {
      parameters: [param('Id')],
      post: { operationId: `restore${name}`, summary: `Restore a deleted ${entity['x-name']}`, tags, parameters: [param('CsrfToken')], responses: { '200': { description: 'Restored', headers: etag, ...one }, ...errorResponses([401, 403, 404]) } },
    };
  }
  return paths;
}
