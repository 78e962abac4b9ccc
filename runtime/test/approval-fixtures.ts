import type { AppDefinition, ApprovalStepConfig, EntityDefinition, WorkflowDefinition } from '@tessera/metadata';
import { testApp } from './fixtures';

export function quoteEntity(): EntityDefinition {
  return {
    type: 'object',
    'x-name': 'quote',
    'x-plural': 'quotes',
    'x-label': { en: 'Quote' },
    'x-display-field': 'name',
    properties: {
      name: { 'x-id': 'q_name', 'x-type': 'text', 'x-label': { en: 'Name' } },
      discount: { 'x-id': 'q_discount', 'x-type': 'number', 'x-label': { en: 'Discount' } },
      reviewer: { 'x-id': 'q_reviewer', 'x-type': 'user', 'x-label': { en: 'Reviewer' } },
      status: { 'x-id': 'q_status', 'x-type': 'select', 'x-label': { en: 'Status' }, 'x-options': ['draft', 'pending_approval', 'approved', 'rejected'].map((value) => ({ value, label: { en: value } })) },
    },
  };
}

/** Quotes with a discount approval: the submitter's manager, then (discount > 20) every director. */
export function approvalApp(opts: { steps?: ApprovalStepConfig[] } = {}): AppDefinition {
  const app = testApp();
  const steps: ApprovalStepConfig[] = opts.steps ?? [
    { id: 'manager', approvers: { kind: 'manager' }, mode: 'any' },
    { id: 'directors', approvers: { kind: 'role', roles: ['director'] }, mode: 'all', condition: 'discount > 20' },
  ];
  const workflow: WorkflowDefinition = {
    name: 'quote_approval',
    entity: 'quote',
    stateField: 'status',
    version: 1,
    machine: {
      initial: 'draft',
      states: {
        draft: { on: { SUBMIT: { target: 'pending_approval', actions: [{ type: 'startApproval' }] } } },
        pending_approval: {
          on: { APPROVED: { target: 'approved', meta: { roles: ['nobody'] } }, REJECTED: { target: 'rejected', meta: { roles: ['nobody'] } }, RETURNED: { target: 'draft', meta: { roles: ['nobody'] } } },
          approval: { steps, onApproved: 'APPROVED', onRejected: 'REJECTED', onReturned: 'RETURNED', onWithdrawn: 'RETURNED', summary: ['discount'] },
        },
        approved: { type: 'final' },
        rejected: { type: 'final' },
      },
    },
  };
  return { ...app, entities: [...app.entities, quoteEntity()], workflows: [workflow] };
}
