import type { AppDefinition } from '@tessera/metadata';
import { validateAppWithRegistry, createFieldTypeRegistry } from '@tessera/engine';
import { addApproval, addTransition, newWorkflow, setFinal } from './workflow-model';

const app = (): AppDefinition => ({
  name: 'crm', label: { en: 'CRM' }, layouts: [],
  entities: [{
    type: 'object', 'x-id': 'e_bid', 'x-name': 'bid', 'x-plural': 'bids', 'x-label': { en: 'Bid' },
    properties: { status: { 'x-id': 'f_status', 'x-type': 'select', 'x-label': { en: 'Status' }, 'x-options': ['draft', 'reviewing', 'submitted', 'won', 'lost'].map((value) => ({ value, label: { en: value } })) } },
  }],
});

describe('addApproval', () => {
  it('on a state with no transitions, draws the review pattern: SUBMIT in (starting it), APPROVE on, REJECT and RETURN back', () => {
    const wf = addApproval(newWorkflow(app(), 'bid', 'status'), 'reviewing', { kind: 'role', roles: ['manager'] });
    expect(wf.machine.states.draft.on).toEqual({ SUBMIT: { target: 'reviewing', actions: [{ type: 'startApproval' }] } });
    expect(wf.machine.states.reviewing).toEqual({
      on: { APPROVE: { target: 'submitted', meta: { roles: ['admin'] } }, REJECT: { target: 'draft', meta: { roles: ['admin'] } }, RETURN: { target: 'draft', meta: { roles: ['admin'] } } },
      approval: { steps: [{ id: 'step_1', approvers: { kind: 'role', roles: ['manager'] }, mode: 'any' }], onApproved: 'APPROVE', onRejected: 'REJECT', onReturned: 'RETURN' },
    });
    // Completed with the outcomes of a submitted bid, it is a valid workflow (startApproval's target has the approval).
    const done = setFinal(setFinal(addTransition(addTransition(wf, 'submitted', 'WIN', 'won'), 'submitted', 'LOSE', 'lost'), 'won', true), 'lost', true);
    const result = validateAppWithRegistry({ ...app(), workflows: [done] }, createFieldTypeRegistry());
    expect(result.ok ? [] : result.errors).toEqual([]);
  });

  it('keeps existing outcome events and transitions in, adding startApproval to each transition in once', () => {
    let wf = newWorkflow(app(), 'bid', 'status');
    wf = addTransition(addTransition(wf, 'reviewing', 'OK', 'won'), 'reviewing', 'NO', 'lost');
    wf = addTransition(addTransition(wf, 'draft', 'SEND', 'reviewing'), 'submitted', 'REOPEN', 'reviewing');
    const once = addApproval(wf, 'reviewing');
    const twice = addApproval(once, 'reviewing');
    expect(twice.machine.states.reviewing.approval).toMatchObject({ onApproved: 'OK', onRejected: 'NO', onReturned: 'RETURN', steps: [{ approvers: { kind: 'manager', levels: 1 } }] });
    expect(twice.machine.states.draft.on).toEqual({ SEND: { target: 'reviewing', actions: [{ type: 'startApproval' }] } });
    expect(twice.machine.states.submitted.on!.REOPEN.actions).toEqual([{ type: 'startApproval' }]);
    expect(Object.keys(twice.machine.states.reviewing.on!)).toEqual(['OK', 'NO', 'RETURN']);
  });

  it('never takes an unrelated event as an outcome, and rejects to a "rejected" state when there is one', () => {
    const base = app();
    base.entities[0].properties.status['x-options'] = ['draft', 'pending', 'approved', 'rejected', 'closed'].map((value) => ({ value, label: { en: value } }));
    let wf = addTransition(newWorkflow(base, 'bid', 'status'), 'pending', 'CLOSE', 'closed');
    wf = addApproval(wf, 'pending');
    expect(wf.machine.states.pending.on).toEqual({
      CLOSE: { target: 'closed' },
      APPROVE: { target: 'approved', meta: { roles: ['admin'] } },
      REJECT: { target: 'rejected', meta: { roles: ['admin'] } },
      RETURN: { target: 'draft', meta: { roles: ['admin'] } },
    });
    expect(wf.machine.states.pending.approval).toMatchObject({ onApproved: 'APPROVE', onRejected: 'REJECT', onReturned: 'RETURN' });
    expect(wf.machine.states.draft.on).toEqual({ SUBMIT: { target: 'pending', actions: [{ type: 'startApproval' }] } });
    const done = ['approved', 'rejected', 'closed'].reduce((w, s) => setFinal(w, s, true), wf);
    const result = validateAppWithRegistry({ ...base, workflows: [done] }, createFieldTypeRegistry());
    expect(result.ok ? [] : result.errors).toEqual([]);
  });
});
