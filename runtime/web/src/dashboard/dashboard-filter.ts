import { RANGE_PERIODS, type RangePeriod } from '../reports/report-range';

/** A time range every card applies: a period on the workspace calendar, or two dates (both days included). */
export type DashboardRange = { period: RangePeriod } | { period: 'custom'; from: string; to: string };

/** Whose records every card counts: the viewer's, their teams', or one chosen person's. */
export type DashboardOwner = { kind: 'me' } | { kind: 'team' } | { kind: 'user'; id: string };

/** What the bar above the dashboard is set to; nothing set shows every record the viewer may read. */
export interface DashboardFilter {
  range?: DashboardRange;
  owner?: DashboardOwner;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A real calendar date as `YYYY-MM-DD` (2026-02-30 is not). */
export function isDate(text: string | null | undefined): text is string {
  if (!text || !DATE.test(text)) return false;
  const [y, m, d] = text.split('-').map(Number);
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/**
 * The filter from the address's query (`range=this-quarter&owner=me`,
 * `range=custom&from=2026-01-01&to=2026-03-31`, `owner=<user id>`). Anything malformed is
 * dropped rather than guessed: a shared link never shows other numbers than it names.
 */
export function parseDashboardFilter(search: string): DashboardFilter {
  const params = new URLSearchParams(search);
  const filter: DashboardFilter = {};
  const range = params.get('range');
  if ((RANGE_PERIODS as readonly string[]).includes(range ?? '')) filter.range = { period: range as RangePeriod };
  else if (range === 'custom') {
    const from = params.get('from');
    const to = params.get('to');
    if (isDate(from) && isDate(to) && from <= to) filter.range = { period: 'custom', from, to };
  }
  const owner = params.get('owner');
  if (owner === 'me' || owner === 'team') filter.owner = { kind: owner };
  else if (owner && UUID.test(owner)) filter.owner = { kind: 'user', id: owner.toLowerCase() };
  return filter;
}

/** The query part of the address for `filter` (empty when nothing is set). */
export function dashboardFilterSearch(filter: DashboardFilter): string {
  const params = new URLSearchParams();
  if (filter.range) {
    params.set('range', filter.range.period);
    if (filter.range.period === 'custom') { params.set('from', filter.range.from); params.set('to', filter.range.to); }
  }
  if (filter.owner) params.set('owner', filter.owner.kind === 'user' ? filter.owner.id : filter.owner.kind);
  return params.toString();
}

/** The query of a dashboard address (`#/_dashboard?range=…`), or '' for any other. */
export function searchOfHash(hash: string): string {
  const at = hash.indexOf('?');
  return /^#\/?_dashboard(\?|$)/.test(hash) && at >= 0 ? hash.slice(at + 1) : '';
}

/** The dashboard's address with `filter` in it, so a reload or a shared link shows the same numbers. */
export function dashboardHash(filter: DashboardFilter): string {
  const search = dashboardFilterSearch(filter);
  return search ? `#/_dashboard?${search}` : '#/_dashboard';
}
