import { HttpError } from '../errors/http-error';
import type { AppContext, AppMiddleware } from './http-types';

/**
 * A declared route's handler from a middleware that still reads its own path (admin, inbox,
 * views, approvals, metadata): the router has already matched method and path, so the
 * middleware only picks the branch; falling through it is a route that answers nothing.
 */
export const handledBy = (middleware: AppMiddleware) => (ctx: AppContext) =>
  middleware(ctx, async () => {
    throw new HttpError(404, 'not_found', `No route for ${ctx.method} ${ctx.path}`);
  });
