import { startApprovalAction } from '../approval/start-approval-action';
import { assignOwnerAction } from './assign-owner-action';
import { createRecordAction } from './create-record-action';
import { defineAction } from './define-action';
import { transferRecordAction } from './transfer-record-action';
import type { ActionDefinition, LocalizedTemplate, WorkflowCheckContext } from './workflow-types';

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

// createRecord, assignOwner and transferRecord have modules of their own (expressions, strategies).
export { createRecordAction, assignOwnerAction, transferRecordAction };

const localizedTemplate = (maxLength: number, minLength = 0) => {
  const text = { type: 'string', minLength, maxLength };
  return { anyOf: [text, { type: 'object', required: ['en'], properties: { en: text, zh: text }, additionalProperties: false }] };
};

/**
 * A notification from a Handlebars template over the record, per locale (`{ en, zh }`) or one
 * for all. `to` names recipients: `owner`, `creator`, or user ids; `channels` the ways it goes
 * (`inApp` by default; plugins add e.g. `email`, `sms` — unknown ones fail at publish).
 * Rendering and delivery happen in the runtime, after commit.
 */
export const notifyAction = defineAction<{ template: LocalizedTemplate; to: string[]; subject?: LocalizedTemplate; channels?: string[] }>({
  name: 'notify',
  description: 'Notify users (Handlebars template) in the app, by email, SMS…',
  paramsSchema: {
    type: 'object',
    required: ['template', 'to'],
    properties: {
      template: localizedTemplate(10000, 1),
      subject: localizedTemplate(500),
      to: { type: 'array', minItems: 1, items: { type: 'string', minLength: 1 } },
      channels: { type: 'array', minItems: 1, uniqueItems: true, items: { type: 'string', minLength: 1 } },
    },
    additionalProperties: false,
  },
  resolve: ({ template, to, subject, channels }, { record }) => [{ kind: 'notify', template, to, ...(subject ? { subject } : {}), ...(channels ? { channels } : {}), record }],
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

export const builtinActions: readonly ActionDefinition<any>[] = [setFieldsAction, createRecordAction, assignOwnerAction, transferRecordAction, notifyAction, webhookAction, startApprovalAction]; // eslint-disable-line @typescript-eslint/no-explicit-any
