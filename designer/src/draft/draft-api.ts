import type { AppDefinition } from '@tessera/metadata';
import { goToLogin, readJson, sessionCsrfToken } from '../api/designer-api';

/** Who changed the server draft last. */
export interface DraftEditor {
  id: string;
  username: string;
  displayName: string;
}

/** `GET /api/_meta/draft`: `app` is null when there is no draft (nothing changed, or discarded). */
export interface ServerDraft {
  revision: number;
  baseVersion: number | null;
  app: AppDefinition | null;
  canUndo: boolean;
  canRedo: boolean;
  lastAction: 'none' | 'edit' | 'undo' | 'redo' | 'discard';
  updatedBy: DraftEditor | null;
  updatedAt: string | null;
}

/** A refused call: `stale` when someone else changed the draft after the revision we sent. */
export class DraftError extends Error {
  constructor(message: string, readonly stale: boolean) {
    super(message);
  }
}

async function call<T>(method: 'GET' | 'PUT' | 'POST', path: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (method !== 'GET') Object.assign(headers, { 'content-type': 'application/json', 'x-csrf-token': await sessionCsrfToken() });
  const response = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  if (response.status === 401) goToLogin();
  const parsed = (await readJson(response)) as T & { error?: { code?: string; message?: string } };
  if (!response.ok) throw new DraftError(parsed?.error?.message ?? `HTTP ${response.status}`, parsed?.error?.code === 'draft_conflict');
  return parsed;
}

export const fetchDraft = () => call<ServerDraft>('GET', '/api/_meta/draft');
/** Saves one change on top of `revision`; the answer has no `app` (we sent it). */
export const saveDraftChange = (revision: number, baseVersion: number, app: AppDefinition) =>
  call<Omit<ServerDraft, 'app'>>('PUT', '/api/_meta/draft', { revision, baseVersion, app });
export const undoDraftChange = (revision: number) => call<ServerDraft>('POST', '/api/_meta/draft/undo', { revision });
export const redoDraftChange = (revision: number) => call<ServerDraft>('POST', '/api/_meta/draft/redo', { revision });
export const discardServerDraft = (revision: number) => call<ServerDraft>('POST', '/api/_meta/draft/discard', { revision });
