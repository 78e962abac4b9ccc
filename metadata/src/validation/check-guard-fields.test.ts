import type { AppDefinition } from '../app/app-types';
import { checkGuardFields } from './check-guard-fields';

const l = (en: string) => ({ en });
const app = (expression: string, condition?: string): AppDefinition => ({
  name: 'crm', label: l('CRM'), layouts: [],
  entities: [{ type: 'object', 'x-name': 'ticket', 'x-plural': 'tickets', 'x-label': l('Ticket'), properties: {
    state: { 'x-id': 'f_state', 'x-type': 'select', 'x-label': l('State'), 'x-options': [{ value: 'open', label: l('Open') }, { value: 'done', label: l('Done') }] },
    amount: { 'x-id': 'f_amount', 'x-type': 'number', 'x-label': l('Amount') },
  } }],
  workflows: [{ name: 'flow', label: l('Ticket flow'), entity: 'ticket', stateField: 'state', machine: { initial: 'open', states: {
    open: { on: { CLOSE: { target: 'done', guard: { type: 'field', params: { expression } }, meta: { label: l('Close') } } },
      ...(condition ? { approval: { onApproved: 'CLOSE', onRejected: 'CLOSE', steps: [{ id: 'boss', approvers: { kind: 'role', roles: ['admin'] }, mode: 'any', condition }] } } : {}) },
    done: { type: 'final' },
  } } }],
});

describe('checkGuardFields', () => {
  it('accepts conditions over the entity\'s fields, system fields, the user and the form', () => {
    expect(checkGuardFields(app('amount > 10 && owner == $user.id && $form.reason != null && "x y" != state|lower'))).toEqual([]);
  });

  it('names the guard and the missing field (a deleted field, say)', () => {
    const [error] = checkGuardFields(app('priority == "high"'));
    expect(error).toMatchObject({ code: 'workflow-guard-field-missing', pointer: '/workflows/0/machine/states/open/on/CLOSE/guard/params/expression' });
    expect(error.message).toBe('The condition of "Close" from "open" of workflow "Ticket flow" uses the field "priority", which Ticket does not have.');
  });

  it('checks approval step conditions too', () => {
    expect(checkGuardFields(app('true', 'amountt > 5')).map((e) => e.hint)).toEqual(['Did you mean "amount"? Change the condition, or remove it.']);
  });
});
