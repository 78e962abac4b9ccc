import type { LocalizedText } from '@tessera/metadata';
import { requestJson } from '../api/request-json';
import type { RecordData } from '../api/records-api';

/** Records of one entity a delete takes along (or that refuse it), counted. */
export interface CascadeCount {
  entity: string;
  /** Plural label; `one`: the label for a count of one. */
  label: LocalizedText;
  one?: LocalizedText;
  count: number;
}

/** `GET /api/{plural}/_delete-preview?ids=`: what deleting these records would do. */
export interface CascadePreview {
  /** How many of the ids the caller may delete. */
  records: number;
  recycleBin: boolean;
  children: CascadeCount[];
  blockedBy: CascadeCount[];
}

/** One deletion in `GET /api/{plural}/_recycle-bin`. */
export interface BinEntry {
  id: string;
  title: string | null;
  deletedAt: string;
  deletedBy: { id: string; username: string | null } | null;
  with: CascadeCount[];
}

const base = (plural: string) => `/api/${encodeURIComponent(plural)}`;

export const recycleBinApi = {
  preview: (plural: string, ids: string[]) => requestJson<{ data: CascadePreview }>(`${base(plural)}/_delete-preview?ids=${ids.map(encodeURIComponent).join(',')}`).then((r) => r.data),
  list: (plural: string, offset = 0, limit = 50) => requestJson<{ data: BinEntry[]; hasMore: boolean }>(`${base(plural)}/_recycle-bin?limit=${limit}&offset=${offset}`),
  restore: (plural: string, id: string) => requestJson<{ data: RecordData }>(`${base(plural)}/${encodeURIComponent(id)}/restore`, { method: 'POST', body: {} }).then((r) => r.data),
  purge: (plural: string, id: string) => requestJson<void>('/api/_recycle-bin/purge', { method: 'POST', body: { entity: plural, id } }),
};
