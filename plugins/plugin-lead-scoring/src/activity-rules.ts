import type { ActivityRule } from './scoring-settings';

/** Rules counting the same activities share one count (and one query). */
export const activityKey = (rule: ActivityRule): string => JSON.stringify([rule.activity.entity, rule.activity.link, rule.where ?? null]);

/** The points an activity rule gives for `count` activities. */
export function activityPoints(rule: ActivityRule, count: number): number {
  if ('perItem' in rule) return Math.min(count * rule.perItem, rule.max);
  switch (rule.op) {
    case 'eq': return count === rule.value ? rule.points : 0;
    case 'ne': return count !== rule.value ? rule.points : 0;
    case 'gt': return count > rule.value ? rule.points : 0;
    case 'gte': return count >= rule.value ? rule.points : 0;
    case 'lt': return count < rule.value ? rule.points : 0;
    case 'lte': return count <= rule.value ? rule.points : 0;
  }
}

/**
 * How far counting must go for the rule to be decided: one past the threshold (every
 * comparison with `value` gives the same answer for all counts above it), or the count at
 * which `perItem` reaches `max`. Counting stops there, so a lead with thousands of calls costs
 * no more than one with a few.
 */
export const countNeeded = (rule: ActivityRule): number => ('perItem' in rule ? Math.ceil(rule.max / rule.perItem) : Math.floor(rule.value) + 1);

/** The list filter (JSON form) of `where`: the rule operators as the list API spells them. */
export function whereFilter(where: NonNullable<ActivityRule['where']>): Record<string, unknown> {
  const condition = where.op === 'isNull' ? { isNull: true } : where.op === 'notNull' ? { isNull: false } : { [where.op]: where.value };
  return { [where.field]: condition };
}

/**
 * The list-API parameters that select the activities of `id`. The link goes in the bracket
 * form and `where` in the JSON form, so an error the API reports names which one it is about.
 */
export function activityQuery(rule: ActivityRule, id: string): Record<string, string> {
  return {
    [`filter[${rule.activity.link}][eq]`]: id,
    ...(rule.where ? { filter: JSON.stringify(whereFilter(rule.where)) } : {}),
    fields: 'id',
    sort: 'id',
    count: 'false',
  };
}
