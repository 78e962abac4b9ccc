import { assignOwnerAction } from './assign-owner-action';
import { validateWorkflow } from './validate-workflow';
import { dealEntity, dealWorkflow } from './workflow-fixtures';
import { createWorkflowRegistry } from './workflow-registry';
import type { WorkflowContext } from './workflow-types';

const ctx = (record: Record<string, unknown>): WorkflowContext => ({ record, user: { id: 'u1', roles: [] }, data: {}, now: '2025-01-01T00:00:00Z' });

describe('assignOwner', () => {
  const rules = [
    { when: "region == 'east'", users: ['alice', 'bob'] },
    { when: "industry == 'it' || amount > 1000", users: ['carol'] },
  ];

  it('keeps the params of old: users (+ pool) mean round-robin under the pool', () => {
    expect(assignOwnerAction.resolve({ users: ['a', 'b'], pool: 'lead' }, ctx({}))).toEqual([{ kind: 'assign-owner', strategy: 'round-robin', users: ['a', 'b'], key: 'lead' }]);
    expect(assignOwnerAction.resolve({ users: ['a', 'b'] }, ctx({}))).toEqual([{ kind: 'assign-owner', strategy: 'round-robin', users: ['a', 'b'], key: 'a,b' }]);
  });

  it('rules: the first rule that holds picks its users, each rule with a turn of its own', () => {
    const params = { strategy: 'rules' as const, pool: 'lead', rules, fallback: ['zed'] };
    expect(assignOwnerAction.resolve(params, ctx({ region: 'east', industry: 'it' }))).toEqual([{ kind: 'assign-owner', strategy: 'round-robin', users: ['alice', 'bob'], key: 'lead#0' }]);
    expect(assignOwnerAction.resolve(params, ctx({ region: 'west', amount: 5000 }))).toEqual([{ kind: 'assign-owner', strategy: 'round-robin', users: ['carol'], key: 'lead#1' }]);
    expect(assignOwnerAction.resolve(params, ctx({ region: 'west', amount: 5 }))).toEqual([{ kind: 'assign-owner', strategy: 'round-robin', users: ['zed'], key: 'lead#fallback' }]);
  });

  it('rules with no match and no fallback leave the owner alone; rules alone imply the strategy', () => {
    expect(assignOwnerAction.resolve({ rules }, ctx({ region: 'north' }))).toEqual([]);
    expect(assignOwnerAction.resolve({ rules }, ctx({ region: 'east' }))[0]).toMatchObject({ users: ['alice', 'bob'] });
  });

  it('load: passes the candidates and fallback to the runtime, which counts', () => {
    expect(assignOwnerAction.resolve({ strategy: 'load', users: ['a', 'b'], fallback: ['c'] }, ctx({}))).toEqual([{ kind: 'assign-owner', strategy: 'load', users: ['a', 'b'], fallback: ['c'] }]);
  });

  describe('at publish', () => {
    const registry = createWorkflowRegistry();
    const withParams = (params: Record<string, unknown>) => {
      const wf = dealWorkflow();
      wf.machine.states.new.on!.OPEN.actions = [{ type: 'assignOwner', params }];
      return validateWorkflow(wf, [dealEntity()], registry);
    };
    const problems = (params: Record<string, unknown>) => {
      const r = withParams(params);
      return r.ok ? [] : r.errors.map((e) => [e.pointer, e.message]);
    };

    it('accepts each strategy with what it needs', () => {
      expect(withParams({ users: ['a'] }).ok).toBe(true);
      expect(withParams({ strategy: 'rules', rules, fallback: ['x'] }).ok).toBe(true);
      expect(withParams({ strategy: 'load', users: ['a', 'b'] }).ok).toBe(true);
    });

    it('points at the rule whose expression does not parse', () => {
      const found = problems({ rules: [rules[0], { when: 'amount >', users: ['x'] }] });
      expect(found).toEqual([['/machine/states/new/on/OPEN/actions/0/params/rules/1/when', expect.stringContaining('the expression "amount >" does not parse')]]);
    });

    it('names what a strategy misses or does not use', () => {
      expect(problems({ strategy: 'load' })[0][1]).toContain('the strategy "load" needs "users"');
      expect(problems({ strategy: 'rules', users: ['a'] })[0][1]).toContain('the strategy "rules" needs "rules"');
      expect(problems({ strategy: 'round-robin', users: ['a'], rules })[0]).toEqual(['/machine/states/new/on/OPEN/actions/0/params/rules', expect.stringContaining('only the strategy "rules" uses rules')]);
      expect(problems({ users: ['a'], rules })[0]).toEqual(['/machine/states/new/on/OPEN/actions/0/params/users', expect.stringContaining('remove "users"')]);
      expect(problems({ strategy: 'random', users: ['a'] })[0][1]).toContain('params.strategy must be equal to one of the allowed values');
      expect(problems({ users: [] })[0][1]).toContain('params.users must NOT have fewer than 1 items');
    });
  });
});
