import { entityWorkflows, type AppDefinition, type EntityWorkflows, type WorkflowDefinition, type WorkflowScope } from '@tessera/metadata';
import type { Knex } from 'knex';

const cache = new WeakMap<AppDefinition, Map<string, EntityWorkflows<WorkflowDefinition>>>();
const none = entityWorkflows<WorkflowDefinition>({}, [], (w) => w.name);

/** The workflow definitions of an entity with the rule that picks a record's (ADR 0060); once per app. */
export function workflowDefinitionsOf(app: AppDefinition, entityName: string): EntityWorkflows<WorkflowDefinition> {
  let byEntity = cache.get(app);
  if (!byEntity) {
    byEntity = new Map(app.entities.map((entity) => [entity['x-name'], entityWorkflows(entity, (app.workflows ?? []).filter((w) => w.entity === entity['x-name']), (w) => w.name)]));
    cache.set(app, byEntity);
  }
  return byEntity.get(entityName) ?? none;
}

/**
 * Narrows a query to the records a workflow runs for (its scope's record types; the default's
 * also untyped ones). `column` is the type field's column; no scope, no narrowing.
 */
export function whereWorkflowRuns(scope: WorkflowScope | undefined, column: string | undefined): (qb: Knex.QueryBuilder) => void {
  if (!scope || !column) return () => undefined;
  return (qb) => void qb.where((w) => {
    if (scope.types.length > 0) w.whereIn(column, scope.types);
    else w.whereRaw('false');
    if (scope.untyped) w.orWhereNull(column);
  });
}
