import type { ApproverLeafRule, ApproverRule } from './approval-types';

/** One plain rule inside an approver rule, with its path from the rule (`[]`, or `['of', 1]`). */
export interface ApproverRulePart {
  rule: ApproverLeafRule;
  path: (string | number)[];
}

/**
 * The plain rules an approver rule is made of: itself, or each rule of an `any` union, in order.
 * Validation, field dependents, the runtime's resolution and the designer all read rules through
 * this, so a new way of combining rules is taught in one place.
 */
export function approverRuleParts(rule: ApproverRule): ApproverRulePart[] {
  return rule.kind === 'any' ? rule.of.map((part, i) => ({ rule: part, path: ['of', i] })) : [{ rule, path: [] }];
}
