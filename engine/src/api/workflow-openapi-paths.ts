import type { JsonSchema } from '../field-types/field-type-types';
import { errorResponses, json, param } from './openapi-components';

const obj = (properties: Record<string, JsonSchema>, required: string[] = Object.keys(properties)): JsonSchema => ({ type: 'object', required, properties });
const data = (schema: JsonSchema) => obj({ data: schema });
const op = (operationId: string, summary: string, tag: string, rest: Record<string, unknown>) => ({ operationId, summary, tags: [tag], ...rest });
const query = (name: string, description: string, schema: JsonSchema, required = false) => ({ name, in: 'query', required, description, schema });
const path = (name: string) => ({ name, in: 'path', required: true, schema: { type: 'string', format: 'uuid' } });
const uuid: JsonSchema = { type: 'string', format: 'uuid' };
const when: JsonSchema = { type: ['string', 'null'], format: 'date-time' };

const file = obj({ id: uuid, name: { type: ['string', 'null'] }, mime: { type: 'string' }, size: { type: 'integer' } }, ['id', 'name']);
const historyEntry = obj({
  at: { type: 'string', format: 'date-time' },
  actor: { type: ['string', 'null'], format: 'uuid' },
  action: { type: 'string', description: 'submit, approve, reject, delegate, add-signer, withdraw, escalate, resubmit' },
  step: { type: 'string' },
  comment: { type: 'string' },
  attachments: { type: 'array', items: file, description: 'Files attached with the comment (download: GET /api/files/{id})' },
  users: { type: 'array', items: uuid },
  to: { type: 'string' },
}, ['at', 'actor', 'action']);
const approval = obj({
  id: uuid,
  entity: { type: 'string' },
  recordId: uuid,
  workflow: { type: 'string' },
  status: { type: 'string', enum: ['pending', 'approved', 'rejected', 'returned', 'withdrawn'] },
  submitter: uuid,
  step: { type: ['string', 'null'], description: 'The current step while pending' },
  steps: { type: 'array', items: obj({ id: { type: 'string' }, mode: { type: 'string' }, approvers: { type: 'array', items: uuid } }) },
  tasks: { type: 'array', items: { type: 'object' } },
  history: { type: 'array', items: historyEntry },
  createdAt: { type: 'string', format: 'date-time' },
  updatedAt: { type: 'string', format: 'date-time' },
}, ['id', 'entity', 'recordId', 'status', 'submitter', 'history']);
const said = { comment: { type: 'string', maxLength: 4000 }, attachments: { type: 'array', maxItems: 20, items: uuid, description: 'Ids from POST /api/files?purpose=approval, uploaded by the caller and not attached yet' } } satisfies Record<string, JsonSchema>;
const actionBodies: Record<string, JsonSchema> = {
  approve: obj(said, []),
  reject: obj({ ...said, to: { type: 'string', description: '"submitter" or an earlier step id; absent: reject the chain' } }, []),
  delegate: obj({ ...said, to: uuid }, ['to']),
  'add-signer': obj({ ...said, users: { type: 'array', minItems: 1, maxItems: 20, items: uuid }, position: { type: 'string', enum: ['before', 'after'] } }, ['users', 'position']),
  withdraw: obj(said, []),
};
const outboxRow = obj({
  id: uuid, kind: { type: 'string' }, status: { type: 'string', enum: ['pending', 'queued', 'sent', 'dead'] }, attempts: { type: 'integer' }, lastError: { type: ['string', 'null'] },
  createdAt: { type: 'string', format: 'date-time' }, queuedAt: when, sentAt: when, deadAt: when, payload: { type: 'object', description: 'Webhook secrets show as ***' },
});
const delegation = obj({ id: uuid, delegateId: uuid, startsAt: { type: 'string', format: 'date-time' }, endsAt: { type: 'string', format: 'date-time' } });

