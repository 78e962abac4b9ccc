import type { AssignOwnerParams } from '@tessera/engine';
import { compact } from './action-editor-types';

export type Strategy = NonNullable<AssignOwnerParams['strategy']>;
export const STRATEGIES: Strategy[] = ['round-robin', 'rules', 'load'];

export interface AssignOwnerState {
  /** As written; absent means what the engine takes then (see strategyOf). */
  strategy?: Strategy;
  users: string[];
  pool: string;
  rules: { when: string; users: string[] }[];
  fallback: string[];
}

/** The strategy that runs: the written one, else `rules` when rules are given, else round-robin (the engine's rule). */
export const strategyOf = (s: AssignOwnerState): Strategy => s.strategy ?? (s.rules.length ? 'rules' : 'round-robin');

export const assignOwnerToState = (p: Partial<AssignOwnerParams>): AssignOwnerState => ({
  ...(p.strategy ? { strategy: p.strategy } : {}),
  users: p.users ?? [],
  pool: p.pool ?? '',
  rules: (p.rules ?? []).map((r) => ({ when: r.when, users: r.users })),
  fallback: p.fallback ?? [],
});

export const assignOwnerToParams = (s: AssignOwnerState): Partial<AssignOwnerParams> => compact({
  strategy: s.strategy,
  users: s.users.length ? s.users : undefined,
  pool: s.pool || undefined,
  rules: s.rules.length ? s.rules : undefined,
  fallback: s.fallback.length ? s.fallback : undefined,
});

/**
 * Another strategy, keeping what it uses and clearing what it does not (publishing refuses
 * `users` beside rules, and rules under another strategy).
 */
export function withStrategy(s: AssignOwnerState, strategy: Strategy): AssignOwnerState {
  if (strategy === 'rules') return { strategy, users: [], pool: s.pool, rules: s.rules.length ? s.rules : [{ when: '', users: [] }], fallback: s.fallback };
  if (strategy === 'load') return { strategy, users: s.users, pool: '', rules: [], fallback: s.fallback };
  return { strategy, users: s.users, pool: s.pool, rules: [], fallback: [] };
}
