import type { JsonSchema } from '@tessera/engine';

export const OPERATORS = ['eq', 'ne', 'gt', 'gte', 'lt', 'lte', 'contains', 'in', 'isNull', 'notNull'] as const;
export type ScoreOperator = (typeof OPERATORS)[number];

export interface ScoreRule {
  field: string;
  op: ScoreOperator;
  /** Compared with the field's value; unused by isNull/notNull, a list for `in`. */
  value?: unknown;
  /** Added when the rule holds (negative to penalise). */
  points: number;
}

export interface ScoringSettings {
  rules: ScoreRule[];
  target: { entity: string; field: string };
}

export const scoringSettingsSchema: JsonSchema = {
  type: 'object',
  properties: {
    rules: {
      type: 'array',
      default: [],
      items: {
        type: 'object',
        required: ['field', 'op', 'points'],
        additionalProperties: false,
        properties: {
          field: { type: 'string', minLength: 1 },
          op: { type: 'string', enum: [...OPERATORS] },
          value: {},
          points: { type: 'number' },
        },
      },
    },
    target: {
      type: 'object',
      required: ['entity', 'field'],
      additionalProperties: false,
      properties: { entity: { type: 'string', minLength: 1 }, field: { type: 'string', minLength: 1 } },
      default: { entity: 'lead', field: 'score' },
    },
  },
};

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

/** The sum of the points of every rule that holds: a pure function of the record, so re-scoring is idempotent. */
export const scoreRecord = (rules: readonly ScoreRule[], record: Record<string, unknown>): number =>
  rules.reduce((sum, rule) => (ruleHolds(rule, record) ? sum + rule.points : sum), 0);
