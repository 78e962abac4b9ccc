import type { PluginRouteResult } from '@tessera/engine';

/** The API's error envelope, for a route answer: `{ error: { code, message, details } }`. */
export function routeError(status: number, code: string, message: string, field?: string): PluginRouteResult {
  return { status, body: { error: { code, message, details: field ? [{ field, message }] : [] } } };
}
