import type { MetricMeasure } from '@tessera/metadata';
import type { MetricRow } from './metric-types';

/** One measure's figure per group key ('' stands for no group; null for records without a value). */
export type SideValues = Map<string | null, number | null>;

/** Counts and sums of nothing are 0; an average of nothing is unknown. */
export const emptyValue = (m: MetricMeasure): number | null => (m.measure === 'avgDays' || m.measure.startsWith('avg:') ? null : 0);

const byKey = (a: string | null, b: string | null) => (a === b ? 0 : a === null ? 1 : b === null ? -1 : a.localeCompare(b));

/**
 * A metric's rows from its measures' figures: the value itself, or numerator / denominator
 * per group (a group only one side has counts as that side's empty value there; a zero or
 * unknown denominator gives no value rather than infinity). Groups in key order, no group last.
 */
export function combineSides(grouped: boolean, value: { measure: MetricMeasure; values: SideValues }, denominator?: { measure: MetricMeasure; values: SideValues }): MetricRow[] {
  const keys = [...new Set([...value.values.keys(), ...(denominator?.values.keys() ?? [])])].sort(byKey);
  if (!grouped && keys.length === 0) keys.push('');
  return keys.map((key) => {
    const num = value.values.has(key) ? value.values.get(key)! : emptyValue(value.measure);
    const head = grouped ? { key } : {};
    if (!denominator) return { ...head, value: num };
    const den = denominator.values.has(key) ? denominator.values.get(key)! : emptyValue(denominator.measure);
    return { ...head, value: num === null || den === null || den === 0 ? null : num / den, numerator: num, denominator: den };
  });
}
