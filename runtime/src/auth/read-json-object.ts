import { badRequest } from '../errors/http-error';
import type { AppContext } from '../http/http-types';

/** The request body as a plain object, or 400. */
export function readJsonObject(ctx: AppContext): Record<string, unknown> {
  const body = ctx.request.body as unknown;
  if (!body || typeof body !== 'object' || Array.isArray(body)) throw badRequest('The request body must be a JSON object');
  return body as Record<string, unknown>;
}

/** 422 `validation_failed` listing the keys outside `allowed`, so a typo is never silently ignored. */
export function unknownKeys(body: Record<string, unknown>, allowed: readonly string[]) {
  return Object.keys(body)
    .filter((key) => !allowed.includes(key))
    .map((field) => ({ field, rule: 'unknown-field', message: 'not a field of this request' }));
}
