import type { AppDefinition } from '@tessera/metadata';
import { goToLogin, readJson, sessionCsrfToken } from './designer-api';
import type { ApiResult, AppPackage, HistoryEntry, MigrationChoices, PlanPreview, RollbackPlan, WorkflowRegistryView } from './meta-api-types';

type ErrorBody = { error?: { code?: string; message?: string; details?: { message: string; pointer?: string }[] } };

/** One metadata call; HTTP errors come back as values so every dialog can show them in place. */
async function call<T>(method: 'GET' | 'POST', path: string, body?: unknown): Promise<ApiResult<T>> {
  let response: Response;
  try {
    const headers: Record<string, string> = { accept: 'application/json' };
    if (method === 'POST') Object.assign(headers, { 'content-type': 'application/json', 'x-csrf-token': await sessionCsrfToken() });
    response = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  } catch (e) {
    return { ok: false, status: 0, message: (e as Error).message, details: [] };
  }
  if (response.status === 401) goToLogin();
  const parsed = (await readJson(response)) as T & ErrorBody;
  if (response.ok) return { ok: true, value: parsed };
  return { ok: false, status: response.status, code: parsed?.error?.code, message: parsed?.error?.message ?? `HTTP ${response.status}`, details: parsed?.error?.details ?? [] };
}

export const planApp = (app: AppDefinition, options: MigrationChoices = {}) => call<PlanPreview>('POST', '/api/_meta/plan', { app, options });

export const fetchHistory = async (): Promise<ApiResult<HistoryEntry[]>> => {
  const result = await call<{ data: HistoryEntry[] }>('GET', '/api/_meta/history');
  return result.ok ? { ok: true, value: result.value.data } : result;
};

export const rollbackApp = (baseVersion: number, confirmDestructive: boolean) =>
  call<{ version: number; restoredVersion: number; steps: PlanPreview['steps'] }>('POST', '/api/_meta/rollback', { baseVersion, confirmDestructive });

/** The rollback's dry run: its steps (archive restores included) or why it cannot happen. */
export const planRollback = (baseVersion: number) => call<RollbackPlan>('POST', '/api/_meta/rollback/plan', { baseVersion });

export const exportPackage = (entities: string[]) => call<AppPackage>('GET', `/api/_meta/export?entities=${entities.map(encodeURIComponent).join(',')}`);

/** The server merges the package into `app` (the draft), refusing name clashes with a 409. */
export const importPackage = (app: AppDefinition, pkg: unknown) => call<{ app: AppDefinition; added: string[] }>('POST', '/api/_meta/import', { app, package: pkg });

/** The stored definition of a published version (for the diff between two versions). */
export const fetchVersion = (version: number) => call<{ version: number; source: string; createdAt: string; app: AppDefinition }>('GET', `/api/_meta/versions/${version}`);

/** Guards and actions with their params schemas, for the workflow canvas. */
export const fetchRegistry = () => call<WorkflowRegistryView>('GET', '/api/_meta/registry');

/** A dashboard card's preview: the published app's aggregate API (`GET /api/{plural}/aggregate`). */
export const fetchAggregate = (plural: string, query: string) => call<{ data: Record<string, unknown>[] }>('GET', `/api/${encodeURIComponent(plural)}/aggregate?${query}`);
