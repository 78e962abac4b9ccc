import type { EntityDefinition } from '@tessera/metadata';
import type { SavedViewQuery } from '../api/views-api';
import { takesList, type FilterOperator } from './filter-operators';
import { conditionsToFilter, emptyView, type FilterCondition, type ListViewState } from './list-query';

const OPERATORS: ReadonlySet<string> = new Set(['eq', 'ne', 'gt', 'gte', 'lt', 'lte', 'in', 'nin', 'between', 'contains', 'startsWith', 'isNull']);

/** What the server stores for the list's current view: the same filter, sort and search the list requests. */
export function viewToQuery(entity: EntityDefinition, view: ListViewState): SavedViewQuery {
  const filter = conditionsToFilter(entity, view.conditions);
  return {
    ...(filter ? { filter: JSON.parse(filter) as Record<string, unknown> } : {}),
    ...(view.sort ? { sort: view.sort } : {}),
    ...(view.q.trim() ? { q: view.q.trim() } : {}),
  };
}

/**
 * The filter builder's rows for a stored filter. The builder writes `{ and: [{ field: { op: value } }] }`;
 * a part in another shape (made through the API) cannot be shown as a row and is dropped.
 */
export function filterToConditions(filter: Record<string, unknown> | undefined): FilterCondition[] {
  const parts = Array.isArray(filter?.and) ? (filter!.and as unknown[]) : filter ? [filter] : [];
  const rows: FilterCondition[] = [];
  for (const part of parts) {
    if (typeof part !== 'object' || part === null) continue;
    for (const [field, cond] of Object.entries(part)) {
      if (field === 'and' || field === 'or' || field === 'not' || typeof cond !== 'object' || cond === null) continue;
      for (const [op, value] of Object.entries(cond)) {
        if (!OPERATORS.has(op)) continue;
        const text = takesList(op as FilterOperator) && Array.isArray(value) ? value.join(', ') : String(value);
        rows.push({ field, op: op as FilterOperator, value: text });
      }
    }
  }
  return rows;
}

/** The list view a saved query opens, from the first page. */
export function queryToView(query: SavedViewQuery): ListViewState {
  return { ...emptyView, sort: query.sort, q: query.q ?? '', conditions: filterToConditions(query.filter) };
}
