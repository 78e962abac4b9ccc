import { isRecord, stringOr, type EntityView } from '../validation/app-views';
import { closestName } from '../validation/closest-name';
import { pointerOf } from '../validation/json-pointer';
import { metadataError } from '../validation/metadata-error';
import { entitiesByName, filterPaths, resolveFieldPath } from '../validation/resolve-field-path';
import type { MetadataError } from '../validation/validation-types';

const itemsOf = (app: unknown, key: string): unknown[] => (isRecord(app) && Array.isArray(app[key]) ? (app[key] as unknown[]) : []);
const strings = (v: unknown): string[] => (Array.isArray(v) ? v.filter((s): s is string => typeof s === 'string') : []);

/** `view-entity-missing`/`card-entity-missing` with the entities the app does have. */
export function missingEntity(code: 'view-entity-missing' | 'card-entity-missing', pointer: string, what: string, name: string, entities: Map<string, EntityView>): MetadataError {
  const guess = closestName(name, [...entities.keys()]);
  return metadataError(code, pointer, `${what} shows the entity "${name}", which does not exist.`, `${guess ? `Did you mean "${guess}"? ` : ''}Entities in this app: ${[...entities.keys()].join(', ') || '(none)'}.`);
}

/**
 * A view must name an existing entity and fields it has: columns and card fields may follow
 * relations (`customer.industry`) but not to-many ones (which value would the cell show?),
 * sorts only the entity's own fields (as the API), and a kanban groups by a select field.
 */
export function checkViews(app: unknown): MetadataError[] {
  const errors: MetadataError[] = [];
  const entities = entitiesByName(app);
  const names = new Set<string>();
  itemsOf(app, 'views').forEach((view, index) => {
    if (!isRecord(view)) return;
    const pointer = pointerOf('views', index);
    const name = stringOr(view.name);
    const title = name ? `View "${name}"` : `View #${index + 1}`;
    if (name && names.has(name)) errors.push(metadataError('duplicate-view-name', pointer + pointerOf('name'), `Two views are named "${name}".`, 'View names must be unique in the app; rename one of them.'));
    if (name) names.add(name);
    const entityName = stringOr(view.entity);
    const entity = entityName ? entities.get(entityName) : undefined;
    if (entityName && !entity) errors.push(missingEntity('view-entity-missing', pointer + pointerOf('entity'), title, entityName, entities));
    const kanban = view.kind === 'kanban';
    const calendar = view.kind === 'calendar';
    if (!kanban && !calendar && view.groupBy !== undefined) errors.push(metadataError('view-kind-mismatch', pointer + pointerOf('groupBy'), `${title} is a list but has "groupBy".`, 'Only a kanban view groups by a field: set "kind": "kanban", or remove "groupBy".'));
    if (!kanban && !calendar && view.cardFields !== undefined) errors.push(metadataError('view-kind-mismatch', pointer + pointerOf('cardFields'), `${title} is a list but has "cardFields".`, 'A list shows "columns"; "cardFields" are for a kanban view.'));
    if (kanban && view.columns !== undefined) errors.push(metadataError('view-kind-mismatch', pointer + pointerOf('columns'), `${title} is a kanban but has "columns".`, 'A kanban card shows "cardFields"; rename "columns" to "cardFields".'));
    if (!entity) return;
    const path = (p: string, at: string, allowToMany: boolean) => {
      const resolved = resolveFieldPath(p, entity, entities);
      if (!resolved.ok) errors.push(metadataError('view-field-missing', at, `${title} names "${p}": ${resolved.message}.`, resolved.hint));
      else if (resolved.value.toMany && !allowToMany) errors.push(metadataError('view-field-invalid', at, `${title} shows "${p}", which goes through a to-many relation: a record has several of them.`, 'Show a field of the record itself or of a many-to-one relation; filter on to-many paths instead.'));
      return resolved.ok ? resolved.value : undefined;
    };
    strings(view.columns).forEach((c, i) => path(c, pointer + pointerOf('columns', i), false));
    strings(view.cardFields).forEach((c, i) => path(c, pointer + pointerOf('cardFields', i), false));
    strings(view.sort).forEach((s, i) => {
      const at = pointer + pointerOf('sort', i);
      const resolved = path(s.replace(/^[-+]/, ''), at, true);
      if (resolved && resolved.hops > 0) errors.push(metadataError('view-field-invalid', at, `${title} sorts by "${s}", a field of a related record.`, 'Sort by a field of the entity itself; the API cannot sort by related fields yet.'));
    });
    for (const f of filterPaths(view.filter, pointer + pointerOf('filter'))) path(f.path, f.pointer, true);
    if (kanban) errors.push(...checkGroupBy(view.groupBy, entity, title, pointer));
    if (view.kind === 'calendar') errors.push(...checkCalendar(view, entity, title, pointer));
    else for (const key of CALENDAR_KEYS) if (view[key] !== undefined) errors.push(metadataError('view-kind-mismatch', pointer + pointerOf(key), `${title} is not a calendar but has "${key}".`, `Only a calendar view places records by a date: set "kind": "calendar", or remove "${key}".`));
  });
  return errors;
}

