import { randomUUID } from 'node:crypto';
import type { AppContext } from './http-types';

const SANE = /^[\w.-]{1,64}$/;

/** Tags the request with an id (the caller's `x-request-id` when it sent a sane one) for logs and 500s, and echoes it. */
export function tagRequest(ctx: AppContext): void {
  const given = ctx.get('x-request-id');
  ctx.state.requestId = given && SANE.test(given) ? given : randomUUID();
  ctx.set('x-request-id', ctx.state.requestId);
}
