import { requestJson } from './request-json';

/** A record as the API returns it: the entity's fields plus the system columns. */
export type RecordData = Record<string, unknown> & { id: string };

export interface RecordPage {
  data: RecordData[];
  total: number;
  limit: number;
  offset: number;
  /** Keyset paging: the next page's `cursor`, null on the last page. */
  nextCursor?: string | null;
}

/** One entry of `GET /api/{plural}/{id}/history`. */
export interface HistoryEntry {
  id: number;
  at: string;
  actor: { id: string; username: string | null; displayName: string | null } | null;
  action: string;
  changes: { field: string; old: unknown; new: unknown }[];
}

/** `GET /api/{plural}/{id}/workflow`: where the record stands and what this user may do. */
export interface WorkflowState {
  stateField: string;
  state: string;
  final: boolean;
  transitions: { event: string; target: string; label?: { en: string; zh?: string }; form?: Record<string, unknown> }[];
}

const ifMatch = (version?: unknown): Record<string, string> => (version === undefined || version === null ? {} : { 'if-match': `W/"${String(version)}"` });
const base = (plural: string) => `/api/${encodeURIComponent(plural)}`;
const one = (plural: string, id: string) => `${base(plural)}/${encodeURIComponent(id)}`;

/** The generated REST API of one entity (docs/api.md). `query` is a ready query string. */
export const recordsApi = {
  list: (plural: string, query: string) => requestJson<RecordPage>(`${base(plural)}?${query}`),
  get: (plural: string, id: string) => requestJson<{ data: RecordData }>(one(plural, id)).then((r) => r.data),
  create: (plural: string, body: Record<string, unknown>) => requestJson<{ data: RecordData }>(base(plural), { method: 'POST', body }).then((r) => r.data),
  /** With `version`, the write only happens if nobody saved in between (else 412). */
  update: (plural: string, id: string, body: Record<string, unknown>, version?: unknown) =>
    requestJson<{ data: RecordData }>(one(plural, id), { method: 'PATCH', body, headers: ifMatch(version) }).then((r) => r.data),
  /** With `version`, only if nobody saved in between (else 412). */
  remove: (plural: string, id: string, version?: unknown) => requestJson<void>(one(plural, id), { method: 'DELETE', headers: ifMatch(version) }),
  history: (plural: string, id: string) => requestJson<{ data: HistoryEntry[] }>(`${one(plural, id)}/history`).then((r) => r.data),
  workflow: (plural: string, id: string) => requestJson<{ data: WorkflowState }>(`${one(plural, id)}/workflow`).then((r) => r.data),
  transition: (plural: string, id: string, event: string, data: Record<string, unknown> = {}) =>
    requestJson<{ data: RecordData }>(`${one(plural, id)}/transitions/${encodeURIComponent(event)}`, { method: 'POST', body: data }).then((r) => r.data),
  /** Hands the record to another active user (the `transfer` capability). */
  transfer: (plural: string, id: string, owner: string) =>
    requestJson<{ data: RecordData }>(`${one(plural, id)}/transfer`, { method: 'POST', body: { owner } }).then((r) => r.data),
  aggregate: (plural: string, query: string) => requestJson<{ data: Record<string, unknown>[] }>(`${base(plural)}/aggregate?${query}`).then((r) => r.data),
  exportUrl: (plural: string, query: string) => `${base(plural)}/export?${query}`,
};
