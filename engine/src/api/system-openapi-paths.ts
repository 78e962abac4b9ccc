import type { JsonSchema } from '../field-types/field-type-types';
import { adminOpenApiPaths } from './admin-openapi-paths';
import { errorResponses, json, param } from './openapi-components';
import { inboxOpenApiPaths } from './inbox-openapi-paths';
import { workflowOpenApiPaths } from './workflow-openapi-paths';

const obj = (properties: Record<string, JsonSchema>, required: string[] = Object.keys(properties)): JsonSchema => ({ type: 'object', required, properties });
const user = obj({ id: { type: 'string', format: 'uuid' }, username: { type: 'string' }, email: { type: ['string', 'null'] }, displayName: { type: 'string' }, roles: { type: 'array', items: { type: 'string' } } }, ['id', 'username', 'roles']);
const token = obj({ id: { type: 'string', format: 'uuid' }, name: { type: 'string' }, scopes: { type: 'array', items: { type: 'string', enum: ['read', 'write', 'admin'] } } }, ['id', 'scopes']);
const data = (schema: JsonSchema) => obj({ data: schema });
const step = obj({ kind: { type: 'string' }, safe: { type: 'boolean' }, destructive: { type: 'boolean' }, description: { type: 'string' }, sql: { type: 'array', items: { type: 'string' } } });
const archive = obj({
  table: { type: 'string' }, kind: { type: 'string', enum: ['column', 'table'] }, source: { type: 'string', description: 'entity.field, entity or join table' },
  version: { type: 'integer', description: 'The version whose migration archived it' }, archivedAt: { type: 'string', format: 'date-time' }, rows: { type: 'integer', description: 'Rows (non-null values of a column)' },
});
const op = (operationId: string, summary: string, tag: string, rest: Record<string, unknown>) => ({ operationId, summary, tags: [tag], ...rest });

