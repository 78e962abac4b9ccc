import { requestJson } from '../api/request-json';

export interface SearchHit {
  id: string;
  title: string | null;
  /** The field that matched best and its value (a phone as stored). */
  field: string;
  value: string | null;
  rank: number;
}

export interface SearchGroup {
  entity: string;
  plural: string;
  hits: SearchHit[];
}

/** `GET /api/_search`: the caller's readable records matching `q`, grouped by entity, best first. */
export async function searchAll(q: string): Promise<SearchGroup[]> {
  const params = new URLSearchParams({ q });
  const body = await requestJson<{ data: SearchGroup[] }>(`/api/_search?${params}`);
  return body.data;
}

/** The hits in the order the keyboard walks them: group by group. */
export const flatHits = (groups: readonly SearchGroup[]): Array<{ group: SearchGroup; hit: SearchHit }> =>
  groups.flatMap((group) => group.hits.map((hit) => ({ group, hit })));

/** Ctrl+K (Windows, Linux) or Cmd+K (macOS), without Shift or Alt. */
export const isSearchShortcut = (e: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'shiftKey' | 'altKey'>): boolean =>
  (e.ctrlKey || e.metaKey) && !e.shiftKey && !e.altKey && e.key.toLowerCase() === 'k';
