import type { EntityDefinition } from '@tessera/metadata';
import { takesList } from './filter-operators';
import { filterField, type RelatedFilter } from './related-filters';
import { datetimeCondition, isSystemFilter, lastDaysSince, SYSTEM_FILTERS, type ListOperator } from './system-filters';

/** One row of the filter builder: field (or a system column, see system-filters.ts) → operator → value (as typed). */
export interface FilterCondition {
  field: string;
  op: ListOperator;
  value: string;
}

/** What a list view shows: the sort (`-name` = descending), the search, the filter, the page. */
export interface ListViewState {
  sort?: string;
  q: string;
  conditions: FilterCondition[];
  offset: number;
  /** The list view from metadata (issue 7) the list shows, by name; its columns, sort and filter apply. */
  viewName?: string;
}

export const emptyView: ListViewState = { q: '', conditions: [], offset: 0 };

/**
 * The API's JSON `filter` for the builder's rows (docs/api.md): `{"and":[{"industry":{"in":["it"]}}]}`.
 * Rows without a value are skipped (the user is still typing), except `isNull`. Values go as
 * typed: the API coerces each by its field's value kind (`"1000"` for an amount, `"true"` for a
 * yes/no), so the list needs no table of which types are numbers. A related field's row
 * (`customer.industry`) goes as its relation path when it is among `related` (what the builder
 * offers this user); without them, or for a path not offered, the row is left out.
 */
export function conditionsToFilter(entity: EntityDefinition, conditions: readonly FilterCondition[], related?: readonly RelatedFilter[]): string | undefined {
  const parts: Record<string, Record<string, unknown>>[] = [];
  for (const { field, op, value } of conditions) {
    const def = filterField(entity, related, field);
    if (!def && !isSystemFilter(field)) continue;
    if (op === 'isNull') {
      parts.push({ [field]: { isNull: value !== 'false' } });
      continue;
    }
    if (value.trim() === '') continue;
    if (op === 'lastDays') {
      const since = lastDaysSince(value);
      if (since) parts.push({ [field]: { gte: since } });
      continue;
    }
    const datetime = def ? def['x-type'] === 'datetime' : SYSTEM_FILTERS[field].kind === 'datetime';
    if (datetime && !takesList(op)) {
      parts.push({ [field]: datetimeCondition(op, value.trim()) });
      continue;
    }
    const v = takesList(op) ? value.split(',').map((s) => s.trim()).filter(Boolean) : value;
    parts.push({ [field]: { [op]: v } });
  }
  return parts.length ? JSON.stringify({ and: parts }) : undefined;
}

/** The query string of a view: `sort`, `q` and `filter` (the part a list page and its export share). */
export function viewQuery(entity: EntityDefinition, view: ListViewState, related?: readonly RelatedFilter[]): URLSearchParams {
  const params = new URLSearchParams();
  if (view.sort) params.set('sort', view.sort);
  if (view.q.trim()) params.set('q', view.q.trim());
  const filter = conditionsToFilter(entity, view.conditions, related);
  if (filter) params.set('filter', filter);
  return params;
}

/** One page of the view, with its total. */
export function pageQuery(entity: EntityDefinition, view: ListViewState, limit: number, related?: readonly RelatedFilter[]): string {
  const params = viewQuery(entity, view, related);
  params.set('limit', String(limit));
  params.set('offset', String(view.offset));
  params.set('count', 'true');
  return params.toString();
}

/** Clicking a header: ascending, then descending, then back to the default order. */
export function nextSort(current: string | undefined, field: string): string | undefined {
  if (current === field) return `-${field}`;
  if (current === `-${field}`) return undefined;
  return field;
}
