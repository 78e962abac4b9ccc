import type { EntityDefinition, WorkflowDefinition } from '@tessera/metadata';

/** A deal entity with a select stage field, and a workflow over it; shared by the workflow tests. */
export function dealEntity(): EntityDefinition {
  return {
    type: 'object',
    'x-name': 'deal',
    'x-plural': 'deals',
    'x-label': { en: 'Deal' },
    properties: {
      name: { 'x-id': 'f_name', 'x-type': 'text', 'x-label': { en: 'Name' } },
      amount: { 'x-id': 'f_amount', 'x-type': 'number', 'x-label': { en: 'Amount' } },
      closed_reason: { 'x-id': 'f_reason', 'x-type': 'text', 'x-label': { en: 'Reason' } },
      stage: { 'x-id': 'f_stage', 'x-type': 'select', 'x-label': { en: 'Stage' }, 'x-options': ['new', 'open', 'won', 'lost'].map((value) => ({ value, label: { en: value } })) },
    },
  };
}

export function dealWorkflow(): WorkflowDefinition {
  return {
    name: 'deal_flow',
    entity: 'deal',
    stateField: 'stage',
    machine: {
      initial: 'new',
      states: {
        new: { on: { OPEN: { target: 'open', actions: [{ type: 'notify', params: { template: 'Deal {{name}} opened', to: ['owner'] } }] } } },
        open: {
          on: {
            WIN: { target: 'won', guard: { type: 'field', params: { expression: 'amount > 1000' } }, meta: { roles: ['manager'] } },
            LOSE: { target: 'lost', actions: [{ type: 'setFields', params: { fields: { closed_reason: 'lost' } } }], meta: { form: { required: ['reason'], properties: { reason: { type: 'string', minLength: 1 } } } } },
          },
          after: { '60000': { target: 'lost' } },
        },
        won: { type: 'final' },
        lost: { type: 'final' },
      },
    },
  };
}
