import type { resolvePermissions } from '@tessera/engine';
import { measureFields, metricMeasures, type AppDefinition, type DashboardMetricCard } from '@tessera/metadata';

type Access = ReturnType<typeof resolvePermissions>;

const filterFields = (filter: unknown): string[] => {
  if (Array.isArray(filter)) return filter.flatMap(filterFields);
  if (typeof filter !== 'object' || filter === null) return [];
  return Object.entries(filter).flatMap(([key, value]) => (key === 'and' || key === 'or' ? filterFields(value) : [key.split('.')[0]]));
};

/**
 * Whether a user with `access` can be shown a metric card: every measure's entity readable and
 * no field it measures, filters, dates or groups by hidden. Presentation only, as for chart
 * cards (ADR 0021): `GET /api/_metrics/{name}` refuses the same metric with a 400 naming the field.
 */
export function metricVisible(card: DashboardMetricCard, app: AppDefinition, access: Access): boolean {
  const metric = app.metrics?.find((m) => m.name === card.metric);
  if (!metric) return false;
  return metricMeasures(metric).every(({ measure }) => {
    const grant = access.entity(measure.entity);
    if (!grant.actions.has('read')) return false;
    const fields = [...measureFields(measure).map((f) => f.field), ...filterFields(measure.filter), ...(card.group ? [card.group.split(':')[0]] : [])];
    return fields.every((f) => !grant.hidden.has(f));
  });
}
