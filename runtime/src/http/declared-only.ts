import type { AppMiddleware } from './http-types';

/**
 * Every successful /api answer must come from a declared route: a middleware that answers
 * an /api path on its own (and so skips the route guard) fails loudly instead of serving.
 */
export function declaredOnly(): AppMiddleware {
  return async (ctx, next) => {
    await next();
    const api = ctx.path === '/api' || ctx.path.startsWith('/api/');
    if (api && ctx.status < 400 && !ctx.state.route) throw new Error(`${ctx.method} ${ctx.path} was answered by no declared route`);
  };
}