/** Health, sign-in, tokens, user and org administration and metadata routes (ADR 0005; docs/architecture.md). */
export function systemOpenApiPaths(): Record<string, JsonSchema> {
  const A = 'Auth';
  const M = 'Metadata';
  return {
    '/healthz': { get: op('health', 'Liveness check', 'System', { security: [], responses: { '200': { description: 'The server is up', ...json({ type: 'object', properties: { status: { type: 'string' } } }) } } }) },
    '/api/auth/login': {
      post: op('login', 'Sign in with username and password; sets the tessera_session cookie', A, {
        security: [],
        requestBody: { required: true, ...json(obj({ username: { type: 'string' }, password: { type: 'string' } }), { username: 'admin', password: '…' }) },
        responses: { '200': { description: 'Signed in', ...json(data(obj({ user, csrfToken: { type: 'string' } }))) }, '401': { $ref: '#/components/responses/Unauthenticated' }, '429': { description: 'Locked after repeated failures (Retry-After)', ...json({ $ref: '#/components/schemas/Error' }) }, ...errorResponses([400, 415]) },
      }),
    },
    '/api/auth/logout': { post: op('logout', 'Sign out (ends the session)', A, { security: [], responses: { '204': { description: 'Signed out' }, ...errorResponses([400]) } }) },
    '/api/auth/me': { get: op('me', 'The signed-in user and the CSRF token', A, { responses: { '200': { description: 'The user', ...json(data(obj({ user, csrfToken: { type: 'string' } }, ['user']))) }, ...errorResponses([401]) } }) },
    '/api/auth/password': {
      post: op('changePassword', 'Change the own password (other sessions end)', A, {
        parameters: [param('CsrfToken')],
        requestBody: { required: true, ...json(obj({ currentPassword: { type: 'string' }, newPassword: { type: 'string', minLength: 10 } })) },
        responses: { '204': { description: 'Changed' }, ...errorResponses([400, 401, 403, 422]) },
      }),
    },
    '/api/auth/tokens': {
      get: op('listTokens', 'The own API tokens (never their secret)', A, { responses: { '200': { description: 'Tokens', ...json(data({ type: 'array', items: token })) }, ...errorResponses([401, 403]) } }),
      post: op('createToken', 'Mint an API token (from a session only); the secret is shown once', A, {
        parameters: [param('CsrfToken')],
        requestBody: { required: true, ...json(obj({ name: { type: 'string' }, scopes: { type: 'array', items: { type: 'string', enum: ['read', 'write', 'admin'] } } }, ['name', 'scopes']), { name: 'integration', scopes: ['write'] }) },
        responses: { '201': { description: 'The token and its secret', ...json(data({ allOf: [token], type: 'object', properties: { token: { type: 'string', description: 'tsr_… (shown once)' } } })) }, ...errorResponses([400, 401, 403, 422]) },
      }),
    },
    '/api/auth/tokens/{id}': {
      parameters: [param('Id')],
      delete: op('revokeToken', 'Revoke an API token', A, { parameters: [param('CsrfToken')], responses: { '204': { description: 'Revoked' }, ...errorResponses([401, 403, 404]) } }),
    },
    '/api/_meta/app': { get: op('getApp', 'The published app metadata and its version', M, { responses: { '200': { description: 'The app', ...json(obj({ version: { type: 'integer' }, app: { type: 'object' } })) }, ...errorResponses([401]) } }) },
    '/api/_meta/field-types': { get: op('listFieldTypes', 'Registered field types', M, { responses: { '200': { description: 'Field types', ...json(data({ type: 'array', items: obj({ name: { type: 'string' }, label: {}, widget: { type: 'string' } }) })) }, ...errorResponses([401]) } }) },
    '/api/_meta/publish': {
      post: op('publishApp', 'Publish a new app version (admin)', M, {
        parameters: [param('CsrfToken')],
        requestBody: { required: true, ...json(obj({ app: { type: 'object' }, baseVersion: { type: 'integer', minimum: 0 } })) },
        responses: { '200': { description: 'Published', ...json(obj({ version: { type: 'integer' } })) }, ...errorResponses([400, 401, 403, 409, 413, 415, 422]) },
      }),
    },
    '/api/_meta/plan': {
      post: op('planMigration', 'Preview the migration to an app definition: steps, SQL, blockers, precheck results; changes nothing (admin)', M, {
        parameters: [param('CsrfToken')],
        requestBody: { required: true, ...json(obj({ app: { type: 'object' }, options: { type: 'object' } }, ['app'])) },
        responses: { '200': { description: 'The plan', ...json(obj({ steps: { type: 'array', items: step }, blockers: { type: 'array', items: { type: 'string' } }, checks: { type: 'array', items: { type: 'object' } } })) }, ...errorResponses([400, 401, 403, 422]) },
      }),
    },
    '/api/_meta/rollback': {
      post: op('rollbackApp', 'Return to the version before the current one, restoring archived data; 409 rollback_not_possible says why not (admin)', M, {
        parameters: [param('CsrfToken')],
        requestBody: { required: false, ...json(obj({ baseVersion: { type: 'integer', minimum: 1 }, confirmDestructive: { type: 'boolean' } }, [])) },
        responses: { '200': { description: 'Rolled back', ...json(obj({ version: { type: 'integer' }, restoredVersion: { type: 'integer' }, steps: { type: 'array', items: step } }, ['version', 'restoredVersion'])) }, ...errorResponses([400, 401, 403, 409]) },
      }),
    },
    '/api/_meta/rollback/plan': {
      post: op('planRollback', 'Preview a rollback: the steps it would run (archive restores included) or, with possible: false, why it cannot; changes nothing (admin)', M, {
        parameters: [param('CsrfToken')],
        requestBody: { required: false, ...json(obj({ baseVersion: { type: 'integer', minimum: 1 } }, [])) },
        responses: {
          '200': { description: 'The rollback plan', ...json(obj({ possible: { type: 'boolean' }, fromVersion: { type: 'integer' }, restoredVersion: { type: 'integer' }, steps: { type: 'array', items: step }, blockers: { type: 'array', items: { type: 'string' } }, checks: { type: 'array', items: { type: 'object' } }, destructive: { type: 'boolean' }, reason: { type: 'string', description: 'Why not (possible: false)' }, details: { type: 'array', items: { type: 'object' } } }, ['possible', 'fromVersion'])) },
          ...errorResponses([400, 401, 403, 409]),
        },
      }),
    },
    '/api/_meta/history': { get: op('migrationHistory', 'Applies, rollbacks and purges, newest first (admin)', M, { responses: { '200': { description: 'History', ...json(data({ type: 'array', items: { type: 'object' } })) }, ...errorResponses([401, 403]) } }) },
    '/api/_meta/versions/{version}': {
      get: op('getMetadataVersion', 'The stored definition of one published version, e.g. to diff two versions (admin)', M, {
        parameters: [{ name: 'version', in: 'path', required: true, schema: { type: 'integer', minimum: 1 } }],
        responses: { '200': { description: 'The version', ...json(obj({ version: { type: 'integer' }, source: { type: 'string', enum: ['files', 'designer'] }, createdAt: { type: 'string', format: 'date-time' }, app: { type: 'object' } })) }, ...errorResponses([400, 401, 403, 404]) },
      }),
    },
    '/api/_meta/registry': {
      get: op('getWorkflowRegistry', 'Guards and actions (with their params JSON Schemas), notification channels and field types the designer offers (admin)', M, {
        responses: { '200': { description: 'The registry', ...json(obj({ guards: { type: 'array', items: { type: 'object' } }, actions: { type: 'array', items: { type: 'object' } }, channels: { type: 'array', items: { type: 'string' } }, fieldTypes: { type: 'array', items: { type: 'object' } } })) }, ...errorResponses([401, 403]) },
      }),
    },
    '/api/_meta/archives': { get: op('listArchives', 'Archived columns and tables of dropped fields and entities, oldest first (admin)', M, { responses: { '200': { description: 'Archives', ...json(data({ type: 'array', items: archive })) }, ...errorResponses([401, 403]) } }) },
    '/api/_meta/purge': {
      post: op('purgeArchives', 'Delete archived data for good, in one transaction; without confirm: true, 409 confirmation_required listing it (admin)', M, {
        parameters: [param('CsrfToken')],
        requestBody: { required: true, ...json(obj({ confirm: { type: 'boolean' }, olderThanDays: { type: 'number', minimum: 0 } }, ['confirm']), { confirm: true, olderThanDays: 30 }) },
        responses: { '200': { description: 'What was dropped (a purge entry in the history)', ...json(obj({ data: { type: 'array', items: archive }, version: { type: 'integer' } })) }, ...errorResponses([400, 401, 403, 409]) },
      }),
    },
    ...adminOpenApiPaths(),
    ...inboxOpenApiPaths(),
    ...workflowOpenApiPaths(),
    '/api/openapi.json': { get: op('getOpenApi', 'This document', M, { responses: { '200': { description: 'OpenAPI 3.1', ...json({ type: 'object' }) }, ...errorResponses([401]) } }) },
  };
}
