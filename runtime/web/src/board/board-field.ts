import type { AppDefinition, EntityDefinition } from '@tessera/metadata';

/** The select fields a board can group by; a workflow's state field first. */
export function boardFields(entity: EntityDefinition, app: AppDefinition): string[] {
  const workflowField = app.workflows?.find((w) => w.entity === entity['x-name'])?.stateField;
  const selects = Object.entries(entity.properties).filter(([, f]) => f['x-type'] === 'select' && f['x-options']?.length).map(([name]) => name);
  return workflowField && selects.includes(workflowField) ? [workflowField, ...selects.filter((n) => n !== workflowField)] : selects;
}

/** The field a workflow drives: moving a card there takes a transition, never a plain PATCH. */
export const workflowFieldOf = (entity: EntityDefinition, app: AppDefinition) => app.workflows?.find((w) => w.entity === entity['x-name'])?.stateField;
