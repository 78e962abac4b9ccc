import type { RecordData } from '../../api/records-api';

/** One page of a relation picker's choices. */
export const PICKER_PAGE = 20;

/**
 * The list API query of a relation picker (docs/api.md): the most recently updated records
 * first, only the display field, the search as `q` (a substring, case-insensitive `ILIKE`, so
 * `华为` finds `深圳华为技术有限公司` with no word segmentation), the dependent-picker filters,
 * and keyset paging (`cursor`) so "more" costs one index scan whatever the table's size.
 */
export function pickerQuery(displayField: string, q: string, narrow: Readonly<Record<string, string>>, cursor?: string): string {
  const params = new URLSearchParams({ sort: '-updated_at', limit: String(PICKER_PAGE), count: 'false' });
  if (displayField !== 'id') params.set('fields', displayField);
  if (q.trim()) params.set('q', q.trim());
  for (const [key, value] of Object.entries(narrow)) params.set(key, value);
  if (cursor) params.set('cursor', cursor);
  return params.toString();
}

/** The title a picker shows for a record: its display field, else its id. */
export const recordTitle = (record: RecordData, displayField: string): string => {
  const value = record[displayField];
  return value === null || value === undefined || value === '' ? record.id : String(value);
};

/**
 * Most relevant first within a page: titles that start with the search, then titles that
 * contain it, then the rest (matched on another searchable field); recency decides ties.
 */
export function rankByTitle(records: readonly RecordData[], q: string, displayField: string): RecordData[] {
  const needle = q.trim().toLocaleLowerCase();
  if (!needle) return [...records];
  const rank = (r: RecordData) => {
    const title = recordTitle(r, displayField).toLocaleLowerCase();
    return title.startsWith(needle) ? 0 : title.includes(needle) ? 1 : 2;
  };
  return records.map((r, i) => ({ r, i, k: rank(r) })).sort((a, b) => a.k - b.k || a.i - b.i).map(({ r }) => r);
}
