import { bodyParser } from '@koa/bodyparser';
import { HttpError } from '../errors/http-error';
import type { AppMiddleware } from './http-types';

const WRITE_METHODS = new Set(['POST', 'PUT', 'PATCH']);
export const BODY_LIMIT = '1mb';

/**
 * Parses JSON bodies of writes (1 MB max). Writes must say they send JSON (415 otherwise);
 * oversized bodies are 413, unparseable ones 400 — never a 500.
 */
export function jsonBody(): AppMiddleware {
  const parse = bodyParser({ enableTypes: ['json'], jsonLimit: BODY_LIMIT, encoding: 'utf-8' });
  return async (ctx, next) => {
    if (!WRITE_METHODS.has(ctx.method)) return next();
    // A write with no body at all (e.g. `POST /api/auth/logout`) has nothing to parse; the
    // route decides whether it needed one.
    if (!ctx.request.length && !ctx.get('transfer-encoding')) return next();
    if (!ctx.is('application/json', '+json')) {
      throw new HttpError(415, 'unsupported_media_type', `Content-Type must be application/json (got ${ctx.get('content-type') || 'none'})`);
    }
    let parsed = false;
    try {
      await parse(ctx, async () => {
        parsed = true;
      });
    } catch (err) {
      const status = (err as { status?: number }).status;
      if (status === 413) throw new HttpError(413, 'payload_too_large', `The request body is larger than the ${BODY_LIMIT} limit`);
      if (status === 400 || err instanceof SyntaxError) {
        throw new HttpError(400, 'invalid_json', 'The request body is not valid JSON (an object or array is expected)');
      }
      if (status === 415) throw new HttpError(415, 'unsupported_media_type', 'The request body encoding is not supported');
      throw err;
    }
    if (parsed) await next();
  };
}
