import type { MetricRange } from '@tessera/metadata';
import { HttpError } from '../errors/http-error';
import { rangeBounds, todayIn } from '../reports/report-range';
import { RANGE_PERIODS } from '../reports/report-types';
import type { DayRange } from './metric-types';

/** Whose records: the viewer's, their teams', or one person's. */
export type OwnerChoice = { kind: 'me' } | { kind: 'team' } | { kind: 'user'; id: string };

export interface MetricQuery {
  range?: DayRange;
  owner?: OwnerChoice;
  group?: string;
}

const PARAMETERS = new Set(['range', 'from', 'to', 'owner', 'group']);
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const GROUP = /^[A-Za-z_][A-Za-z0-9_]*(:[a-z]+)?$/;

const isDay = (text: string) => {
  if (!DATE.test(text)) return false;
  const [y, m, d] = text.split('-').map(Number);
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
};
const nextDay = (day: string) => new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

/**
 * `?range=this-quarter|custom&from=&to=&owner=me|team|<user id>&group=` — the dashboard bar's
 * own words (runtime/web dashboard-filter.ts). A period is resolved on the workspace calendar
 * today; a custom range includes its last day. Without a range the metric's default applies.
 * Anything malformed is a 400 naming the parameter, never a guess.
 */
export function parseMetricQuery(query: Record<string, string | string[] | undefined>, fallback: MetricRange | undefined, timeZone: string, now = new Date()): MetricQuery {
  const problems: { parameter: string; message: string }[] = [];
  const one = (name: string): string | undefined => {
    const v = query[name];
    if (Array.isArray(v)) problems.push({ parameter: name, message: 'is given more than once' });
    return typeof v === 'string' && v !== '' ? v : undefined;
  };
  for (const key of Object.keys(query)) if (!PARAMETERS.has(key)) problems.push({ parameter: key, message: `is not a parameter of a metric; use ${[...PARAMETERS].join(', ')}` });
  const out: MetricQuery = {};
  const period = one('range');
  const from = one('from');
  const to = one('to');
  if (period === 'custom') {
    if (!from || !isDay(from)) problems.push({ parameter: 'from', message: 'must be a date (YYYY-MM-DD) with range=custom' });
    if (!to || !isDay(to)) problems.push({ parameter: 'to', message: 'must be a date (YYYY-MM-DD) with range=custom' });
    else if (from && isDay(from) && from > to) problems.push({ parameter: 'to', message: 'must not be before "from"' });
    if (from && to && isDay(from) && isDay(to) && from <= to) out.range = { gte: from, lt: nextDay(to) };
  } else {
    if (from !== undefined || to !== undefined) problems.push({ parameter: from !== undefined ? 'from' : 'to', message: 'is only read with range=custom' });
    const chosen = period ?? fallback;
    if (chosen !== undefined) {
      if ((RANGE_PERIODS as readonly string[]).includes(chosen)) out.range = rangeBounds(chosen as MetricRange, todayIn(timeZone, now));
      else problems.push({ parameter: 'range', message: `must be one of ${RANGE_PERIODS.join(', ')}, custom` });
    }
  }
  const owner = one('owner');
  if (owner === 'me' || owner === 'team') out.owner = { kind: owner };
  else if (owner !== undefined) {
    if (UUID.test(owner)) out.owner = { kind: 'user', id: owner.toLowerCase() };
    else problems.push({ parameter: 'owner', message: 'must be me, team or a user id' });
  }
  const group = one('group');
  if (group !== undefined) {
    if (GROUP.test(group)) out.group = group;
    else problems.push({ parameter: 'group', message: 'must be a field, or a date field with a bucket (created_at:month)' });
  }
  if (problems.length) throw new HttpError(400, 'invalid_query', `Invalid query: ${problems.map((p) => `"${p.parameter}" ${p.message}`).join('; ')}`, problems);
  return out;
}
