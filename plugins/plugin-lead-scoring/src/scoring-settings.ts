import type { JsonSchema } from '@tessera/engine';

export const OPERATORS = ['eq', 'ne', 'gt', 'gte', 'lt', 'lte', 'contains', 'in', 'isNull', 'notNull'] as const;
export type ScoreOperator = (typeof OPERATORS)[number];
/** An activity count is a number: only the comparisons apply. */
export const COUNT_OPERATORS = ['eq', 'ne', 'gt', 'gte', 'lt', 'lte'] as const;
export type CountOperator = (typeof COUNT_OPERATORS)[number];

/** A rule on a field of the scored record. */
export interface ScoreRule {
  field: string;
  op: ScoreOperator;
  /** Compared with the field's value; unused by isNull/notNull, a list for `in`. */
  value?: unknown;
  /** Added when the rule holds (negative to penalise). */
  points: number;
}

/** Which activities count: a condition on one of their fields, run as a list filter. */
export interface ActivityWhere {
  field: string;
  op: ScoreOperator;
  value?: unknown;
}

/**
 * A rule on the scored record's activities: records of `activity.entity` whose many-to-one
 * field `activity.link` points at it (only those matching `where`, when given). Either the
 * count is compared (`op`, `value`, `points`) or each one is worth `perItem` up to `max`.
 */
export type ActivityRule = {
  activity: { entity: string; link: string };
  where?: ActivityWhere;
} & ({ op: CountOperator; value: number; points: number } | { perItem: number; max: number });

export type Rule = ScoreRule | ActivityRule;

export interface ScoringSettings {
  rules: Rule[];
  target: { entity: string; field: string };
}

const name = { type: 'string', minLength: 1 };

const fieldRule: JsonSchema = {
  type: 'object',
  required: ['field', 'op', 'points'],
  additionalProperties: false,
  properties: { field: name, op: { type: 'string', enum: [...OPERATORS] }, value: {}, points: { type: 'number' } },
};

const where: JsonSchema = {
  type: 'object',
  required: ['field', 'op'],
  additionalProperties: false,
  properties: { field: name, op: { type: 'string', enum: [...OPERATORS] }, value: {} },
  // isNull/notNull need no value; every other operator does, and `in` a list.
  if: { properties: { op: { enum: ['isNull', 'notNull'] } } },
  else: { required: ['value'], if: { properties: { op: { const: 'in' } } }, then: { properties: { value: { type: 'array', minItems: 1 } } } },
};

/**
 * Two ways to score activities, never both: a threshold (`op` + `value` → `points`) or
 * `perItem` points each, capped at `max`. The cap is required: an uncapped score would have to
 * count every activity inside the write's hook timeout, and grows without bound.
 */
const forbidden = { not: {} };
const activityRule: JsonSchema = {
  type: 'object',
  description: 'Activity rule: { activity: { entity, link }, where?, op, value, points } or { activity, where?, perItem, max } (活动规则：按数量比较，或每条计分并封顶)',
  required: ['activity'],
  additionalProperties: false,
  properties: {
    activity: { type: 'object', required: ['entity', 'link'], additionalProperties: false, properties: { entity: name, link: name } },
    where,
    op: { type: 'string', enum: [...COUNT_OPERATORS] },
    value: { type: 'number', minimum: 0 },
    points: { type: 'number' },
    perItem: { type: 'number', exclusiveMinimum: 0 },
    max: { type: 'number', minimum: 0 },
  },
  if: { required: ['perItem'] },
  // `not: {}` on the key that does not belong names it (settings.rules.0.op: must NOT be valid),
  // where `not: { anyOf: … }` on the rule would only name the rule.
  then: { required: ['max'], properties: { op: forbidden, value: forbidden, points: forbidden } },
  else: { required: ['op', 'value', 'points'], properties: { max: forbidden } },
};

export const scoringSettingsSchema: JsonSchema = {
  type: 'object',
  properties: {
    rules: {
      type: 'array',
      default: [],
      // A rule with `activity` is an activity rule; any other is a field rule.
      items: { if: { type: 'object', required: ['activity'] }, then: activityRule, else: fieldRule },
    },
    target: {
      type: 'object',
      required: ['entity', 'field'],
      additionalProperties: false,
      properties: { entity: name, field: name },
      default: { entity: 'lead', field: 'score' },
    },
  },
};

export const isActivityRule = (rule: Rule): rule is ActivityRule => 'activity' in rule;
