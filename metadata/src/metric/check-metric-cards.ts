import { DATES, UNGROUPABLE } from '../dashboard/check-dashboards';
import { isRecord, stringOr } from '../validation/app-views';
import { closestName } from '../validation/closest-name';
import { pointerOf } from '../validation/json-pointer';
import { metadataError } from '../validation/metadata-error';
import { entitiesByName, resolveFieldPath } from '../validation/resolve-field-path';
import type { MetadataError } from '../validation/validation-types';

/**
 * Dashboards' metric cards: each names one of the app's metrics; a figure has no group, and a
 * bar or line groups by a field that every measure of the metric has (dates optionally by
 * bucket), since both sides of a ratio are grouped alike.
 */
export function checkMetricCards(app: unknown): MetadataError[] {
  const errors: MetadataError[] = [];
  const entities = entitiesByName(app);
  const metrics = new Map((isRecord(app) && Array.isArray(app.metrics) ? app.metrics : []).filter(isRecord).map((m) => [stringOr(m.name), m]));
  const dashboards = isRecord(app) && Array.isArray(app.dashboards) ? app.dashboards : [];
  dashboards.forEach((dashboard, d) => {
    if (!isRecord(dashboard) || !Array.isArray(dashboard.metrics)) return;
    const ids = new Set<string>();
    dashboard.metrics.forEach((card, c) => {
      if (!isRecord(card)) return;
      const pointer = pointerOf('dashboards', d, 'metrics', c);
      const id = stringOr(card.id);
      const title = `Metric card "${id ?? `#${c + 1}`}" of dashboard "${stringOr(dashboard.name) ?? `#${d + 1}`}"`;
      if (id && ids.has(id)) errors.push(metadataError('duplicate-card-id', pointer + pointerOf('id'), `${title} repeats the id "${id}".`, 'Give each metric card its own id.'));
      if (id) ids.add(id);
      const name = stringOr(card.metric);
      const metric = name === undefined ? undefined : metrics.get(name);
      if (name !== undefined && !metric) {
        const known = [...metrics.keys()].filter((k): k is string => !!k);
        const guess = closestName(name, known);
        errors.push(metadataError('card-metric-missing', pointer + pointerOf('metric'), `${title} shows the metric "${name}", which does not exist.`, `${guess ? `Did you mean "${guess}"? ` : ''}Metrics in this app: ${known.join(', ') || '(none; add metrics/*.metric.json)'}.`));
      }
      const group = stringOr(card.group);
      if (card.chart === 'number' && group !== undefined) errors.push(metadataError('card-group-invalid', pointer + pointerOf('group'), `${title} is a number card but has a group.`, 'A number card shows one figure; remove "group", or draw a bar or line.'));
      if (card.chart !== 'number' && group === undefined) errors.push(metadataError('card-group-invalid', pointer, `${title} draws a ${String(card.chart)} but has no "group".`, 'Name the field to group by, e.g. "owner" or "created_at:month".'));
      if (!metric || group === undefined) return;
      const [field, bucket] = group.split(':');
      for (const side of ['value', 'numerator', 'denominator'] as const) {
        const measure = metric[side];
        const entity = isRecord(measure) ? entities.get(stringOr(measure.entity) ?? '') : undefined;
        if (!entity) continue;
        const resolved = resolveFieldPath(field, entity, entities);
        const at = pointer + pointerOf('group');
        if (!resolved.ok) errors.push(metadataError('card-field-missing', at, `${title} groups by "${field}", but the metric's ${side} counts ${entity.title}: ${resolved.message}.`, resolved.hint));
        else if (resolved.value.hops > 0 || UNGROUPABLE.has(resolved.value.type)) errors.push(metadataError('card-group-invalid', at, `${title} groups by "${group}", which the metric's ${side} cannot be grouped by.`, 'Group by a field of the measured records itself: a select, user, number, date or boolean field.'));
        else if (bucket !== undefined && !DATES.has(resolved.value.type)) errors.push(metadataError('card-group-invalid', at, `${title} groups by "${group}", but "${field}" is not a date; only dates have buckets.`, `Group by "${field}" alone, or by a date such as "created_at:${bucket}".`));
      }
    });
  });
  return errors;
}
