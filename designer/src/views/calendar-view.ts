import type { EntityDefinition, ViewDefinition } from '@tessera/metadata';

const DATE_TYPES = ['date', 'datetime'];
/** What only a calendar has, and what a calendar must not have (it places records by a date). */
export const CALENDAR_KEYS = ['startField', 'endField', 'titleField'] as const;
export const NOT_IN_CALENDAR = ['columns', 'cardFields', 'groupBy', 'sort'] as const;

/** The date and datetime fields a calendar can place records by. */
export const calendarDateFields = (entity: EntityDefinition): string[] => Object.keys(entity.properties).filter((n) => DATE_TYPES.includes(entity.properties[n]['x-type']));

/** The fields a calendar entry can end on: of the same type as its start (a date with a date). */
export function endFieldChoices(entity: EntityDefinition, start: string | undefined): string[] {
  const type = start ? entity.properties[start]?.['x-type'] : undefined;
  return calendarDateFields(entity).filter((n) => n !== start && entity.properties[n]['x-type'] === type);
}

/** `view` placed by `start`; an end of another type (or the start itself) is dropped. */
export function withStartField(view: ViewDefinition, entity: EntityDefinition, start: string): ViewDefinition {
  const next: ViewDefinition = { ...view, startField: start };
  if (next.endField && !endFieldChoices(entity, start).includes(next.endField)) delete next.endField;
  return next;
}

/** `view` with the optional calendar key set, or removed when `value` is empty. */
export function withCalendarKey(view: ViewDefinition, key: 'endField' | 'titleField', value: string): ViewDefinition {
  const { [key]: _old, ...rest } = view;
  return value ? { ...rest, [key]: value } : rest;
}

/** `view` as a calendar by the entity's first date field (undefined when it has none: a calendar needs one). */
export function toCalendar(view: ViewDefinition, entity: EntityDefinition): ViewDefinition | undefined {
  const start = calendarDateFields(entity)[0];
  if (!start) return undefined;
  const rest = { ...view } as Record<string, unknown>;
  for (const key of [...NOT_IN_CALENDAR, ...CALENDAR_KEYS]) delete rest[key];
  return { ...(rest as unknown as ViewDefinition), kind: 'calendar', startField: start };
}

/** `view` without its calendar keys (switching to a list or kanban). */
export function withoutCalendarKeys(view: ViewDefinition): ViewDefinition {
  const { startField: _s, endField: _e, titleField: _t, ...rest } = view;
  return rest;
}
