import type { FilterOperator } from './filter-operators';

/**
 * The system columns a list can be filtered by (docs/api.md: `owner` is a UUID compared for
 * equality, `created_at`/`updated_at` are datetimes), with the conditions offered for each.
 * `lastDays` is the builder's own: "in the last N days" becomes `gte` now − N days when the
 * query is built, so "updated in the last 7 days" keeps meaning the last 7 days.
 */
export type ListOperator = FilterOperator | 'lastDays';

export interface SystemFilter {
  kind: 'user' | 'datetime' | 'text';
  operators: readonly ListOperator[];
  /** The i18n key of its name. */
  label: string;
  /** The system column it reads: hidden with it, and left out where the entity has a field of that name. */
  column: string;
}

export const SYSTEM_FILTERS: Readonly<Record<string, SystemFilter>> = {
  owner: { kind: 'user', operators: ['eq', 'ne', 'in'], label: 'system.owner', column: 'owner' },
  // The owner's department by its name: only administrators may list departments
  // (`/api/admin/departments`), so a rep types the name; the directory allow-list gives the
  // path text operators (engine directory-paths.ts). `isNull` is left out: through the user hop
  // it would not mean "the owner has no department".
  'owner.department.name': { kind: 'text', operators: ['in', 'eq', 'ne', 'nin', 'contains', 'startsWith'], label: 'system.ownerDepartment', column: 'owner' },
  updated_at: { kind: 'datetime', operators: ['lastDays', 'gte', 'lt', 'lte'], label: 'system.updated_at', column: 'updated_at' },
  created_at: { kind: 'datetime', operators: ['lastDays', 'gte', 'lt', 'lte'], label: 'system.created_at', column: 'created_at' },
};

export const isSystemFilter = (field: string) => Object.hasOwn(SYSTEM_FILTERS, field);

const DAY_MS = 24 * 60 * 60 * 1000;

/** `lastDays` as the API's `gte` (a whole number of days, at least 1); undefined while the value is not a number yet. */
export function lastDaysSince(value: string, now: number = Date.now()): string | undefined {
  const days = Number(value);
  if (!Number.isFinite(days) || days < 1) return undefined;
  return new Date(now - Math.floor(days) * DAY_MS).toISOString();
}

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const LOCAL_DATETIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/;

/**
 * A datetime condition as the API takes it (an instant with its zone). The date picker of
 * created/updated gives a day: "on or after" and "before" it start at its midnight, "on or
 * before" it runs to the next midnight (the whole day counts). A datetime picker gives a local
 * time without a zone: the browser's. Anything else goes as typed (the API checks it).
 */
export function datetimeCondition(op: ListOperator, value: string): Record<string, string> {
  const day = DAY.exec(value);
  if (day) {
    const [y, m, d] = day.slice(1).map(Number);
    const midnight = (plus: number) => new Date(y, m - 1, d + plus).toISOString();
    return op === 'lte' ? { lt: midnight(1) } : op === 'gt' ? { gte: midnight(1) } : op === 'eq' ? { gte: midnight(0), lt: midnight(1) } : { [op]: midnight(0) };
  }
  if (LOCAL_DATETIME.test(value)) return { [op]: new Date(value).toISOString() };
  return { [op]: value };
}
