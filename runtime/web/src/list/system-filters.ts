import type { FilterOperator } from './filter-operators';

/**
 * The system columns a list can be filtered by (docs/api.md: `owner` is a UUID compared for
 * equality, `created_at`/`updated_at` are datetimes), with the conditions offered for each.
 * `lastDays` is the builder's own: "in the last N days" becomes `gte` now − N days when the
 * query is built, so "updated in the last 7 days" keeps meaning the last 7 days.
 */
export type ListOperator = FilterOperator | 'lastDays';

export const SYSTEM_FILTERS: Readonly<Record<string, { kind: 'user' | 'datetime'; operators: readonly ListOperator[] }>> = {
  owner: { kind: 'user', operators: ['eq', 'ne'] },
  updated_at: { kind: 'datetime', operators: ['lastDays', 'gte', 'lte'] },
  created_at: { kind: 'datetime', operators: ['lastDays', 'gte', 'lte'] },
};

export const isSystemFilter = (field: string) => Object.hasOwn(SYSTEM_FILTERS, field);

const DAY_MS = 24 * 60 * 60 * 1000;

/** `lastDays` as the API's `gte` (a whole number of days, at least 1); undefined while the value is not a number yet. */
export function lastDaysSince(value: string, now: number = Date.now()): string | undefined {
  const days = Number(value);
  if (!Number.isFinite(days) || days < 1) return undefined;
  return new Date(now - Math.floor(days) * DAY_MS).toISOString();
}
