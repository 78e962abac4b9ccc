import type { AppDefinition, EntityDefinition } from '@tessera/metadata';

/** One chart of the dashboard: a count of `entity` grouped by `group`, drawn as `kind`. */
export interface ChartSpec {
  id: string;
  entity: EntityDefinition;
  kind: 'bar' | 'pie' | 'line' | 'funnel';
  /** A select field, or `created_at:month`. */
  group: string;
}

const MAX_ENTITIES = 2;

/**
 * The dashboard derived from metadata, for an app without dashboard definitions: for the
 * entities with a workflow (else the first), a funnel by workflow state, a bar chart of the
 * first other select field, a pie of the second, and new records per month.
 */
export function dashboardCharts(app: AppDefinition): ChartSpec[] {
  const withWorkflow = app.entities.filter((e) => app.workflows?.some((w) => w.entity === e['x-name']));
  const entities = (withWorkflow.length ? withWorkflow : app.entities.slice(0, 1)).slice(0, MAX_ENTITIES);
  const specs: ChartSpec[] = [];
  for (const entity of entities) {
    const name = entity['x-name'];
    const stateField = app.workflows?.find((w) => w.entity === name)?.stateField;
    const selects = Object.entries(entity.properties).filter(([n, f]) => f['x-type'] === 'select' && f['x-options']?.length && n !== stateField).map(([n]) => n);
    if (stateField) specs.push({ id: `${name}-funnel`, entity, kind: 'funnel', group: stateField });
    if (selects[0]) specs.push({ id: `${name}-${selects[0]}`, entity, kind: 'bar', group: selects[0] });
    if (selects[1]) specs.push({ id: `${name}-${selects[1]}`, entity, kind: 'pie', group: selects[1] });
    specs.push({ id: `${name}-monthly`, entity, kind: 'line', group: 'created_at:month' });
  }
  return specs;
}
