import type { AppDefinition, EntityDefinition, ViewDefinition } from '@tessera/metadata';
import type { Capabilities } from '../api/capabilities-api';
import type { RecordData } from '../api/records-api';
import { bindMe } from '../meta/bind-me';

/** Records one layer shows per visible range; a month of a busy team fits (the API's maximum page). */
export const CALENDAR_PAGE = 500;

/** One calendar view the user may see: an entity's records placed by a date or datetime field. */
export interface CalendarSource {
  view: ViewDefinition;
  entity: EntityDefinition;
  start: string;
  end?: string;
  title: string;
  /** `date` fields make all-day entries; `datetime` fields timed ones. */
  allDay: boolean;
  /** The user may update records of the entity and the date fields are not read-only for them. */
  editable: boolean;
  color: string;
}

const COLORS = ['#4f46e5', '#0891b2', '#d97706', '#16a34a', '#db2777', '#7c3aed'];

/**
 * The app's calendar views as this user meets them: views over entities they read, whose date
 * fields are not hidden (the app as delivered has already dropped those), with whether a drag
 * may change them (the update grant, the fields not read-only). The API decides again on
 * every request; this only keeps the screen from offering what would fail.
 */
export function calendarSources(app: AppDefinition, caps: Capabilities | undefined): CalendarSource[] {
  return (app.views ?? []).flatMap((view, index): CalendarSource[] => {
    if (view.kind !== 'calendar' || !view.startField) return [];
    const entity = app.entities.find((e) => e['x-name'] === view.entity);
    const entityCaps = caps?.entities[view.entity];
    if (!entity || !entityCaps?.actions.includes('read')) return [];
    const fields = [view.startField, view.endField].filter((f): f is string => Boolean(f));
    if (fields.some((f) => !entity.properties[f] || entityCaps.hidden.includes(f))) return [];
    const title = view.titleField && entity.properties[view.titleField] ? view.titleField : entity['x-display-field'] ?? 'id';
    const editable = entityCaps.actions.includes('update') && fields.every((f) => !entityCaps.readOnly.includes(f) && !entity.properties[f]['x-readonly']);
    return [{ view, entity, start: view.startField, ...(view.endField ? { end: view.endField } : {}), title, allDay: entity.properties[view.startField]['x-type'] === 'date', editable, color: COLORS[index % COLORS.length] }];
  });
}

/**
 * The list query of one layer over a visible range [from, to): records that start before the
 * range ends and end (or, without an end, start) inside it, ANDed with the view's own filter.
 * Date fields compare by day, datetime fields by instant (ISO strings with their offset).
 */
export function rangeQuery(source: CalendarSource, from: string, to: string, userId: string): string {
  const bound = (iso: string) => (source.allDay ? iso.slice(0, 10) : iso);
  const [gte, lt] = [bound(from), bound(to)];
  const inRange: unknown[] = [{ [source.start]: { lt } }];
  inRange.push(source.end ? { or: [{ [source.end]: { gte } }, { [source.start]: { gte } }] } : { [source.start]: { gte } });
  if (source.view.filter) inRange.push(bindMe(source.view.filter, userId));
  const fields = [...new Set([source.start, source.end, source.title].filter((f): f is string => Boolean(f) && f !== 'id'))];
  const params = new URLSearchParams({ filter: JSON.stringify({ and: inRange }), fields: fields.join(','), sort: source.start, limit: String(CALENDAR_PAGE), count: 'false' });
  return params.toString();
}

export interface CalendarEntry {
  id: string;
  title: string;
  start: string;
  end?: string;
  allDay: boolean;
}

/** A record as a calendar entry; records without a start are not on the calendar. */
export function recordToEntry(source: CalendarSource, record: RecordData, untitled: string): CalendarEntry | undefined {
  const start = record[source.start];
  if (typeof start !== 'string' || !start) return undefined;
  const end = source.end ? record[source.end] : undefined;
  const title = record[source.title];
  return {
    id: `${source.view.name}:${record.id}`,
    title: title === null || title === undefined || title === '' ? untitled : String(title),
    start,
    ...(typeof end === 'string' && end ? { end } : {}),
    allDay: source.allDay,
  };
}

/**
 * What a drag writes: the start (and the end, moved by the same amount) as the field types
 * want them — `YYYY-MM-DD` for a date, an ISO instant for a datetime.
 */
export function movedValues(source: CalendarSource, start: Date | null, end: Date | null, startStr: string, endStr: string): Record<string, string | null> {
  const value = (date: Date | null, str: string) => (date === null ? null : source.allDay ? str.slice(0, 10) : date.toISOString());
  const out: Record<string, string | null> = { [source.start]: value(start, startStr) };
  if (source.end && end) out[source.end] = value(end, endStr);
  return out;
}
