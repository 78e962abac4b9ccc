import type { PermissionAction } from '@tessera/metadata';
import { requestJson } from './request-json';

/** What the signed-in user may do with one entity (`GET /api/_meta/capabilities`). */
export interface EntityCapabilities {
  actions: PermissionAction[];
  scope: 'own' | 'team' | 'department' | 'all';
  /** Fields the API never sends this user: no column, filter, form field or card line. */
  hidden: string[];
  /** Fields the user sees but may not change. */
  readOnly: string[];
}

export interface Capabilities {
  admin: boolean;
  entities: Record<string, EntityCapabilities>;
  /** Where the user lands: `#/_dashboard`, `#/<plural>` or `#/_approvals`, always a page they may read. */
  landing: string;
}

/** `GET /api/{plural}/{id}/capabilities`: the changes the user may make to that record now (their write scope applied). */
export interface RecordCapabilities {
  update: boolean;
  delete: boolean;
  transition: boolean;
  transfer: boolean;
  share: boolean;
  /** A workflow state's lock on the record for this user: the whole record (`*`, and `update` is false) or these fields. */
  locked?: { state: string; label: { en: string; zh?: string }; fields: '*' | string[] };
}

export const capabilitiesApi = {
  app: () => requestJson<{ data: Capabilities }>('/api/_meta/capabilities').then((r) => r.data),
  record: (plural: string, id: string) =>
    requestJson<{ data: RecordCapabilities }>(`/api/${encodeURIComponent(plural)}/${encodeURIComponent(id)}/capabilities`).then((r) => r.data),
};
