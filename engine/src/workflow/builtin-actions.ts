import { startApprovalAction } from '../approval/start-approval-action';
import { defineAction } from './define-action';
import type { ActionDefinition, WorkflowCheckContext } from './workflow-types';

const fieldsExist = (names: string[], entity: WorkflowCheckContext['entity']) =>
  names.filter((n) => !(n in entity.properties)).map((n) => `${entity['x-name']} has no field "${n}"`);

/** Writes fixed values into the record, in the same update as the state change. */
export const setFieldsAction = defineAction<{ fields: Record<string, unknown> }>({
  name: 'setFields',
  description: 'Set fields of the record',
  paramsSchema: { type: 'object', required: ['fields'], properties: { fields: { type: 'object', minProperties: 1 } }, additionalProperties: false },
  check: ({ fields }, { entity }) => fieldsExist(Object.keys(fields), entity),
  resolve: ({ fields }) => [{ kind: 'set-fields', fields }],
});

/** Creates a record of another entity, optionally linking it back through one of its relation fields. */
export const createRecordAction = defineAction<{ entity: string; values?: Record<string, unknown>; link?: string }>({
  name: 'createRecord',
  description: 'Create a related record',
  paramsSchema: { type: 'object', required: ['entity'], properties: { entity: { type: 'string', minLength: 1 }, values: { type: 'object' }, link: { type: 'string', minLength: 1 } }, additionalProperties: false },
  check: ({ entity, values = {}, link }, { entities }) => {
    const target = entities.find((e) => e['x-name'] === entity);
    if (!target) return [`There is no entity "${entity}" to create`];
    return fieldsExist([...Object.keys(values), ...(link ? [link] : [])], target);
  },
  resolve: ({ entity, values = {}, link }) => [{ kind: 'create-record', entity, values, ...(link ? { link } : {}) }],
});

/** Hands the record to the next user of a list, in turn (the runtime keeps the turn in the database). */
export const assignOwnerAction = defineAction<{ users: string[]; pool?: string }>({
  name: 'assignOwner',
  description: 'Assign the owner round-robin',
  paramsSchema: { type: 'object', required: ['users'], properties: { users: { type: 'array', minItems: 1, items: { type: 'string', minLength: 1 } }, pool: { type: 'string', minLength: 1 } }, additionalProperties: false },
  resolve: ({ users, pool }) => [{ kind: 'assign-owner', strategy: 'round-robin', users, key: pool ?? users.join(',') }],
});

/**
 * An in-app notification from a Handlebars template over the record. `to` names recipients:
 * `owner`, `creator`, or user ids. Rendering and delivery happen in the runtime, after commit.
 */
export const notifyAction = defineAction<{ template: string; to: string[]; subject?: string }>({
  name: 'notify',
  description: 'Notify users (Handlebars template)',
  paramsSchema: { type: 'object', required: ['template', 'to'], properties: { template: { type: 'string', minLength: 1, maxLength: 10000 }, subject: { type: 'string', maxLength: 500 }, to: { type: 'array', minItems: 1, items: { type: 'string', minLength: 1 } } }, additionalProperties: false },
  resolve: ({ template, to, subject }, { record }) => [{ kind: 'notify', template, to, ...(subject ? { subject } : {}), record }],
});

/**
 * POSTs the record to a URL after commit (through the outbox, so a rollback sends nothing).
 * With `secret` the body is signed (HMAC-SHA256); a failing endpoint is retried `retryLimit`
 * times with exponential backoff from `retryDelay` seconds, then the row is a dead letter.
 */
export const webhookAction = defineAction<{ url: string; secret?: string; retryLimit?: number; retryDelay?: number }>({
  name: 'webhook',
  description: 'Call a webhook',
  paramsSchema: {
    type: 'object',
    required: ['url'],
    properties: {
      url: { type: 'string', pattern: '^https?://' },
      secret: { type: 'string', minLength: 16, maxLength: 200 },
      retryLimit: { type: 'integer', minimum: 0, maximum: 20 },
      retryDelay: { type: 'integer', minimum: 1, maximum: 3600 },
    },
    additionalProperties: false,
  },
  resolve: ({ url, secret, retryLimit, retryDelay }, { record, data }) => [
    { kind: 'webhook', url, body: { record, data }, ...(secret ? { secret } : {}), ...(retryLimit !== undefined ? { retryLimit } : {}), ...(retryDelay !== undefined ? { retryDelay } : {}) },
  ],
});

export const builtinActions: readonly ActionDefinition<any>[] = [setFieldsAction, createRecordAction, assignOwnerAction, notifyAction, webhookAction, startApprovalAction]; // eslint-disable-line @typescript-eslint/no-explicit-any
