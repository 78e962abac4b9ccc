import { resolvePermissions } from '@tessera/engine';
import type { AppDefinition, DashboardCard, DashboardDefinition, EntityDefinition, ViewDefinition } from '@tessera/metadata';
import { metricVisible } from '../metrics/metric-visible';

type Access = ReturnType<typeof resolvePermissions>;

/** Field paths a JSON filter names (`{"and":[{"level":"A"}]}` → level). */
function filterPaths(filter: unknown): string[] {
  if (Array.isArray(filter)) return filter.flatMap(filterPaths);
  if (typeof filter !== 'object' || filter === null) return [];
  return Object.entries(filter).flatMap(([key, value]) => (key === 'and' || key === 'or' ? filterPaths(value) : [key]));
}

/**
 * Whether the user may read the field at `path` from `entity`: each step's field not hidden,
 * each related entity readable. Names the app does not know (system fields, user attributes,
 * child plurals) are left to the API, which enforces the same rules on every request.
 */
function readable(path: string, entity: EntityDefinition, app: AppDefinition, access: Access): boolean {
  let current: EntityDefinition | undefined = entity;
  for (const name of path.replace(/^[-+]/, '').split('.')) {
    if (!current) return true;
    const grant = access.entity(current['x-name']);
    if (!grant.actions.has('read') || grant.hidden.has(name)) return false;
    const target: string | undefined = current.properties[name]?.['x-relation']?.entity;
    current = target ? app.entities.find((e) => e['x-name'] === target) : undefined;
  }
  return true;
}

function viewFor(view: ViewDefinition, app: AppDefinition, access: Access): ViewDefinition | undefined {
  const entity = app.entities.find((e) => e['x-name'] === view.entity);
  if (!entity || !access.entity(entity['x-name']).actions.has('read')) return undefined;
  const ok = (path: string) => readable(path, entity, app, access);
  // Without its group or with a filter the API would refuse for this user, the view cannot work at all.
  if ((view.groupBy && !ok(view.groupBy)) || !filterPaths(view.filter).every(ok)) return undefined;
  // A calendar placed by a date the user may not read cannot show anything; a hidden title falls back to the display field.
  if ([view.startField, view.endField].some((f) => f && !ok(f))) return undefined;
  if (view.titleField && !ok(view.titleField)) return { ...view, titleField: undefined };
  const keep = (list?: string[]) => list?.filter(ok);
  return { ...view, ...(view.columns ? { columns: keep(view.columns) } : {}), ...(view.cardFields ? { cardFields: keep(view.cardFields) } : {}), ...(view.sort ? { sort: keep(view.sort) } : {}) };
}

function cardVisible(card: DashboardCard, app: AppDefinition, access: Access): boolean {
  const entity = app.entities.find((e) => e['x-name'] === card.entity);
  if (!entity || !access.entity(entity['x-name']).actions.has('read')) return false;
  const paths = [...(card.measure.includes(':') ? [card.measure.split(':')[1]] : []), ...(card.group ? [card.group.split(':')[0]] : []), ...filterPaths(card.filter)];
  return paths.every((p) => readable(p, entity, app, access));
}

/**
 * The views and dashboards as one user may use them (issues 7, 8): a view or card over an
 * entity they cannot read is dropped, and so is one grouping, measuring or filtering by a
 * field hidden from them; columns they cannot read are left out. Presentation only: the API
 * enforces the same permissions on every request, so this hides what would only fail.
 */
export function viewsForUser(app: AppDefinition, roles: readonly string[]): Pick<AppDefinition, 'views' | 'dashboards'> {
  const access = resolvePermissions(app, { roles });
  const views = app.views?.flatMap((v) => viewFor(v, app, access) ?? []);
  // Metric cards likewise (issue 21): a dashboard of metrics only is kept while one shows.
  const dashboards = app.dashboards?.map((d): DashboardDefinition => ({ ...d, cards: d.cards.filter((c) => cardVisible(c, app, access)), ...(d.metrics ? { metrics: d.metrics.filter((m) => metricVisible(m, app, access)) } : {}) }))
    .filter((d) => d.cards.length > 0 || (d.metrics?.length ?? 0) > 0);
  return { ...(views ? { views } : {}), ...(dashboards ? { dashboards } : {}) };
}
