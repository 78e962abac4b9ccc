import type { AppContext } from './http-types';

/** 405 with `Allow` and the error envelope: the route exists, the method does not. */
export function methodNotAllowed(ctx: AppContext, allow: string): void {
  ctx.set('Allow', allow);
  ctx.status = 405;
  ctx.body = { error: { code: 'method_not_allowed', message: `${ctx.method} is not allowed here; use ${allow}` } };
}
