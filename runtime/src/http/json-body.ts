import type { AppMiddleware } from './http-types';
import { readJsonBody } from './read-json-body';

const WRITE_METHODS = new Set(['POST', 'PUT', 'PATCH']);
export const BODY_LIMIT = '1mb';

/** Parses JSON bodies of writes (1 MB max): see readJsonBody for every refusal. */
export function jsonBody(): AppMiddleware {
  return async (ctx, next) => {
    if (WRITE_METHODS.has(ctx.method)) await readJsonBody(ctx, BODY_LIMIT);
    await next();
  };
}
