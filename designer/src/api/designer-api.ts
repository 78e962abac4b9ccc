import type { AppDefinition } from '@tessera/metadata';
import type { MigrationChoices } from './meta-api-types';

/** One problem in a 422: metadata errors carry pointer/hint, record errors field/rule. */
export interface PublishProblem {
  pointer?: string;
  field?: string;
  code?: string;
  rule?: string;
  message: string;
  hint?: string;
}

export type PublishResult =
  | { ok: true; version: number }
  | { ok: false; kind: 'conflict' | 'invalid' | 'failed'; message: string; problems: PublishProblem[] };

export async function readJson(response: Response): Promise<unknown> {
  const text = await response.text();
  try { return text ? JSON.parse(text) : undefined; } catch { return text; }
}

/** Signing in happens in the end-user app; it sends the user back here afterwards. */
export function goToLogin(): never {
  window.location.assign(`/?next=${encodeURIComponent(window.location.pathname)}`);
  throw new Error('Signing in…');
}

let csrfToken: string | undefined;
/** The session's CSRF token, which every write must echo (`X-CSRF-Token`). */
export async function sessionCsrfToken(): Promise<string> {
  if (csrfToken) return csrfToken;
  const response = await fetch('/api/auth/me', { headers: { accept: 'application/json' } });
  if (response.status === 401) goToLogin();
  const body = (await readJson(response)) as { data?: { csrfToken?: string } };
  csrfToken = body?.data?.csrfToken ?? '';
  return csrfToken;
}

/** The published app the designer starts from, and the version a publish is based on. */
export async function fetchPublishedApp(): Promise<{ version: number; app: AppDefinition }> {
  const response = await fetch('/api/_meta/app', { headers: { accept: 'application/json' } });
  if (response.status === 401) goToLogin();
  const body = (await readJson(response)) as { version: number; app: AppDefinition; error?: { message?: string } };
  if (!response.ok) throw new Error(body?.error?.message ?? `HTTP ${response.status}`);
  return body;
}

/** `POST /api/_meta/publish`; 409 and 422 are answers the UI explains, not exceptions. */
export async function publishApp(app: AppDefinition, baseVersion: number, choices: MigrationChoices = {}): Promise<PublishResult> {
  let response: Response;
  try {
    response = await fetch('/api/_meta/publish', {
      method: 'POST',
      headers: { accept: 'application/json', 'content-type': 'application/json', 'x-csrf-token': await sessionCsrfToken() },
      body: JSON.stringify({ app, baseVersion, ...choices }),
    });
  } catch (e) {
    return { ok: false, kind: 'failed', message: (e as Error).message, problems: [] };
  }
  const body = (await readJson(response)) as { version?: number; error?: { message?: string; details?: PublishProblem[] } } | undefined;
  if (response.ok) return { ok: true, version: Number(body?.version) };
  if (response.status === 401) goToLogin();
  const message = body?.error?.message ?? `HTTP ${response.status}`;
  const problems = body?.error?.details ?? [];
  if (response.status === 409) return { ok: false, kind: 'conflict', message, problems };
  if (response.status === 422) return { ok: false, kind: 'invalid', message, problems };
  return { ok: false, kind: 'failed', message, problems };
}
