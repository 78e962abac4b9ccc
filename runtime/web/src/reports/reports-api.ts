import { requestJson } from '../api/request-json';
import type { RangePeriod } from './report-range';

export type ChartKind = 'bar' | 'line' | 'pie' | 'funnel' | 'number' | 'table';

/** A saved report as `/api/_reports` gives it (docs: runtime/src/reports). */
export interface SavedReport {
  id: string;
  name: string;
  label: string;
  entity: string;
  groups: string[];
  measures: string[];
  filter?: Record<string, unknown>;
  range?: { field: string; period: RangePeriod };
  chart: ChartKind;
  mine: boolean;
  ownerName?: string;
  sharedWith?: { roles: string[]; users: string[] };
  /** Only on one's own reports: when and to whom it is sent. */
  schedule?: ReportSchedule | null;
  /** On the signed-in user's dashboard. */
  pinned?: boolean;
  pinnedAt?: string | null;
  /** A pinned card runs the report again when it changed. */
  updatedAt?: string;
}

/** When a report is sent and to whom (runtime/src/reports/schedule-routes.ts). */
export interface ReportSchedule {
  cron: string;
  timeZone: string;
  recipients: { roles: string[]; users: string[] };
  nextAt?: string | null;
  lastAt?: string | null;
}

export type ReportBody = Omit<SavedReport, 'id' | 'name' | 'mine' | 'ownerName' | 'schedule' | 'pinned' | 'pinnedAt' | 'updatedAt'>;

export const reportsApi = {
  list: () => requestJson<{ data: SavedReport[] }>('/api/_reports').then((r) => r.data),
  create: (body: ReportBody) => requestJson<{ data: SavedReport }>('/api/_reports', { method: 'POST', body }).then((r) => r.data),
  update: (id: string, body: Partial<ReportBody>) => requestJson<{ data: SavedReport }>(`/api/_reports/${encodeURIComponent(id)}`, { method: 'PATCH', body }).then((r) => r.data),
  remove: (id: string) => requestJson<void>(`/api/_reports/${encodeURIComponent(id)}`, { method: 'DELETE' }),
  /** The numbers for the signed-in user: their own records, whoever saved the report. */
  run: (id: string) => requestJson<{ data: Record<string, unknown>[] }>(`/api/_reports/${encodeURIComponent(id)}/run`).then((r) => r.data),
  schedule: (id: string, body: Pick<ReportSchedule, 'cron' | 'timeZone' | 'recipients'>) => requestJson<{ data: ReportSchedule }>(`/api/_reports/${encodeURIComponent(id)}/schedule`, { method: 'PUT', body }).then((r) => r.data),
  unschedule: (id: string) => requestJson<void>(`/api/_reports/${encodeURIComponent(id)}/schedule`, { method: 'DELETE' }),
  pin: (id: string) => requestJson<{ data: SavedReport }>(`/api/_reports/${encodeURIComponent(id)}/pin`, { method: 'PUT' }).then((r) => r.data),
  unpin: (id: string) => requestJson<void>(`/api/_reports/${encodeURIComponent(id)}/pin`, { method: 'DELETE' }),
  /** The viewer's own numbers as a file, labelled in `locale` (a plain link: the session cookie goes along). */
  exportUrl: (id: string, format: 'csv' | 'xlsx', locale: 'en' | 'zh') => `/api/_reports/${encodeURIComponent(id)}/export?format=${format}&locale=${locale}`,
};
