import { requestJson } from './request-json';

/** One pending task of `GET /api/approvals/inbox`. */
export interface InboxTask {
  taskId: string;
  approvalId: string;
  entity: string;
  recordId: string;
  step: string;
  submitter: string;
  delegatedFrom: string | null;
  createdAt: string;
  /** The record as approvers see it: its title and the approval's summary fields (a relation shows its target's title). */
  record?: { title: string | null; summary: { field: string; value: unknown }[] } | null;
}

/** `GET /api/approvals/{id}` and `GET /api/approvals?entity=&recordId=`: a chain with its history. */
export interface ApprovalDetail {
  id: string;
  entity: string;
  recordId: string;
  status: string;
  submitter: string;
  step: string | null;
  steps: { id: string; mode: string; approvers: string[] }[];
  history: { at: string; actor: string | null; action: string; step?: string; comment?: string; to?: string; users?: string[] }[];
  /** The record's title and summary fields as submitted, then as approved (`kind`); null for chains started before snapshots. */
  snapshot?: { at: string; kind: 'submitted' | 'approved'; title: string | null; summary: { field: string; value: unknown }[] } | null;
}

export interface AppNotification {
  id: string;
  subject: string | null;
  body: string;
  entity: string | null;
  recordId: string | null;
  createdAt: string;
  readAt: string | null;
  reminder?: { field: string; dueAt: string };
}

export interface DirectoryUser { id: string; username: string; displayName: string }

export type ApprovalBody = { comment?: string; to?: string };

/** The approval, notification and user-directory routes (docs/api.md). */
export const inboxApi = {
  inbox: (limit = 200) => requestJson<{ data: InboxTask[]; next: string | null }>(`/api/approvals/inbox?limit=${limit}`),
  approval: (id: string) => requestJson<{ data: ApprovalDetail }>(`/api/approvals/${encodeURIComponent(id)}`).then((r) => r.data),
  approvalsOf: (entity: string, recordId: string) =>
    requestJson<{ data: ApprovalDetail[] }>(`/api/approvals?entity=${encodeURIComponent(entity)}&recordId=${encodeURIComponent(recordId)}`).then((r) => r.data),
  act: (id: string, verb: 'approve' | 'reject' | 'delegate', body: ApprovalBody) =>
    requestJson<{ data: ApprovalDetail }>(`/api/approvals/${encodeURIComponent(id)}/${verb}`, { method: 'POST', body }).then((r) => r.data),
  notifications: (opts: { unread?: boolean; reminders?: boolean; limit?: number } = {}) => {
    const params = new URLSearchParams({ limit: String(opts.limit ?? 20) });
    if (opts.unread) params.set('unread', 'true');
    if (opts.reminders) params.set('kind', 'reminder');
    return requestJson<{ data: AppNotification[]; next: string | null; unread: number }>(`/api/notifications?${params}`);
  },
  markRead: (id: string) => requestJson<{ data: AppNotification }>(`/api/notifications/${encodeURIComponent(id)}/read`, { method: 'POST' }).then((r) => r.data),
  markAllRead: () => requestJson<{ data: { updated: number } }>('/api/notifications/read-all', { method: 'POST' }).then((r) => r.data),
  findUsers: (q: string) => requestJson<{ data: DirectoryUser[] }>(`/api/_users?q=${encodeURIComponent(q)}`).then((r) => r.data),
  usersByIds: (ids: readonly string[]) =>
    ids.length ? requestJson<{ data: DirectoryUser[] }>(`/api/_users?ids=${ids.map(encodeURIComponent).join(',')}`).then((r) => r.data) : Promise.resolve([]),
};
