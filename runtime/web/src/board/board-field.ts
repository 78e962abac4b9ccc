import type { AppDefinition, EntityDefinition } from '@tessera/metadata';

/** The fields the entity's workflows drive (record types may each run their own, over one field or several). */
export const workflowFieldsOf = (entity: EntityDefinition, app: AppDefinition): string[] =>
  [...new Set((app.workflows ?? []).filter((w) => w.entity === entity['x-name']).map((w) => w.stateField))];

/** The select fields a board can group by; workflows' state fields first. */
export function boardFields(entity: EntityDefinition, app: AppDefinition): string[] {
  const selects = Object.entries(entity.properties).filter(([, f]) => f['x-type'] === 'select' && f['x-options']?.length).map(([name]) => name);
  const driven = workflowFieldsOf(entity, app).filter((f) => selects.includes(f));
  return [...driven, ...selects.filter((n) => !driven.includes(n))];
}

/** Whether a workflow drives `field`: moving a card there takes a transition, never a plain PATCH. */
export const isWorkflowField = (entity: EntityDefinition, app: AppDefinition, field: string) => workflowFieldsOf(entity, app).includes(field);
