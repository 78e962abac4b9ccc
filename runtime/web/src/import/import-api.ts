import { ApiError } from '../api/api-error';
import { requestJson } from '../api/request-json';
import { getCsrfToken, notifySignedOut } from '../api/session-state';
import type { LocalizedText } from '@tessera/metadata';

export type DuplicateMode = 'skip' | 'update' | 'create';
export type ImportMapping = Record<string, string | null>;
export type ImportLocale = 'en' | 'zh';

/** An import as the API sums it up (`GET /api/{plural}/imports/{id}`). */
export interface ImportSummary {
  id: string;
  fileName: string;
  status: 'uploaded' | 'running' | 'done' | 'failed' | 'reverted';
  mode: DuplicateMode | null;
  total: number;
  processed: number;
  created: number;
  updated: number;
  skipped: number;
  rejected: number;
  error?: string | null;
}

export interface ImportField {
  name: string;
  label: LocalizedText;
  type: string;
  required: boolean;
}

export interface CellError {
  column?: string;
  field?: string;
  message: string;
}

export interface ImportPreview extends ImportSummary {
  columns: { index: number; header: string; field: string | null; samples: string[] }[];
  mapping: ImportMapping;
  mappingSource: string;
  fields: ImportField[];
  problems: CellError[];
  rows: { row: number; cells: string[]; errors: CellError[] }[];
}

const base = (plural: string) => `/api/${encodeURIComponent(plural)}/imports`;

/** Uploads the file (multipart part `file`); the server reads it as a table or refuses it. */
export async function uploadImport(plural: string, file: File, locale: ImportLocale): Promise<ImportSummary> {
  const form = new FormData();
  form.append('file', file, file.name);
  const headers: Record<string, string> = { accept: 'application/json' };
  const csrf = getCsrfToken();
  if (csrf) headers['x-csrf-token'] = csrf;
  const response = await fetch(`${base(plural)}?locale=${locale}`, { method: 'POST', body: form, headers, credentials: 'same-origin' });
  const payload = (await response.json().catch(() => undefined)) as { data?: ImportSummary; error?: { code?: string; message?: string; details?: ApiError['details'] } } | undefined;
  if (!response.ok || !payload?.data) {
    if (response.status === 401 && payload?.error?.code === 'unauthenticated') notifySignedOut();
    throw new ApiError(response.status, payload?.error?.code ?? `http-${response.status}`, payload?.error?.message ?? response.statusText, payload?.error?.details ?? []);
  }
  return payload.data;
}

export const importApi = {
  preview: (plural: string, id: string, locale: ImportLocale, mapping?: ImportMapping) => {
    const params = new URLSearchParams({ locale });
    if (mapping) params.set('mapping', JSON.stringify(mapping));
    return requestJson<{ data: ImportPreview }>(`${base(plural)}/${id}/preview?${params}`).then((r) => r.data);
  },
  start: (plural: string, id: string, locale: ImportLocale, mapping: ImportMapping, mode: DuplicateMode) =>
    requestJson<{ data: ImportSummary }>(`${base(plural)}/${id}/start?locale=${locale}`, { method: 'POST', body: { mapping, mode } }).then((r) => r.data),
  get: (plural: string, id: string) => requestJson<{ data: ImportSummary }>(`${base(plural)}/${id}`).then((r) => r.data),
  revert: (plural: string, id: string) => requestJson<{ data: ImportSummary & { deleted: number; restored: number } }>(`${base(plural)}/${id}/revert`, { method: 'POST' }).then((r) => r.data),
  rejectedUrl: (plural: string, id: string, locale: ImportLocale) => `${base(plural)}/${id}/rejected.csv?locale=${locale}`,
};
