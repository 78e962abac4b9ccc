import { isHttpError } from '../errors/http-error';
import type { AppContext } from './http-types';

export type Logger = Pick<Console, 'error'>;

/**
 * The answer to an error thrown anywhere below the edge. Known errors become their status and
 * envelope; anything else is a 500 whose stack goes only to the server log, never to the client.
 */
export function answerError(ctx: AppContext, err: unknown, logger: Logger): void {
  if (isHttpError(err)) {
    ctx.status = err.status;
    ctx.body = { error: { code: err.code, message: err.message, ...(err.details ? { details: err.details } : {}) } };
    return;
  }
  logger.error(`[${ctx.state.requestId}] ${ctx.method} ${ctx.path} failed:`, err);
  ctx.status = 500;
  ctx.body = { error: { code: 'internal', message: 'Internal error', requestId: ctx.state.requestId } };
}
