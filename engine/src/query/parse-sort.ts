import type { QueryError, SortKey } from './query-types';
import { isToMany, QUERY_LIMITS } from './query-types';
import { resolveFieldPath, type QueryContext } from './resolve-field-path';

const SORTABLE = new Set(['string', 'number', 'integer', 'boolean', 'date', 'datetime', 'uuid']);

/** The order when a request names none: newest first, as the list has always been. */
export const DEFAULT_SORT = '-created_at';

/**
 * `sort=-annual_revenue,name` → sort keys, with `id` appended (when not named) so the order
 * is total: offset pages never overlap and a keyset cursor always points at one row.
 */
export function parseSort(raw: string | string[] | undefined, ctx: QueryContext, errors: QueryError[]): SortKey[] {
  if (Array.isArray(raw)) {
    errors.push({ parameter: 'sort', message: 'must be given once, e.g. sort=-annual_revenue,name' });
    return [];
  }
  const items = (raw === undefined || raw === '' ? DEFAULT_SORT : raw).split(',');
  if (items.length > QUERY_LIMITS.maxSortKeys) {
    errors.push({ parameter: 'sort', message: `names more than ${QUERY_LIMITS.maxSortKeys} fields` });
    return [];
  }
  const keys: SortKey[] = [];
  for (const item of items) {
    const desc = item.startsWith('-');
    const path = desc || item.startsWith('+') ? item.slice(1) : item;
    const resolved = resolveFieldPath(path, ctx);
    if (!resolved.ok) {
      errors.push({ parameter: 'sort', message: resolved.message });
      continue;
    }
    // A to-many path has many values per row: which one would order it? Refused for good.
    const toMany = resolved.ref.hops.findIndex(isToMany);
    if (toMany >= 0) errors.push({ parameter: 'sort', message: `cannot sort by "${path}": "${path.split('.')[toMany]}" is a to-many relation (a record has several), so the order would be ambiguous; filter on it instead` });
    // Sorting by a many-to-one related field needs a join per page; not offered yet.
    else if (resolved.ref.hops.length > 0) errors.push({ parameter: 'sort', message: `cannot sort by a related field ("${path}")` });
    else if (!SORTABLE.has(resolved.ref.kind)) errors.push({ parameter: 'sort', message: `"${path}" cannot be sorted` });
    else if (keys.some((k) => k.field.path === path)) errors.push({ parameter: 'sort', message: `names "${path}" twice` });
    else keys.push({ field: resolved.ref, direction: desc ? 'desc' : 'asc' });
  }
  if (!keys.some((k) => k.field.path === 'id')) {
    const id = resolveFieldPath('id', ctx);
    // Same direction as the last key, so `-created_at` is one backward scan of the
    // (created_at, id) index every table has, with no extra sort step.
    if (id.ok) keys.push({ field: id.ref, direction: keys.length > 0 ? keys[keys.length - 1].direction : 'asc' });
  }
  return keys;
}
