import type { AppDefinition, EntityDefinition } from '@tessera/metadata';
import type { FieldTypeRegistry } from '../field-types/field-type-registry';
import type { JsonSchema } from '../field-types/field-type-types';
import { entityToJsonSchema } from '../schema/entity-to-json-schema';

export interface AppToOpenApiOptions {
  title?: string;
  version?: string;
}

/** `sales_order` → `SalesOrder`: schema names and operationIds. */
const pascal = (name: string) => name.split(/[_-]+/).map((p) => p.charAt(0).toUpperCase() + p.slice(1)).join('');
const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const json = (schema: JsonSchema) => ({ content: { 'application/json': { schema } } });
const errorResponse = (name: string) => ({ $ref: `#/components/responses/${name}` });

const ERROR_SCHEMA: JsonSchema = {
  type: 'object',
  required: ['error'],
  properties: {
    error: {
      type: 'object',
      required: ['code', 'message'],
      properties: {
        code: { type: 'string' },
        message: { type: 'string' },
        details: {
          type: 'array',
          items: {
            type: 'object',
            required: ['field', 'rule', 'message'],
            properties: { field: { type: 'string' }, rule: { type: 'string' }, message: { type: 'string' } },
          },
        },
      },
    },
  },
};

/** The OpenAPI 3.1 document of the REST API the runtime serves for `app` (docs/architecture.md). */
export function appToOpenApi(app: AppDefinition, registry: FieldTypeRegistry, opts: AppToOpenApiOptions = {}): JsonSchema {
  const schemas: Record<string, JsonSchema> = { Error: ERROR_SCHEMA };
  const paths: Record<string, JsonSchema> = {
    '/healthz': {
      get: {
        operationId: 'health',
        summary: 'Liveness check',
        responses: { '200': { description: 'The server is up', ...json({ type: 'object', properties: { ok: { type: 'boolean' } } }) } },
      },
    },
  };
  for (const entity of app.entities) {
    const name = pascal(entity['x-name']);
    schemas[name] = entityToJsonSchema(entity, registry, 'record');
    schemas[`${name}Create`] = entityToJsonSchema(entity, registry, 'create');
    schemas[`${name}Update`] = entityToJsonSchema(entity, registry, 'update');
    Object.assign(paths, entityPaths(entity, name));
  }
  const errorResponses = {
    BadRequest: { description: 'The request is malformed', ...json(ref('Error')) },
    NotFound: { description: 'No such record', ...json(ref('Error')) },
    Unprocessable: { description: 'The record is invalid; details name each field and rule', ...json(ref('Error')) },
  };
  return {
    openapi: '3.1.0',
    info: { title: opts.title ?? app.label.en, version: opts.version ?? '1' },
    paths,
    components: { schemas, responses: errorResponses },
  };
}

function entityPaths(entity: EntityDefinition, name: string): Record<string, JsonSchema> {
  const plural = entity['x-plural'];
  const tag = entity['x-label-plural']?.en ?? entity['x-label'].en;
  const errors = { '400': errorResponse('BadRequest'), '404': errorResponse('NotFound'), '422': errorResponse('Unprocessable') };
  const one = json({ type: 'object', required: ['data'], properties: { data: ref(name) } });
  const idParam = { name: 'id', in: 'path', required: true, schema: { type: 'string', format: 'uuid' } };
  const page = (param: string, schema: JsonSchema) => ({ name: param, in: 'query', required: false, schema });
  return {
    [`/api/${plural}`]: {
      get: {
        operationId: `list${pascal(plural)}`,
        tags: [tag],
        parameters: [page('limit', { type: 'integer', minimum: 1, default: 50 }), page('offset', { type: 'integer', minimum: 0, default: 0 })],
        responses: {
          '200': {
            description: `A page of ${plural}`,
            ...json({
              type: 'object',
              required: ['data', 'total', 'limit', 'offset'],
              properties: { data: { type: 'array', items: ref(name) }, total: { type: 'integer' }, limit: { type: 'integer' }, offset: { type: 'integer' } },
            }),
          },
          ...errors,
        },
      },
      post: {
        operationId: `create${name}`,
        tags: [tag],
        requestBody: { required: true, ...json(ref(`${name}Create`)) },
        responses: { '201': { description: 'Created', ...one }, ...errors },
      },
    },
    [`/api/${plural}/{id}`]: {
      parameters: [idParam],
      get: { operationId: `get${name}`, tags: [tag], responses: { '200': { description: 'The record', ...one }, ...errors } },
      patch: {
        operationId: `update${name}`,
        tags: [tag],
        requestBody: { required: true, ...json(ref(`${name}Update`)) },
        responses: { '200': { description: 'Updated', ...one }, ...errors },
      },
      delete: { operationId: `delete${name}`, tags: [tag], responses: { '204': { description: 'Deleted' }, ...errors } },
    },
  };
}
