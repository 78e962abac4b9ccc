import type { DashboardCard, EntityDefinition } from '@tessera/metadata';
import type { FilterCondition } from '../list/list-query';
import { isDateField } from '../reports/report-fields';
import { bucketEnd, rangeBounds, todayIn } from '../reports/report-range';
import type { DashboardFilter, DashboardOwner, DashboardRange } from './dashboard-filter';

/**
 * The date a card's time range applies to. The dashboard meta-schema has no word for it, so it
 * is inferred: the date the card groups by (`ordered_at:month` → `ordered_at`: a monthly line of
 * orders is ranged by order date), else when the record was created.
 */
export function cardDateField(card: DashboardCard, entity: EntityDefinition): string {
  const name = card.group?.split(':')[0];
  return name && isDateField(entity, name) ? name : 'created_at';
}

/** A `date` field holds days; `created_at`, `updated_at` and `datetime` fields hold instants. */
export const holdsDays = (entity: EntityDefinition, field: string) => entity.properties[field]?.['x-type'] === 'date';

const pad = (n: number) => String(n).padStart(2, '0');

/** Minutes `timeZone` is ahead of UTC at `instant`. */
function offsetMinutes(instant: number, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' }).formatToParts(new Date(instant));
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  return Math.round((Date.UTC(get('year'), get('month') - 1, get('day'), get('hour') % 24, get('minute'), get('second')) - instant) / 60_000);
}

/**
 * The start of `date` (`YYYY-MM-DD`) in `timeZone` as an ISO date-time with that zone's offset:
 * "this month" in Shanghai starts at `…-01T00:00:00+08:00`, whatever the browser's zone. The
 * offset is read at that instant itself, so a daylight-saving change is honoured.
 */
export function zonedStart(date: string, timeZone: string): string {
  const [y, m, d] = date.split('-').map(Number);
  const local = Date.UTC(y, m - 1, d);
  const offset = offsetMinutes(local - offsetMinutes(local, timeZone) * 60_000, timeZone);
  const abs = Math.abs(offset);
  return `${date}T00:00:00${offset < 0 ? '-' : '+'}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

/** `[gte, lt)` days of a range on the calendar of `timeZone` (a custom range includes its last day). */
export function rangeDays(range: DashboardRange, timeZone: string, now?: Date): { gte: string; lt: string } {
  if (range.period === 'custom') return { gte: range.from, lt: bucketEnd(range.to, 'day') };
  return rangeBounds(range.period, todayIn(timeZone, now));
}

/** A day bound as `field` compares it: the day itself for a date, its first instant in `timeZone` for a timestamp. */
export function dayBound(entity: EntityDefinition, field: string, day: string, timeZone: string): string {
  return holdsDays(entity, field) ? day : zonedStart(day, timeZone);
}

export interface FilterContext {
  /** The viewer. */
  userId?: string;
  /** The people of the viewer's teams (the viewer included); empty when they are in none. */
  team: readonly string[];
  /** The workspace's IANA time zone: "this month" is its month, not the browser's. */
  timeZone: string;
  now?: Date;
  /** Columns the viewer may not see on this entity (their role's hidden fields). */
  hidden?: readonly string[];
}

function ownerCondition(owner: DashboardOwner, ctx: FilterContext): FilterCondition {
  if (owner.kind === 'user') return { field: 'owner', op: 'eq', value: owner.id };
  // Someone in no team is a team of one.
  if (owner.kind === 'team' && ctx.team.length > 0) return { field: 'owner', op: 'in', value: ctx.team.join(',') };
  return { field: 'owner', op: 'eq', value: ctx.userId ?? '' };
}

/**
 * The list conditions the dashboard's bar adds to one card: its date within the range, its owner
 * among the chosen people. A part the viewer cannot apply (a hidden owner or date column: the API
 * would refuse the filter) is left out and named in `skipped`, so the card can say so.
 */
export function dashboardConditions(card: DashboardCard, entity: EntityDefinition, filter: DashboardFilter, ctx: FilterContext): { conditions: FilterCondition[]; skipped: ('range' | 'owner')[] } {
  const conditions: FilterCondition[] = [];
  const skipped: ('range' | 'owner')[] = [];
  const hidden = new Set(ctx.hidden ?? []);
  if (filter.range) {
    const field = cardDateField(card, entity);
    if (hidden.has(field)) skipped.push('range');
    else {
      const { gte, lt } = rangeDays(filter.range, ctx.timeZone, ctx.now);
      conditions.push({ field, op: 'gte', value: dayBound(entity, field, gte, ctx.timeZone) }, { field, op: 'lt', value: dayBound(entity, field, lt, ctx.timeZone) });
    }
  }
  if (filter.owner) {
    if (hidden.has('owner')) skipped.push('owner');
    else conditions.push(ownerCondition(filter.owner, ctx));
  }
  return { conditions, skipped };
}
