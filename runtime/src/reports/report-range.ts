import type { RangePeriod } from './report-types';

const pad = (n: number) => String(n).padStart(2, '0');
const ymd = (y: number, m: number, d: number) => {
  const date = new Date(Date.UTC(y, m - 1, d));
  return `${date.getUTCFullYear()}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`;
};

/** Today's date on the calendar of `timeZone` (the workspace's, not the server's or UTC). */
export function todayIn(timeZone: string, now: Date = new Date()): [number, number, number] {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(now);
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  return [get('year'), get('month'), get('day')];
}

/** `[from, to)` as dates (`YYYY-MM-DD`) for a period around `today`. */
export function rangeBounds(period: RangePeriod, [y, m, d]: [number, number, number]): { gte: string; lt: string } {
  switch (period) {
    case 'this-month':
      return { gte: ymd(y, m, 1), lt: ymd(y, m + 1, 1) };
    case 'this-quarter': {
      const first = Math.floor((m - 1) / 3) * 3 + 1;
      return { gte: ymd(y, first, 1), lt: ymd(y, first + 3, 1) };
    }
    case 'this-year':
      return { gte: ymd(y, 1, 1), lt: ymd(y + 1, 1, 1) };
    case 'last-30-days':
      return { gte: ymd(y, m, d - 29), lt: ymd(y, m, d + 1) };
  }
}
