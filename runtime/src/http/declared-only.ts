import type { AppContext } from './http-types';

/**
 * Every successful /api answer must come from a declared route: a middleware that answers
 * an /api path on its own (and so skips the route guard) fails loudly instead of serving.
 */
export function assertDeclared(ctx: AppContext): void {
  if (ctx.status >= 400 || ctx.state.route) return;
  if (ctx.path === '/api' || ctx.path.startsWith('/api/')) throw new Error(`${ctx.method} ${ctx.path} was answered by no declared route`);
}
