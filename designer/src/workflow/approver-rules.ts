import type { ApproverLeafRule, ApproverRule } from '@tessera/metadata';

/** The plain kinds, in the order the pickers offer them. */
export const LEAF_KINDS: ApproverLeafRule['kind'][] = ['role', 'manager', 'field', 'users'];
/** At most this many rules in one "any of" (the meta-schema's limit). */
export const MAX_RULES = 8;

/** A fresh rule of `kind`; a role rule starts empty and is picked next, from the app's roles. */
export function leafRule(kind: ApproverLeafRule['kind']): ApproverLeafRule {
  if (kind === 'role') return { kind, roles: [] };
  if (kind === 'manager') return { kind, levels: 1 };
  if (kind === 'field') return { kind, field: 'owner' };
  return { kind, users: [] };
}

/** The rule a union gains next: the first kind it does not have yet (the manager first). */
function nextRule(have: readonly ApproverLeafRule[]): ApproverLeafRule {
  const order: ApproverLeafRule['kind'][] = ['manager', 'role', 'field', 'users'];
  return leafRule(order.find((k) => !have.some((r) => r.kind === k)) ?? 'manager');
}

/**
 * The rule after picking `kind` in a step's approvers: "any of" keeps what was there as its
 * first rule and adds a second (so "this role" becomes "this role or the submitter's manager");
 * a plain kind picked on a union keeps the union's rule of that kind, if any.
 */
export function withKind(rule: ApproverRule, kind: ApproverRule['kind']): ApproverRule {
  if (kind === rule.kind) return rule;
  if (kind === 'any') return { kind: 'any', of: [rule as ApproverLeafRule, nextRule([rule as ApproverLeafRule])] };
  if (rule.kind === 'any') return rule.of.find((r) => r.kind === kind) ?? leafRule(kind);
  return leafRule(kind);
}

/** Adds one more rule to a union. */
export function addRule(rule: Extract<ApproverRule, { kind: 'any' }>): ApproverRule {
  return rule.of.length >= MAX_RULES ? rule : { kind: 'any', of: [...rule.of, nextRule(rule.of)] };
}

/** Replaces the union's rule `i`. */
export function putRule(rule: Extract<ApproverRule, { kind: 'any' }>, i: number, part: ApproverLeafRule): ApproverRule {
  return { kind: 'any', of: rule.of.map((r, j) => (j === i ? part : r)) };
}

/** Removes the union's rule `i`; a union left with one rule is that rule (a union needs two). */
export function removeRule(rule: Extract<ApproverRule, { kind: 'any' }>, i: number): ApproverRule {
  const of = rule.of.filter((_, j) => j !== i);
  return of.length === 1 ? of[0] : { kind: 'any', of };
}
