import { measureQuery, metricMeasures, type AppDefinition, type MetadataError } from '@tessera/metadata';
import type { FieldTypeRegistry } from '../field-types/field-type-registry';
import { parseAggregateQuery } from './parse-aggregate-query';
import { parseListQuery } from './parse-list-query';
import type { QueryError, RawQuery } from './query-types';

// `"$me"` in a view's filter is the signed-in user, bound by the app before it asks (ADR 0021); any id parses the same.
const ME = '"$me"';
const SOME_USER = '"00000000-0000-4000-8000-000000000000"';
const filterParam = (filter: Record<string, unknown>) => JSON.stringify(filter).split(ME).join(SOME_USER);

const describe = (errors: QueryError[]) => errors.map((e) => `${e.parameter} ${e.message}`).join('; ');

/**
 * Views' and dashboard cards' queries through the very parsers the API uses, so a view that
 * validates is a request the API accepts: operators each field type has, values of its kind,
 * measures of numeric kinds (plugin types included), limits. No database is needed.
 */
export function checkAppQueries(app: AppDefinition, registry: FieldTypeRegistry): MetadataError[] {
  const errors: MetadataError[] = [];
  const entity = (name: string) => app.entities.find((e) => e['x-name'] === name);
  (app.views ?? []).forEach((view, i) => {
    const target = entity(view.entity);
    if (!target) return;
    const query: RawQuery = {
      ...(view.filter ? { filter: filterParam(view.filter) } : {}),
      ...(view.sort?.length ? { sort: view.sort.join(',') } : {}),
    };
    const parsed = parseListQuery(query, target, registry, app.entities);
    if (!parsed.ok) errors.push({ pointer: `/views/${i}`, code: 'view-query-invalid', message: `View "${view.name}" is not a query the API accepts: ${describe(parsed.errors)}.`, hint: 'Fix the filter or sort; docs/api.md lists the operators of each field type.' });
  });
  (app.dashboards ?? []).forEach((dashboard, d) => {
    dashboard.cards.forEach((card, c) => {
      const target = entity(card.entity);
      if (!target) return;
      const query: RawQuery = {
        measures: card.measure,
        ...(card.group ? { group: card.group } : {}),
        ...(card.filter ? { filter: filterParam(card.filter) } : {}),
      };
      const parsed = parseAggregateQuery(query, target, registry, app.entities);
      if (!parsed.ok) errors.push({ pointer: `/dashboards/${d}/cards/${c}`, code: 'card-query-invalid', message: `Card "${card.id}" of dashboard "${dashboard.name}" is not a query the API accepts: ${describe(parsed.errors)}.`, hint: 'Fix the measure, group or filter; docs/api.md describes the aggregate API.' });
    });
  });
  // Metrics (issue 21): each measure, and each metric card's group, is an aggregate request the API accepts.
  (app.metrics ?? []).forEach((metric, m) => {
    const groups = [undefined, ...new Set((app.dashboards ?? []).flatMap((d) => (d.metrics ?? []).filter((c) => c.metric === metric.name && c.group).map((c) => c.group!)))];
    for (const { side, measure } of metricMeasures(metric)) {
      const target = entity(measure.entity);
      if (!target) continue;
      for (const group of groups) {
        const { filter, ...query } = measureQuery(measure, group);
        const parsed = parseAggregateQuery({ ...query, ...(filter ? { filter: filter.split(ME).join(SOME_USER) } : {}) }, target, registry, app.entities);
        if (!parsed.ok) errors.push({ pointer: `/metrics/${m}/${side}`, code: 'metric-query-invalid', message: `The ${side} of metric "${metric.name}"${group ? ` grouped by "${group}"` : ''} is not a query the API accepts: ${describe(parsed.errors)}.`, hint: 'Fix the measure or filter (or the card\'s group); docs/api.md describes the aggregate API.' });
      }
    }
  });
  return errors;
}
