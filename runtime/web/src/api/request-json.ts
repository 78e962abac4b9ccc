import { ApiError } from './api-error';
import { getCsrfToken, notifySignedOut } from './session-state';

/**
 * fetch + JSON + the error envelope. Every non-2xx answer becomes an ApiError whose message is
 * the server's own (already phrased for users); a 204 resolves to undefined. Writes carry the
 * session's CSRF token; a 401 (the session ended) sends the user back to the login screen.
 */
export async function requestJson<T>(url: string, init: { method?: string; body?: unknown; headers?: Record<string, string> } = {}): Promise<T> {
  const method = init.method ?? 'GET';
  const headers: Record<string, string> = { accept: 'application/json', ...init.headers };
  if (init.body !== undefined) headers['content-type'] = 'application/json';
  const csrf = getCsrfToken();
  if (method !== 'GET' && csrf) headers['x-csrf-token'] = csrf;
  const response = await fetch(url, { method, headers, credentials: 'same-origin', body: init.body === undefined ? undefined : JSON.stringify(init.body) });
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
    // Only a lost session signs out; a wrong password on the login form is a 401 the form shows itself.
    if (response.status === 401 && error?.code === 'unauthenticated') notifySignedOut();
    throw new ApiError(response.status, error?.code ?? `http-${response.status}`, error?.message ?? (text || response.statusText), error?.details ?? []);
  }
  return payload as T;
}