const CALENDAR_KEYS = ['startField', 'endField', 'titleField'] as const;
const DATE_TYPES = ['date', 'datetime'];

/**
 * A calendar places records by an own date or datetime field (`startField`), optionally until
 * another of the same type (`endField`), titled by a field of the record (`titleField`).
 */
function checkCalendar(view: Record<string, unknown>, entity: EntityView, title: string, pointer: string): MetadataError[] {
  const errors: MetadataError[] = [];
  const dates = entity.fields.filter((f) => DATE_TYPES.includes(String(f.value['x-type']))).map((f) => f.name);
  const hint = dates.length ? `Date and datetime fields of ${entity.title}: ${dates.join(', ')}.` : `${entity.title} has no date or datetime field to place records by.`;
  const typeOf = (name: string) => entity.fields.find((f) => f.name === name)?.value['x-type'];
  const dateField = (key: 'startField' | 'endField') => {
    const name = view[key];
    if (name === undefined) return undefined;
    if (typeof name === 'string' && dates.includes(name)) return name;
    const exists = typeof name === 'string' && entity.fields.some((f) => f.name === name);
    const guess = typeof name === 'string' && !exists ? closestName(name, dates) : undefined;
    errors.push(metadataError('view-field-invalid', pointer + pointerOf(key), exists ? `${title} places records by "${String(name)}", which is not a date or datetime field.` : `${title} names "${String(name)}" as its ${key === 'startField' ? 'start' : 'end'}, which ${entity.title} does not have.`, `${guess ? `Did you mean "${guess}"? ` : ''}${hint}`));
    return undefined;
  };
  if (view.startField === undefined) errors.push(metadataError('view-field-missing', pointer, `${title} is a calendar without "startField".`, `Name the date or datetime field that places a record on the calendar. ${hint}`));
  const start = dateField('startField');
  const end = dateField('endField');
  if (start && end && typeOf(start) !== typeOf(end)) errors.push(metadataError('view-field-invalid', pointer + pointerOf('endField'), `${title} starts at the ${String(typeOf(start))} "${start}" but ends at the ${String(typeOf(end))} "${end}".`, 'Use two date fields or two datetime fields.'));
  if (view.titleField !== undefined && !entity.fields.some((f) => f.name === view.titleField)) {
    errors.push(metadataError('view-field-missing', pointer + pointerOf('titleField'), `${title} titles entries by "${String(view.titleField)}", which ${entity.title} does not have.`, `Fields of ${entity.title}: ${entity.fields.map((f) => f.name).join(', ')}.`));
  }
  for (const key of ['columns', 'groupBy', 'cardFields', 'sort'] as const) {
    if (view[key] !== undefined) errors.push(metadataError('view-kind-mismatch', pointer + pointerOf(key), `${title} is a calendar but has "${key}".`, `A calendar shows its records by "startField"; remove "${key}".`));
  }
  return errors;
}

function checkGroupBy(groupBy: unknown, entity: EntityView, title: string, pointer: string): MetadataError[] {
  const selects = entity.fields.filter((f) => f.value['x-type'] === 'select').map((f) => f.name);
  const hint = selects.length ? `Select fields of ${entity.title}: ${selects.join(', ')}.` : `${entity.title} has no select field; add one (or a workflow) to group by.`;
  if (typeof groupBy !== 'string') return [metadataError('view-group-invalid', pointer, `${title} is a kanban without "groupBy".`, `Name the select field whose options are the columns. ${hint}`)];
  if (selects.includes(groupBy)) return [];
  const exists = entity.fields.some((f) => f.name === groupBy);
  const guess = exists ? undefined : closestName(groupBy, selects);
  return [metadataError('view-group-invalid', pointer + pointerOf('groupBy'), exists ? `${title} groups by "${groupBy}", which is not a select field.` : `${title} groups by "${groupBy}", which ${entity.title} does not have.`, `${guess ? `Did you mean "${guess}"? ` : ''}${hint}`)];
}
