import { badRequest } from '../errors/http-error';

export const DEFAULT_LIMIT = 50;
export const MAX_LIMIT = 500;

export interface Pagination {
  limit: number;
  offset: number;
}

type Query = Record<string, string | string[] | undefined>;

function parseParam(query: Query, name: string, fallback: number, max?: number): number {
  const raw = query[name];
  if (raw === undefined || raw === '') return fallback;
  const rule = max === undefined ? 'a whole number of 0 or more' : `a whole number from 1 to ${max}`;
  if (Array.isArray(raw) || !/^\d{1,9}$/.test(raw)) {
    throw badRequest(`Query parameter "${name}" must be ${rule}`, [{ field: name, rule: 'integer', message: `must be ${rule}` }]);
  }
  const value = Number(raw);
  if (max !== undefined && (value < 1 || value > max)) {
    throw badRequest(`Query parameter "${name}" must be ${rule}`, [{ field: name, rule: 'range', message: `must be ${rule}` }]);
  }
  return value;
}

/** `?limit=&offset=` of a list request, strictly digits: anything else is a 400 naming the parameter. */
export function parsePagination(query: Query): Pagination {
  return { limit: parseParam(query, 'limit', DEFAULT_LIMIT, MAX_LIMIT), offset: parseParam(query, 'offset', 0) };
}
