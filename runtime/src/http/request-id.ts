import { randomUUID } from 'node:crypto';
import type { AppMiddleware } from './http-types';

/** Tags each request with an id (the caller's `x-request-id` when it sent a sane one) for logs and 500s. */
export function requestId(): AppMiddleware {
  return async (ctx, next) => {
    const given = ctx.get('x-request-id');
    ctx.state.requestId = /^[\w.-]{1,64}$/.test(given) ? given : randomUUID();
    ctx.set('x-request-id', ctx.state.requestId);
    await next();
  };
}
