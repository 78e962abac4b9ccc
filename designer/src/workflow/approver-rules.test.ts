import { validateApp, type AppDefinition, type ApproverRule } from '@tessera/metadata';
import { addRule, MAX_RULES, putRule, removeRule, withKind } from './approver-rules';

const salesManagers: ApproverRule = { kind: 'role', roles: ['sales_manager'] };

describe('approver rules in the designer', () => {
  it('"any of" keeps the rule there was and adds the submitter\'s manager: role OR manager in one pick', () => {
    expect(withKind(salesManagers, 'any')).toEqual({ kind: 'any', of: [salesManagers, { kind: 'manager', levels: 1 }] });
    // From the manager, the second rule is a role to pick.
    expect(withKind({ kind: 'manager', levels: 2 }, 'any')).toEqual({ kind: 'any', of: [{ kind: 'manager', levels: 2 }, { kind: 'role', roles: [] }] });
  });

  it('a plain kind picked on a union keeps the union\'s rule of that kind', () => {
    const union = withKind(salesManagers, 'any');
    expect(withKind(union, 'role')).toEqual(salesManagers);
    expect(withKind(union, 'users')).toEqual({ kind: 'users', users: [] });
    expect(withKind(union, 'any')).toBe(union);
  });

  it('adds rules of kinds not there yet, up to the limit; removing down to one rule leaves that rule', () => {
    let union = withKind(salesManagers, 'any') as Extract<ApproverRule, { kind: 'any' }>;
    union = addRule(union) as typeof union;
    expect(union.of.map((r) => r.kind)).toEqual(['role', 'manager', 'field']);
    for (let i = 0; i < 10; i++) union = addRule(union) as typeof union;
    expect(union.of).toHaveLength(MAX_RULES);
    const two = { kind: 'any' as const, of: [salesManagers, { kind: 'manager' as const, levels: 1 }] };
    expect(removeRule(two, 1)).toEqual(salesManagers);
    expect(removeRule({ ...two, of: [...two.of, { kind: 'field', field: 'owner' }] }, 0)).toEqual({ kind: 'any', of: [{ kind: 'manager', levels: 1 }, { kind: 'field', field: 'owner' }] });
    expect(putRule(two, 1, { kind: 'manager', levels: 2 })).toEqual({ kind: 'any', of: [salesManagers, { kind: 'manager', levels: 2 }] });
  });

  it('what the editor builds passes the meta-schema', () => {
    const approvers = withKind(salesManagers, 'any');
    const app = {
      name: 'q', label: { en: 'Q' }, layouts: [],
      entities: [{ type: 'object', 'x-name': 'quote', 'x-plural': 'quotes', 'x-label': { en: 'Quote' }, properties: { status: { 'x-id': 'f_s', 'x-type': 'select', 'x-label': { en: 'Status' }, 'x-options': ['draft', 'pending', 'done'].map((value) => ({ value, label: { en: value } })) } } }],
      workflows: [{ name: 'w', entity: 'quote', stateField: 'status', machine: { initial: 'draft', states: {
        draft: { on: { SUBMIT: { target: 'pending', actions: [{ type: 'startApproval' }] } } },
        pending: { on: { OK: { target: 'done' }, NO: { target: 'draft' } }, approval: { onApproved: 'OK', onRejected: 'NO', steps: [{ id: 'first', mode: 'any', approvers }] } },
        done: { type: 'final' },
      } } }],
    } as AppDefinition;
    const result = validateApp(app);
    expect(result.ok ? [] : result.errors).toEqual([]);
  });
});
