import { requestJson } from './request-json';

/** A record as the API returns it: the entity's fields plus the system columns. */
export type RecordData = Record<string, unknown> & { id: string };

export interface RecordPage {
  data: RecordData[];
  total: number;
  limit: number;
  offset: number;
}

const base = (plural: string) => `/api/${encodeURIComponent(plural)}`;

/** The generated REST API of one entity (docs/architecture.md, "@tessera/runtime"). */
export const recordsApi = {
  list: (plural: string, limit: number, offset: number) => requestJson<RecordPage>(`${base(plural)}?limit=${limit}&offset=${offset}`),
  get: (plural: string, id: string) => requestJson<{ data: RecordData }>(`${base(plural)}/${encodeURIComponent(id)}`).then((r) => r.data),
  create: (plural: string, body: Record<string, unknown>) => requestJson<{ data: RecordData }>(base(plural), { method: 'POST', body }).then((r) => r.data),
  update: (plural: string, id: string, body: Record<string, unknown>) =>
    requestJson<{ data: RecordData }>(`${base(plural)}/${encodeURIComponent(id)}`, { method: 'PATCH', body }).then((r) => r.data),
};
