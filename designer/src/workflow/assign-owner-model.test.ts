import { assignOwnerAction } from '@tessera/engine';
import type { EntityDefinition } from '@tessera/metadata';
import { assignOwnerToParams, assignOwnerToState, STRATEGIES, strategyOf, withStrategy } from './assign-owner-model';

const byRules = { strategy: 'rules' as const, pool: 'lead', rules: [{ when: "region == 'east'", users: ['sales1'] }], fallback: ['sales2'] };
const inTurn = { users: ['sales1', 'sales2'], pool: 'lead' };
const check = (params: object) => assignOwnerAction.check!(params as never, { entity: { 'x-name': 'lead', properties: {} } as unknown as EntityDefinition } as never);

describe('assignOwner editor model', () => {
  it('shows the strategy the engine runs when none is written', () => {
    expect(strategyOf(assignOwnerToState({ rules: byRules.rules }))).toBe('rules');
    expect(strategyOf(assignOwnerToState(inTurn))).toBe('round-robin');
    expect(assignOwnerToParams(assignOwnerToState(inTurn))).toEqual(inTurn);
  });

  // Switching strategy in the editor must not leave params that publishing refuses.
  it.each(STRATEGIES.flatMap((to) => [[to, 'rules', byRules], [to, 'round-robin', inTurn]] as const))('switching to %s from %s gives params the engine accepts once people are named', (to, _from, params) => {
    const state = withStrategy(assignOwnerToState(params), to);
    const named = to === 'rules' ? { ...state, rules: state.rules.map((r) => ({ when: r.when || 'true', users: r.users.length ? r.users : ['sales1'] })) } : { ...state, users: state.users.length ? state.users : ['sales1'] };
    expect(check(assignOwnerToParams(named))).toEqual([]);
  });

  it('keeps the people a strategy shares with the one before', () => {
    expect(withStrategy(assignOwnerToState(byRules), 'load').fallback).toEqual(['sales2']);
    expect(withStrategy(assignOwnerToState(inTurn), 'load').users).toEqual(['sales1', 'sales2']);
  });
});
