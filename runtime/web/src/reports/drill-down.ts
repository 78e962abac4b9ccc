import type { FilterCondition } from '../list/list-query';
import { bucketEnd } from './report-range';

/**
 * The list conditions for one cell of a report: the report's own filter rows, plus each group
 * pinned to the cell's value — a date bucket as `[start, next start)`, a missing value as
 * "is empty" — so the list shows exactly the records behind the number.
 */
export function drillConditions(base: readonly FilterCondition[], groups: readonly string[], keys: readonly string[]): FilterCondition[] {
  const out = [...base];
  groups.forEach((group, i) => {
    const [field, bucket] = group.split(':');
    const key = keys[i] ?? '';
    if (key === '') out.push({ field, op: 'isNull', value: 'true' });
    else if (bucket) out.push({ field, op: 'gte', value: key.slice(0, 10) }, { field, op: 'lt', value: bucketEnd(key, bucket) });
    else out.push({ field, op: 'eq', value: key });
  });
  return out;
}

/** The report's saved JSON filter back as builder rows (the builder writes `{"and":[{field:{op:value}}]}`). */
export function filterToConditions(filter: unknown): FilterCondition[] {
  const parts = filter && typeof filter === 'object' && Array.isArray((filter as { and?: unknown }).and) ? (filter as { and: unknown[] }).and : filter ? [filter] : [];
  const out: FilterCondition[] = [];
  for (const part of parts) {
    if (!part || typeof part !== 'object') continue;
    for (const [field, ops] of Object.entries(part as Record<string, unknown>)) {
      if (!ops || typeof ops !== 'object') continue;
      for (const [op, value] of Object.entries(ops as Record<string, unknown>)) {
        out.push({ field, op: op as FilterCondition['op'], value: Array.isArray(value) ? value.join(',') : String(value) });
      }
    }
  }
  return out;
}

/**
 * Opens the list of an entity showing exactly `conditions`: the list keeps its view (search,
 * filter, page) per user and entity for the tab (list/use-list-view.ts), so the drill-down
 * writes that view and goes to the list. Reports and dashboard cards both drill through here.
 */
export function openListWith(userId: string | undefined, entity: { 'x-name': string; 'x-plural': string }, conditions: readonly FilterCondition[]): void {
  try { sessionStorage.setItem(`tessera.view.${userId}.${entity['x-name']}`, JSON.stringify({ q: '', conditions, offset: 0 })); } catch { /* storage disabled: the list opens unfiltered */ }
  window.location.hash = `#/${encodeURIComponent(entity['x-plural'])}`;
}