/** Approvals (inbox, instances, actions with comments and attachments, delegations) and the outbox (dead letters, replay). */
export function workflowOpenApiPaths(): Record<string, JsonSchema> {
  const P = 'Approvals';
  const W = 'Workflows';
  const actions = Object.fromEntries(Object.entries(actionBodies).map(([verb, body]) => [`/api/approvals/{id}/${verb}`, {
    post: op(`approval${verb.replace(/(^|-)(\w)/g, (_, __, c: string) => c.toUpperCase())}`, `${verb} on the approval (the caller's pending task; withdraw: the submitter)`, P, {
      parameters: [path('id'), param('CsrfToken')],
      requestBody: { required: true, ...json(body) },
      responses: { '200': { description: 'The approval after the action', ...json(data(approval)) }, ...errorResponses([401, 403, 404, 409, 422]) },
    }),
  }]));
  return {
    '/api/approvals': {
      get: op('listApprovals', "A record's approvals the caller may see, oldest first", P, {
        parameters: [query('entity', 'The entity (x-name)', { type: 'string' }, true), query('recordId', 'The record id', uuid, true)],
        responses: { '200': { description: 'Approvals', ...json(data({ type: 'array', items: approval })) }, ...errorResponses([401, 422]) },
      }),
    },
    '/api/approvals/inbox': {
      get: op('approvalInbox', 'My pending approval tasks, oldest first (keyset pages)', P, {
        parameters: [query('limit', '1 to 200 (default 50)', { type: 'integer', minimum: 1, maximum: 200 }), query('after', 'The `next` cursor of the previous page', { type: 'string' })],
        responses: { '200': { description: 'Tasks', ...json(obj({ data: { type: 'array', items: { type: 'object' } }, next: { type: ['string', 'null'] } })) }, ...errorResponses([401, 422]) },
      }),
    },
    '/api/approvals/delegations': {
      get: op('listDelegations', 'My standing delegations', P, { responses: { '200': { description: 'Delegations', ...json(data({ type: 'array', items: delegation })) }, ...errorResponses([401]) } }),
      post: op('createDelegation', 'Delegate my approval tasks to another active user for a period', P, {
        parameters: [param('CsrfToken')],
        requestBody: { required: true, ...json(obj({ delegateId: uuid, startsAt: { type: 'string', format: 'date-time' }, endsAt: { type: 'string', format: 'date-time' } })) },
        responses: { '201': { description: 'The delegation', ...json(data(delegation)) }, ...errorResponses([401, 422]) },
      }),
    },
    '/api/approvals/{id}': {
      get: op('getApproval', 'One approval: steps, tasks, history with comments and attachment names (404 when not visible)', P, {
        parameters: [path('id')],
        responses: { '200': { description: 'The approval', ...json(data(approval)) }, ...errorResponses([401, 404]) },
      }),
    },
    ...actions,
    '/api/_meta/outbox': {
      get: op('listOutbox', 'Side effects pending, queued, sent or dead (admin)', W, {
        parameters: [query('status', 'Default pending', { type: 'string', enum: ['pending', 'queued', 'sent', 'dead'] }), query('limit', '1 to 1000 (default 100)', { type: 'integer', minimum: 1, maximum: 1000 })],
        responses: { '200': { description: 'Rows, newest first', ...json(data({ type: 'array', items: outboxRow })) }, ...errorResponses([400, 401, 403]) },
      }),
    },
    '/api/_meta/outbox/{id}/replay': {
      post: op('replayOutbox', 'Re-queue a dead webhook or notify-channel row once: attempts reset, audited (admin)', W, {
        parameters: [path('id'), param('CsrfToken')],
        responses: { '202': { description: 'Queued again', ...json(data(obj({ id: uuid, kind: { type: 'string' }, status: { type: 'string', enum: ['queued'] }, attempts: { type: 'integer' } }))) }, ...errorResponses([401, 403, 404, 409]) },
      }),
    },
  };
}
