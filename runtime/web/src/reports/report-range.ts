/** A time range resolved on the workspace calendar; the server resolves a saved report's the same way (runtime/src/reports). */
export const RANGE_PERIODS = ['this-month', 'this-quarter', 'this-year', 'last-30-days'] as const;
export type RangePeriod = (typeof RANGE_PERIODS)[number];

const pad = (n: number) => String(n).padStart(2, '0');
const ymd = (y: number, m: number, d: number) => {
  const date = new Date(Date.UTC(y, m - 1, d));
  return `${date.getUTCFullYear()}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`;
};

/** Today on the calendar of `timeZone` (the app's, from `/api/_meta/app`), not the browser's. */
export function todayIn(timeZone: string | undefined, now: Date = new Date()): [number, number, number] {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(now);
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  return [get('year'), get('month'), get('day')];
}

/** `[gte, lt)` dates for a period around `today`. */
export function rangeBounds(period: RangePeriod, [y, m, d]: [number, number, number]): { gte: string; lt: string } {
  if (period === 'this-month') return { gte: ymd(y, m, 1), lt: ymd(y, m + 1, 1) };
  if (period === 'this-quarter') {
    const first = Math.floor((m - 1) / 3) * 3 + 1;
    return { gte: ymd(y, first, 1), lt: ymd(y, first + 3, 1) };
  }
  if (period === 'this-year') return { gte: ymd(y, 1, 1), lt: ymd(y + 1, 1, 1) };
  return { gte: ymd(y, m, d - 29), lt: ymd(y, m, d + 1) };
}

/** The first day after the bucket that starts on `start` (`YYYY-MM-DD`). */
export function bucketEnd(start: string, bucket: string): string {
  const [y, m, d] = start.slice(0, 10).split('-').map(Number);
  if (bucket === 'day') return ymd(y, m, d + 1);
  if (bucket === 'week') return ymd(y, m, d + 7);
  if (bucket === 'month') return ymd(y, m + 1, d);
  if (bucket === 'quarter') return ymd(y, m + 3, d);
  return ymd(y + 1, m, d);
}
