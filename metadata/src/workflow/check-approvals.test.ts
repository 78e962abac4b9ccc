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

  it('accepts a step whose approvers are any of several rules', () => {
    const wf = workflow();
    wf.machine.states.pending.approval!.steps[0].approvers = { kind: 'any', of: [{ kind: 'role', roles: ['sales_manager'] }, { kind: 'manager', levels: 1 }] };
    wf.machine.states.pending.approval!.steps[1].timeout!.escalateTo = { kind: 'any', of: [{ kind: 'field', field: 'reviewer' }, { kind: 'users', users: ['boss'] }] };
    expect(errorsOf(wf)).toEqual([]);
  });

  it('names the bad rule inside an "any of" union by its place, and only that rule', () => {
    const at = '/workflows/0/machine/states/pending/approval/steps/0/approvers';
    const withApprovers = (approvers: unknown) => {
      const wf = workflow();
      (wf.machine.states.pending.approval!.steps[0] as unknown as Record<string, unknown>).approvers = approvers;
      return wf;
    };
    const app = (wf: WorkflowDefinition): AppDefinition => ({ name: 'q', label: { en: 'Q' }, entities: [quote()], layouts: [], workflows: [wf] });
    // A field the entity lacks, as the second rule: the error points into `of/1` and says "rule 2".
    const missing = validateApp(app(withApprovers({ kind: 'any', of: [{ kind: 'role', roles: ['sales_manager'] }, { kind: 'field', field: 'reviwer' }] })));
    expect(missing.ok ? [] : missing.errors.map((e) => [e.code, e.pointer])).toEqual([['approval-field-missing', `${at}/of/1/field`]]);
    expect(missing.ok ? '' : missing.errors[0].message).toContain('rule 2 of its "any of" rules');
    expect(missing.ok ? '' : missing.errors[0].hint).toContain('Did you mean "reviewer"?');
    // A malformed rule: one error at the rule's own keyword, not one per kind it is not.
    expect(errorsOf(withApprovers({ kind: 'any', of: [{ kind: 'manager' }, { kind: 'role', roles: [] }] }))).toEqual([{ code: 'too-few-items', pointer: `${at}/of/1/roles` }]);
    expect(errorsOf(withApprovers({ kind: 'any', of: [{ kind: 'manager', levels: 0 }, { kind: 'role', roles: ['x'] }] }))).toEqual([{ code: 'value-out-of-range', pointer: `${at}/of/0/levels` }]);
    // Unions do not nest; a union of one rule is that rule; the same rule twice is a slip.
    const nested = validateApp(app(withApprovers({ kind: 'any', of: [{ kind: 'manager' }, { kind: 'any', of: [{ kind: 'manager' }, { kind: 'users', users: ['a'] }] }] })));
    expect(nested.ok ? [] : nested.errors.map((e) => [e.code, e.pointer, e.hint])).toEqual([['invalid-value', `${at}/of/1/kind`, 'Use one of: "role", "manager", "field", "users".']]);
    expect(errorsOf(withApprovers({ kind: 'any', of: [{ kind: 'manager' }] }))).toEqual([{ code: 'too-few-items', pointer: `${at}/of` }]);
    expect(errorsOf(withApprovers({ kind: 'any', of: [{ kind: 'manager' }, { kind: 'manager' }] }))).toEqual([{ code: 'duplicate-item', pointer: `${at}/of/1` }]);
    expect(errorsOf(withApprovers({ kind: 'boss' }))).toEqual([{ code: 'invalid-value', pointer: `${at}/kind` }]);
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
