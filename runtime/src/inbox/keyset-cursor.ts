import { validationFailed } from '../errors/http-error';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const isUuid = (v: unknown): v is string => typeof v === 'string' && UUID.test(v);
export const iso = (v: unknown): unknown => (v instanceof Date ? v.toISOString() : v);

/** An opaque cursor over (created_at, id): stable under inserts, one index range scan per page. */
export const encodeCursor = (createdAt: unknown, id: string): string => Buffer.from(`${String(iso(createdAt))}|${id}`).toString('base64url');

export function decodeCursor(raw: string): [string, string] {
  const [at, id] = Buffer.from(raw, 'base64url').toString().split('|');
  if (!at || !isUuid(id) || Number.isNaN(Date.parse(at))) throw validationFailed([{ field: 'after', rule: 'format', message: 'is not a cursor from this API' }]);
  return [at, id];
}

/** `limit` from the query string: 1–`max`, `fallback` when absent, else a 422 naming it. */
export function readLimit(raw: unknown, fallback: number, max: number): number {
  const limit = raw === undefined ? fallback : Number(raw);
  if (!Number.isInteger(limit) || limit < 1 || limit > max) throw validationFailed([{ field: 'limit', rule: 'range', message: `must be an integer from 1 to ${max}` }]);
  return limit;
}
