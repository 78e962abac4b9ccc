/** What a saved view holds: the list query exactly as `GET /api/{plural}` takes it. */
export interface SavedViewQuery {
  /** The JSON filter (docs/api.md), as an object. */
  filter?: Record<string, unknown>;
  sort?: string;
  q?: string;
  fields?: string;
}

export interface SavedViewRow {
  id: string;
  user_id: string;
  entity: string;
  name: string;
  query: SavedViewQuery;
  shared: boolean;
  created_at: unknown;
  updated_at: unknown;
}
