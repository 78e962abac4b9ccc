import type { AppDefinition, DashboardCard, EntityDefinition } from '@tessera/metadata';

/** One chart of the derived dashboard: a dashboard card counting `entity`'s records, and how its title reads. */
export interface ChartSpec {
  card: DashboardCard;
  entity: EntityDefinition;
  /** The title's message (`dashboard.by`, `dashboard.funnel`, `dashboard.perMonth`), with the entity's and the grouped field's labels. */
  heading: 'by' | 'funnel' | 'perMonth';
}

const MAX_ENTITIES = 2;

const spec = (entity: EntityDefinition, id: string, chart: DashboardCard['chart'], group: string, heading: ChartSpec['heading']): ChartSpec => ({
  card: { id, title: { en: '' }, entity: entity['x-name'], chart, measure: 'count', group },
  entity,
  heading,
});

/**
 * The dashboard derived from metadata, for an app without dashboard definitions: for the
 * entities with a workflow (else the first), a funnel by workflow state, a bar chart of the
 * first other select field, a pie of the second, and new records per month. They are ordinary
 * cards, so the dashboard's time range and owner apply to them too.
 */
export function dashboardCharts(app: AppDefinition): ChartSpec[] {
  const withWorkflow = app.entities.filter((e) => app.workflows?.some((w) => w.entity === e['x-name']));
  const entities = (withWorkflow.length ? withWorkflow : app.entities.slice(0, 1)).slice(0, MAX_ENTITIES);
  const specs: ChartSpec[] = [];
  for (const entity of entities) {
    const name = entity['x-name'];
    const stateField = app.workflows?.find((w) => w.entity === name)?.stateField;
    const selects = Object.entries(entity.properties).filter(([n, f]) => f['x-type'] === 'select' && f['x-options']?.length && n !== stateField).map(([n]) => n);
    if (stateField) specs.push(spec(entity, `${name}-funnel`, 'funnel', stateField, 'funnel'));
    if (selects[0]) specs.push(spec(entity, `${name}-${selects[0]}`, 'bar', selects[0], 'by'));
    if (selects[1]) specs.push(spec(entity, `${name}-${selects[1]}`, 'pie', selects[1], 'by'));
    specs.push(spec(entity, `${name}-monthly`, 'line', 'created_at:month', 'perMonth'));
  }
  return specs;
}
