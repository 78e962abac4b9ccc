import type { AppDefinition, EntityDefinition } from '../index';
import { validateApp } from '../validation/validate-app';
import type { WorkflowDefinition } from './workflow-types';

const quote = (): EntityDefinition => ({
  type: 'object',
  'x-name': 'quote',
  'x-plural': 'quotes',
  'x-label': { en: 'Quote' },
  properties: {
    discount: { 'x-id': 'f_discount', 'x-type': 'number', 'x-label': { en: 'Discount' } },
    reviewer: { 'x-id': 'f_reviewer', 'x-type': 'text', 'x-label': { en: 'Reviewer' } },
    status: { 'x-id': 'f_status', 'x-type': 'select', 'x-label': { en: 'Status' }, 'x-options': ['draft', 'pending', 'approved', 'rejected'].map((value) => ({ value, label: { en: value } })) },
  },
});

const workflow = (): WorkflowDefinition => ({
  name: 'quote_flow',
  entity: 'quote',
  stateField: 'status',
  machine: {
    initial: 'draft',
    states: {
      draft: { on: { SUBMIT: { target: 'pending', actions: [{ type: 'startApproval' }] } } },
      pending: {
        on: { APPROVED: { target: 'approved' }, REJECTED: { target: 'rejected' }, RETURNED: { target: 'draft' } },
        approval: {
          onApproved: 'APPROVED',
          onRejected: 'REJECTED',
          onReturned: 'RETURNED',
          steps: [
            { id: 'manager', approvers: { kind: 'manager' }, mode: 'any' },
            { id: 'board', approvers: { kind: 'role', roles: ['management'] }, mode: 'ratio', ratio: 0.6, condition: 'discount > 20', timeout: { after: 60000, escalateTo: { kind: 'field', field: 'reviewer' } } },
          ],
        },
      },
      approved: { type: 'final' },
      rejected: { type: 'final' },
    },
  },
});

const errorsOf = (wf: WorkflowDefinition) => {
  const app: AppDefinition = { name: 'q', label: { en: 'Q' }, entities: [quote()], layouts: [], workflows: [wf] };
  const r = validateApp(app);
  return r.ok ? [] : r.errors.map(({ code, pointer }) => ({ code, pointer }));
};

describe('approvals in workflow states (validateApp)', () => {
  it('accepts a well-formed approval', () => {
    expect(errorsOf(workflow())).toEqual([]);
  });

  it('reports outcome events the state lacks, duplicate steps, ratio and field problems at their pointers', () => {
    const wf = workflow();
    const approval = wf.machine.states.pending.approval!;
    approval.onApproved = 'APPROVE';
    approval.steps[1].id = 'manager';
    approval.steps[1].mode = 'all';
    approval.steps[0].approvers = { kind: 'field', field: 'reviwer' };
    const at = '/workflows/0/machine/states/pending/approval';
    expect(errorsOf(wf)).toEqual(expect.arrayContaining([
      { code: 'approval-event-missing', pointer: `${at}/onApproved` },
      { code: 'duplicate-approval-step', pointer: `${at}/steps/1/id` },
      { code: 'approval-ratio-unused', pointer: `${at}/steps/1/ratio` },
      { code: 'approval-field-missing', pointer: `${at}/steps/0/approvers/field` },
    ]));
    expect(errorsOf(wf)).toHaveLength(4);
  });

  it('names a summary field the entity lacks, and accepts real ones', () => {
    const wf = workflow();
    wf.machine.states.pending.approval!.summary = ['discount', 'discont'];
    expect(errorsOf(wf)).toEqual([{ code: 'approval-summary-field-missing', pointer: '/workflows/0/machine/states/pending/approval/summary/1' }]);
    wf.machine.states.pending.approval!.summary = ['discount'];
    expect(errorsOf(wf)).toEqual([]);
  });

  it('requires a ratio for ratio steps and rejects shapes the meta-schema forbids', () => {
    const wf = workflow();
    delete wf.machine.states.pending.approval!.steps[1].ratio;
    expect(errorsOf(wf)).toEqual([{ code: 'approval-ratio-missing', pointer: '/workflows/0/machine/states/pending/approval/steps/1/ratio' }]);
    const bad = workflow();
    (bad.machine.states.pending.approval!.steps[0] as unknown as Record<string, unknown>).mode = 'most';
    expect(errorsOf(bad).length).toBeGreaterThan(0);
  });
});
