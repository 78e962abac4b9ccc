import { activityKey, activityPoints } from './activity-rules';
import { isActivityRule, type Rule, type ScoreRule } from './scoring-settings';

export { OPERATORS, scoringSettingsSchema, type ScoreOperator, type ScoreRule, type ScoringSettings } from './scoring-settings';

const isEmpty = (v: unknown) => v === null || v === undefined || v === '';
/** Numbers arrive as numbers, currency/decimal columns as strings: compare both as numbers. */
const num = (v: unknown) => (typeof v === 'number' ? v : typeof v === 'string' && v.trim() !== '' ? Number(v) : NaN);

/** Whether one rule holds for `record`. An empty value satisfies only isNull. */
export function ruleHolds(rule: ScoreRule, record: Record<string, unknown>): boolean {
  const actual = record[rule.field];
  if (rule.op === 'isNull') return isEmpty(actual);
  if (rule.op === 'notNull') return !isEmpty(actual);
  if (isEmpty(actual)) return false;
  switch (rule.op) {
    case 'eq': return actual === rule.value || String(actual) === String(rule.value);
    case 'ne': return String(actual) !== String(rule.value);
    case 'gt': return num(actual) > num(rule.value);
    case 'gte': return num(actual) >= num(rule.value);
    case 'lt': return num(actual) < num(rule.value);
    case 'lte': return num(actual) <= num(rule.value);
    case 'contains': return String(actual).toLowerCase().includes(String(rule.value).toLowerCase());
    case 'in': return Array.isArray(rule.value) && rule.value.some((v) => String(v) === String(actual));
  }
}

/**
 * The sum of the points of every rule that holds: a pure function of the record and its
 * activity counts (keyed by `activityKey`; a missing count is 0), so re-scoring is idempotent.
 */
export const scoreRecord = (rules: readonly Rule[], record: Record<string, unknown>, counts: ReadonlyMap<string, number> = new Map()): number =>
  rules.reduce((sum, rule) => sum + (isActivityRule(rule) ? activityPoints(rule, counts.get(activityKey(rule)) ?? 0) : ruleHolds(rule, record) ? rule.points : 0), 0);
