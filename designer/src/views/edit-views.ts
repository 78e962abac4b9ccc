import type { AppDefinition, EntityDefinition, ViewDefinition } from '@tessera/metadata';

/** `app` with `view` in place of the view named `name` (or appended when there is none). */
export function putView(app: AppDefinition, name: string, view: ViewDefinition): AppDefinition {
  const views = app.views ?? [];
  const at = views.findIndex((v) => v.name === name);
  return { ...app, views: at >= 0 ? views.map((v, i) => (i === at ? view : v)) : [...views, view] };
}

export function removeView(app: AppDefinition, name: string): AppDefinition {
  const views = (app.views ?? []).filter((v) => v.name !== name);
  const { views: _, ...rest } = app;
  return views.length ? { ...rest, views } : rest;
}

/** A name not yet taken: `customer_list`, then `customer_list_2`… */
export function freeName(taken: readonly string[], base: string): string {
  if (!taken.includes(base)) return base;
  let n = 2;
  while (taken.includes(`${base}_${n}`)) n += 1;
  return `${base}_${n}`;
}

/** The select fields a kanban can group by, a workflow's state field first. */
export function groupByFields(app: AppDefinition, entity: EntityDefinition): string[] {
  const selects = Object.entries(entity.properties).filter(([, f]) => f['x-type'] === 'select').map(([n]) => n);
  const state = app.workflows?.find((w) => w.entity === entity['x-name'])?.stateField;
  return state && selects.includes(state) ? [state, ...selects.filter((n) => n !== state)] : selects;
}

/**
 * A new view of `entity`: a list of its first fields, or a kanban by its first group-by field
 * with its first other fields on the cards. Kind-specific keys are dropped when switching.
 */
export function newView(app: AppDefinition, entity: EntityDefinition, kind: ViewDefinition['kind'], label: ViewDefinition['label']): ViewDefinition {
  const name = freeName((app.views ?? []).map((v) => v.name), `${entity['x-name']}_${kind}`);
  const fields = Object.keys(entity.properties);
  if (kind === 'list') return { name, entity: entity['x-name'], label, kind, columns: fields.slice(0, 5) };
  const groupBy = groupByFields(app, entity)[0];
  return { name, entity: entity['x-name'], label, kind, ...(groupBy ? { groupBy } : {}), cardFields: fields.filter((f) => f !== groupBy).slice(1, 3) };
}

/** The view switched to `kind`, keeping its columns as card fields (or back). */
export function switchKind(app: AppDefinition, entity: EntityDefinition, view: ViewDefinition, kind: ViewDefinition['kind']): ViewDefinition {
  if (view.kind === kind) return view;
  const { columns, cardFields, groupBy, ...rest } = view;
  if (kind === 'list') return { ...rest, kind, columns: cardFields ?? [] };
  const group = groupBy ?? groupByFields(app, entity)[0];
  return { ...rest, kind, ...(group ? { groupBy: group } : {}), cardFields: (columns ?? []).filter((c) => c !== group).slice(0, 6) };
}
