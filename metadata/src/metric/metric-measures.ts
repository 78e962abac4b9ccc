import type { MetricDefinition, MetricMeasure, MetricSide } from './metric-types';

/** The measures of a metric with their side: `[value]` or `[numerator, denominator]`. */
export function metricMeasures(metric: Pick<MetricDefinition, MetricSide>): { side: MetricSide; measure: MetricMeasure }[] {
  if (metric.value) return [{ side: 'value', measure: metric.value }];
  return (['numerator', 'denominator'] as const).flatMap((side) => (metric[side] ? [{ side, measure: metric[side]! }] : []));
}

/** The fields a measure names itself (its filter's are read from the filter), with the key that names each. */
export function measureFields(m: MetricMeasure): { key: string; field: string }[] {
  const out: { key: string; field: string }[] = [];
  const fn = m.measure.split(':');
  if (fn[1]) out.push({ key: 'measure', field: fn[1] });
  if (m.date) out.push({ key: 'date', field: m.date });
  if (m.period) out.push({ key: 'period.year', field: m.period.year }, ...(m.period.month ? [{ key: 'period.month', field: m.period.month }] : []));
  if (m.owner) out.push({ key: 'owner', field: m.owner });
  for (const key of ['from', 'to'] as const) if (m[key] && m[key] !== 'entered') out.push({ key, field: m[key]! });
  return out;
}

/**
 * The aggregate API's query for a measure (`measures`, `group`, `filter`), before the
 * dashboard's owner and time range are added: what the engine checks at publish and the
 * runtime asks at run time. `avgDays` counts here; the runtime adds the span beside the count.
 */
export function measureQuery(m: MetricMeasure, group?: string): { measures: string; group?: string; filter?: string } {
  return {
    measures: m.measure === 'avgDays' ? 'count' : m.measure,
    ...(group ? { group } : {}),
    ...(m.filter && Object.keys(m.filter).length ? { filter: JSON.stringify(m.filter) } : {}),
  };
}
