import type { AppDefinition, EntityDefinition, ViewDefinition } from '@tessera/metadata';
import { toCalendar, withoutCalendarKeys } from './calendar-view';

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
 * A new view of `entity`: a list of its first fields, a kanban by its first group-by field
 * with its first other fields on the cards, or a calendar by its first date field (the
 * caller offers a calendar only when there is one). Kind-specific keys are dropped when switching.
 */
export function newView(app: AppDefinition, entity: EntityDefinition, kind: ViewDefinition['kind'], label: ViewDefinition['label']): ViewDefinition {
  const name = freeName((app.views ?? []).map((v) => v.name), `${entity['x-name']}_${kind}`);
  const fields = Object.keys(entity.properties);
  if (kind === 'list') return { name, entity: entity['x-name'], label, kind, columns: fields.slice(0, 5) };
  if (kind === 'calendar') {
    const calendar = toCalendar({ name, entity: entity['x-name'], label, kind }, entity);
    if (!calendar) throw new Error(`${entity['x-name']} has no date or datetime field to place a calendar's records by`);
    return calendar;
  }
  const groupBy = groupByFields(app, entity)[0];
  return { name, entity: entity['x-name'], label, kind, ...(groupBy ? { groupBy } : {}), cardFields: fields.filter((f) => f !== groupBy).slice(1, 3) };
}

/**
 * The view switched to `kind`, keeping its columns as card fields (or back). A calendar keeps
 * none of them (it shows records by date); leaving one starts from the entity's first fields.
 * Unchanged when a calendar is asked of an entity without a date field.
 */
export function switchKind(app: AppDefinition, entity: EntityDefinition, view: ViewDefinition, kind: ViewDefinition['kind']): ViewDefinition {
  if (view.kind === kind) return view;
  if (kind === 'calendar') return toCalendar(view, entity) ?? view;
  if (view.kind === 'calendar') {
    const fresh = newView(app, entity, kind, view.label);
    return { ...withoutCalendarKeys(view), ...fresh, name: view.name };
  }
  const { columns, cardFields, groupBy, ...rest } = view;
  if (kind === 'list') return { ...rest, kind, columns: cardFields ?? [] };
  const group = groupBy ?? groupByFields(app, entity)[0];
  return { ...rest, kind, ...(group ? { groupBy: group } : {}), cardFields: (columns ?? []).filter((c) => c !== group).slice(0, 6) };
}
