import { logAccess, type AccessEntry } from '../observe/access-log';
import type { Metrics } from '../observe/create-metrics';
import type { RequestTracer } from '../observe/tracing-types';
import { assertDeclared } from './declared-only';
import { answerError, type Logger } from './error-handler';
import type { AppMiddleware } from './http-types';
import { tagRequest } from './request-id';
import { setSecurityHeaders } from './security-headers';

export interface EdgeOptions {
  logger?: Logger;
  accessLog?(entry: AccessEntry): void;
  metrics?: Metrics;
  /** Given only when tracing is on (OTEL_*): each request then runs inside its server span. */
  trace?: RequestTracer;
}

/**
 * What every request gets, in one layer: its id, the security headers, the error envelope, the
 * check that an /api answer came from a declared route, and the access log. One layer rather
 * than five: each Koa layer is a closure and a promise per request, and the global layers
 * together cost a get by id about a fifth of its server CPU (issue 23).
 */
export function edge({ logger = console, accessLog, metrics, trace }: EdgeOptions): AppMiddleware {
  const answer: AppMiddleware = async (ctx, next) => {
    const started = process.hrtime.bigint();
    tagRequest(ctx);
    setSecurityHeaders(ctx);
    try {
      await next();
      assertDeclared(ctx);
    } catch (err) {
      answerError(ctx, err, logger);
    }
    logAccess(ctx, started, accessLog, metrics);
  };
  // Decided once here: without tracing the layer is `answer` itself, no extra work per request.
  return trace ? (ctx, next) => trace(ctx, () => answer(ctx, next)) : answer;
}
