import type { EntityDefinition } from '@tessera/metadata';
import type { SavedViewQuery } from '../api/views-api';
import { takesList, type FilterOperator } from './filter-operators';

// Every operator a row may hold. Typed against the engine's FilterOperator: a missing or unknown
// one fails to compile; which of them a field takes is the field type's (`fieldFilterOperators`).
const OPERATORS: Record<FilterOperator, true> = {
  eq: true, ne: true, gt: true, gte: true, lt: true, lte: true, in: true, nin: true, between: true,
  contains: true, startsWith: true, isNull: true, containsAll: true, containsAny: true,
};
const isOperator = (op: string): op is FilterOperator => Object.hasOwn(OPERATORS, op);
import { conditionsToFilter, emptyView, type FilterCondition, type ListViewState } from './list-query';
import type { RelatedFilter } from './related-filters';

/**
 * What the server stores for the list's current view: the same filter, sort and search the list
 * requests (related fields and the owner's department as their relation paths).
 */
export function viewToQuery(entity: EntityDefinition, view: ListViewState, related?: readonly RelatedFilter[]): SavedViewQuery {
  const filter = conditionsToFilter(entity, view.conditions, related);
  return {
    ...(filter ? { filter: JSON.parse(filter) as Record<string, unknown> } : {}),
    ...(view.sort ? { sort: view.sort } : {}),
    ...(view.q.trim() ? { q: view.q.trim() } : {}),
  };
}

/**
 * The filter builder's rows for a stored filter. The builder writes `{ and: [{ field: { op: value } }] }`;
 * a part in another shape (made through the API) cannot be shown as a row and is dropped. A
 * field may be a relation path (`customer.industry`): the row comes back as it was saved.
 */
export function filterToConditions(filter: Record<string, unknown> | undefined): FilterCondition[] {
  const parts = Array.isArray(filter?.and) ? (filter!.and as unknown[]) : filter ? [filter] : [];
  const rows: FilterCondition[] = [];
  for (const part of parts) {
    if (typeof part !== 'object' || part === null) continue;
    for (const [field, cond] of Object.entries(part)) {
      if (field === 'and' || field === 'or' || field === 'not' || typeof cond !== 'object' || cond === null) continue;
      for (const [op, value] of Object.entries(cond)) {
        if (!isOperator(op)) continue;
        const text = takesList(op) && Array.isArray(value) ? value.join(', ') : String(value);
        rows.push({ field, op, value: text });
      }
    }
  }
  return rows;
}

/** The list view a saved query opens, from the first page. */
export function queryToView(query: SavedViewQuery): ListViewState {
  return { ...emptyView, sort: query.sort, q: query.q ?? '', conditions: filterToConditions(query.filter) };
}
