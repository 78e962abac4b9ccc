import type { AppDefinition, WorkflowDefinition } from '@tessera/metadata';
import { customerEntity, testApp } from './fixtures';

/** The test app with a `stage` select on customers and a workflow driving it. */
export function workflowApp(opts: { timerMs?: number; webhook?: Record<string, unknown> } = {}): AppDefinition {
  const app = testApp();
  const customer = customerEntity();
  customer.properties.stage = {
    'x-id': 'f_stage',
    'x-type': 'select',
    'x-label': { en: 'Stage' },
    'x-options': ['prospect', 'active', 'dormant', 'lost'].map((value) => ({ value, label: { en: value } })),
  };
  app.entities[0] = customer;
  const workflow: WorkflowDefinition = {
    name: 'customer_stage',
    entity: 'customer',
    stateField: 'stage',
    version: 1,
    machine: {
      initial: 'prospect',
      states: {
        prospect: {
          on: {
            ACTIVATE: { target: 'active', actions: [{ type: 'setFields', params: { fields: { tier: 'silver' } } }, { type: 'notify', params: { template: 'Customer {{name}} is now {{stage}}', to: ['owner'] } }] },
            LOSE: { target: 'lost', meta: { form: { required: ['reason'], properties: { reason: { type: 'string', minLength: 3 } } } } },
          },
        },
        active: {
          on: { PROMOTE: { target: 'active', meta: { roles: ['manager'] } }, LOSE: { target: 'lost', meta: { form: { required: ['reason'], properties: { reason: { type: 'string', minLength: 3 } } } } } },
          // With `webhook`: the timer's move to dormant calls it.
          after: { [String(opts.timerMs ?? 500)]: { target: 'dormant', ...(opts.webhook ? { actions: [{ type: 'webhook', params: opts.webhook }] } : {}) } },
        },
        dormant: { on: { ACTIVATE: { target: 'active' } } },
        lost: { type: 'final' },
      },
    },
  };
  return { ...app, workflows: [workflow] };
}
