import { ApiError } from './api-error';

/**
 * fetch + JSON + the error envelope. Every non-2xx answer becomes an ApiError whose message is
 * the server's own (already phrased for users); a 204 resolves to undefined.
 */
export async function requestJson<T>(url: string, init: { method?: string; body?: unknown } = {}): Promise<T> {
  const response = await fetch(url, {
    method: init.method ?? 'GET',
    headers: init.body === undefined ? { accept: 'application/json' } : { accept: 'application/json', 'content-type': 'application/json' },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  let payload: unknown;
  try {
    payload = text ? JSON.parse(text) : undefined;
  } catch {
    payload = undefined;
  }
  if (!response.ok) {
    const error = (payload as { error?: { code?: string; message?: string; details?: ApiError['details'] } } | undefined)?.error;
    throw new ApiError(response.status, error?.code ?? `http-${response.status}`, error?.message ?? (text || response.statusText), error?.details ?? []);
  }
  return payload as T;
}
