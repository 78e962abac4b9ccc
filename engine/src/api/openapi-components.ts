import type { JsonSchema } from '../field-types/field-type-types';

export const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
export const json = (schema: JsonSchema, example?: unknown) => ({ content: { 'application/json': { schema, ...(example !== undefined ? { example } : {}) } } });
export const response = (name: string) => ({ $ref: `#/components/responses/${name}` });
export const param = (name: string) => ({ $ref: `#/components/parameters/${name}` });

/** The error envelope of ADR 0006: details are field problems, query problems or bulk items. */
const ERROR_SCHEMA: JsonSchema = {
  type: 'object',
  required: ['error'],
  properties: {
    error: {
      type: 'object',
      required: ['code', 'message'],
      properties: {
        code: { type: 'string', description: 'Stable, machine-readable (validation_failed, invalid_query, not_found, precondition_failed, …)' },
        message: { type: 'string', description: 'English prose naming the field and the rule' },
        details: { type: 'array', items: { type: 'object', additionalProperties: true, properties: { field: { type: 'string' }, rule: { type: 'string' }, parameter: { type: 'string' }, message: { type: 'string' } } } },
        requestId: { type: 'string' },
      },
    },
  },
};

const errorExample = (code: string, message: string, details?: unknown[]) => ({ error: { code, message, ...(details ? { details } : {}) } });

/** Every error status the API answers, each with the envelope and an example. */
const ERRORS: Record<string, [string, unknown]> = {
  BadRequest: ['Malformed JSON, query parameter or header', errorExample('invalid_query', 'Invalid query: "sort" unknown field "colour"', [{ parameter: 'sort', message: 'unknown field "colour"' }])],
  Unauthenticated: ['No valid session cookie or bearer token', errorExample('unauthenticated', 'Sign in first')],
  Forbidden: ['The user or token may not do this (role, token scope, missing CSRF header)', errorExample('forbidden', 'This API token lacks the "write" scope')],
  NotFound: ['No such entity or record (a malformed id names no record either)', errorExample('not_found', 'No customer with id "…"')],
  Conflict: ['Unique value taken, record still referenced, or a concurrent change', errorExample('conflict', 'name: the value is already used by another record', [{ field: 'name', rule: 'unique', message: 'is already used' }])],
  PreconditionFailed: ['If-Match names a version the record has moved past', errorExample('precondition_failed', 'customer "…" has changed since version 3; read it again')],
  PayloadTooLarge: ['Body over 1 MB, or a bulk request over 1,000 items', errorExample('payload_too_large', 'The request body is larger than the 1mb limit')],
  UnsupportedMediaType: ['A write whose Content-Type is not application/json', errorExample('unsupported_media_type', 'Content-Type must be application/json (got text/plain)')],
  Unprocessable: ['Validation failed; details name each field and rule (unknown and read-only fields by name)', errorExample('validation_failed', 'email: must be an email address', [{ field: 'email', rule: 'format', message: 'must be an email address' }])],
};

/** Error responses by status, for an operation's `responses`. */
export function errorResponses(statuses: readonly number[]): Record<string, unknown> {
  const names: Record<number, string> = { 400: 'BadRequest', 401: 'Unauthenticated', 403: 'Forbidden', 404: 'NotFound', 409: 'Conflict', 412: 'PreconditionFailed', 413: 'PayloadTooLarge', 415: 'UnsupportedMediaType', 422: 'Unprocessable' };
  return Object.fromEntries(statuses.map((s) => [String(s), response(names[s])]));
}

const header = (description: string, schema: JsonSchema = { type: 'string' }) => ({ description, schema });

/** Schemas, responses, parameters, headers and security schemes shared by all paths. */
export function sharedComponents(): { schemas: Record<string, JsonSchema>; responses: Record<string, unknown>; parameters: Record<string, unknown>; headers: Record<string, unknown>; securitySchemes: Record<string, unknown> } {
  return {
    schemas: { Error: ERROR_SCHEMA },
    responses: Object.fromEntries(Object.entries(ERRORS).map(([name, [description, example]]) => [name, { description, ...json(ref('Error'), example) }])),
    parameters: {
      Id: { name: 'id', in: 'path', required: true, description: 'Record id (UUID)', schema: { type: 'string', format: 'uuid' } },
      IfMatch: { name: 'If-Match', in: 'header', required: false, description: 'Write only if the record is still at this version (an ETag from GET/PATCH, or *); else 412', schema: { type: 'string' }, example: 'W/"3"' },
      IdempotencyKey: { name: 'Idempotency-Key', in: 'header', required: false, description: 'Retrying with the same key and body replays the stored answer (Idempotent-Replayed: true) instead of writing twice; another body → 422 idempotency_key_reused', schema: { type: 'string', minLength: 1, maxLength: 255 }, example: '5d1c0f6e-retry-1' },
      CsrfToken: { name: 'X-CSRF-Token', in: 'header', required: false, description: 'Required on writes authenticated by the session cookie (from login or /api/auth/me)', schema: { type: 'string' } },
    },
    headers: {
      ETag: header('The record version, weak (W/"<version>")'),
      IdempotentReplayed: header('true when this answer is a replay of an earlier request with the same Idempotency-Key', { type: 'string', enum: ['true'] }),
    },
    securitySchemes: {
      bearer: { type: 'http', scheme: 'bearer', description: 'API token (tsr_…) from POST /api/auth/tokens, scoped read < write < admin' },
      cookie: { type: 'apiKey', in: 'cookie', name: 'tessera_session', description: 'Browser session from POST /api/auth/login; writes also need X-CSRF-Token' },
    },
  };
}
