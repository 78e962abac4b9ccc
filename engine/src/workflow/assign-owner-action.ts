import { defineAction } from './define-action';
import { evaluateExpression, expressionProblem } from './record-expression';
import type { CheckProblem, WorkflowEffect } from './workflow-types';

export interface AssignOwnerParams {
  /** Absent: `rules` when rules are given, else `round-robin` (the params of old). */
  strategy?: 'round-robin' | 'rules' | 'load';
  users?: string[];
  /** The name the round-robin turn is kept under (shared by every transition naming it). */
  pool?: string;
  rules?: { when: string; users: string[] }[];
  fallback?: string[];
}

const userList = { type: 'array', minItems: 1, maxItems: 200, items: { type: 'string', minLength: 1 } };

const strategyOf = (p: AssignOwnerParams) => p.strategy ?? (p.rules ? 'rules' : 'round-robin');

/**
 * Hands the record to a user: `round-robin` over `users` (the turn kept in the database);
 * `rules` — the users of the first rule whose jexl `when` holds on the record (round-robin
 * within the rule), else `fallback` (round-robin), else the owner stays; `load` — the active
 * user of `users` (else `fallback`) who owns the fewest open records of the entity, ties by
 * username (one query in the runtime).
 */
export const assignOwnerAction = defineAction<AssignOwnerParams>({
  name: 'assignOwner',
  description: 'Assign the owner: round-robin, by rules (region, industry…) or by load',
  paramsSchema: {
    type: 'object',
    properties: {
      strategy: { enum: ['round-robin', 'rules', 'load'] },
      users: userList,
      pool: { type: 'string', minLength: 1, maxLength: 200 },
      rules: {
        type: 'array',
        minItems: 1,
        maxItems: 100,
        items: { type: 'object', required: ['when', 'users'], properties: { when: { type: 'string', minLength: 1, maxLength: 2000 }, users: userList }, additionalProperties: false },
      },
      fallback: userList,
    },
    additionalProperties: false,
  },
  check: (params) => {
    const problems: CheckProblem[] = [];
    const strategy = strategyOf(params);
    if (strategy === 'rules' && !params.rules) problems.push({ at: [], message: 'the strategy "rules" needs "rules": [{ "when": "<jexl>", "users": [...] }]' });
    if (strategy !== 'rules' && !params.users) problems.push({ at: [], message: `the strategy "${strategy}" needs "users"` });
    if (strategy !== 'rules' && params.rules) problems.push({ at: ['rules'], message: `only the strategy "rules" uses rules (this one is "${strategy}")` });
    if (strategy === 'rules' && params.users) problems.push({ at: ['users'], message: 'the strategy "rules" takes the users of each rule, and "fallback" when none holds; remove "users"' });
    (params.rules ?? []).forEach((rule, i) => {
      const why = expressionProblem(rule.when);
      if (why) problems.push({ at: ['rules', i, 'when'], message: `the expression "${rule.when}" does not parse: ${why}` });
    });
    return problems;
  },
  resolve: (params, ctx): WorkflowEffect[] => {
    const { users = [], pool, rules = [], fallback } = params;
    const strategy = strategyOf(params);
    if (strategy === 'load') return [{ kind: 'assign-owner', strategy: 'load', users, ...(fallback ? { fallback } : {}) }];
    if (strategy === 'round-robin') return [{ kind: 'assign-owner', strategy: 'round-robin', users, key: pool ?? users.join(',') }];
    // Each rule keeps its own turn, so a busy rule does not skip people in a quiet one.
    const base = pool ?? rules.map((r) => r.when).join('|');
    const index = rules.findIndex((r) => Boolean(evaluateExpression(r.when, ctx)));
    if (index >= 0) return [{ kind: 'assign-owner', strategy: 'round-robin', users: rules[index].users, key: `${base}#${index}` }];
    if (fallback) return [{ kind: 'assign-owner', strategy: 'round-robin', users: fallback, key: `${base}#fallback` }];
    return [];
  },
});
