import { requestJson } from './request-json';

/** The list query a saved view holds, as `GET /api/{plural}` takes it. */
export interface SavedViewQuery {
  filter?: Record<string, unknown>;
  sort?: string;
  q?: string;
  fields?: string;
}

export interface ServerView {
  id: string;
  entity: string;
  name: string;
  query: SavedViewQuery;
  shared: boolean;
  mine: boolean;
  ownerName?: string;
  problems?: string[];
}

/** `/api/_views`: saved list views per user (docs/api.md). */
export const viewsApi = {
  list: (entity: string) => requestJson<{ data: ServerView[] }>(`/api/_views?entity=${encodeURIComponent(entity)}`).then((r) => r.data),
  create: (body: { entity: string; name: string; query: SavedViewQuery; shared?: boolean }) =>
    requestJson<{ data: ServerView }>('/api/_views', { method: 'POST', body }).then((r) => r.data),
  update: (id: string, body: { name?: string; query?: SavedViewQuery; shared?: boolean }) =>
    requestJson<{ data: ServerView }>(`/api/_views/${encodeURIComponent(id)}`, { method: 'PATCH', body }).then((r) => r.data),
  remove: (id: string) => requestJson<void>(`/api/_views/${encodeURIComponent(id)}`, { method: 'DELETE' }),
};
