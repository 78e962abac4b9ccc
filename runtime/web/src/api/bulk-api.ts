import { ApiError } from './api-error';
import { requestJson } from './request-json';

/** One item's answer in `POST /api/{plural}/bulk` (also the `details` of a 422 `bulk_failed`). */
export interface BulkItemResult {
  op: 'create' | 'update' | 'delete';
  index: number;
  status: number;
  id?: string;
  error?: { code: string; message: string };
}

export interface BulkBody {
  create?: Record<string, unknown>[];
  update?: ({ id: string; version?: number } & Record<string, unknown>)[];
  delete?: { id: string; version?: number }[];
}

/** All or nothing: resolves with every item's result, or throws the ApiError whose details are the results. */
export const bulkApi = {
  run: (plural: string, body: BulkBody) => requestJson<{ data: BulkItemResult[] }>(`/api/${encodeURIComponent(plural)}/bulk`, { method: 'POST', body }).then((r) => r.data),
};

/** The items that failed for a reason of their own (not the "not applied because another failed" ones). */
export function failedItems(error: unknown): BulkItemResult[] {
  if (!(error instanceof ApiError) || error.code !== 'bulk_failed') return [];
  return (error.details as unknown as BulkItemResult[]).filter((r) => r.error && r.error.code !== 'not_applied');
}
