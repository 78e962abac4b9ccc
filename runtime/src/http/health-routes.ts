import type { Knex } from 'knex';
import { HttpError } from '../errors/http-error';
import type { AppMiddleware } from './http-types';

/** `GET /healthz`: ok only when the database answers, so a load balancer drops a broken process. */
export function healthRoutes(knex: Knex): AppMiddleware {
  return async (ctx, next) => {
    if (ctx.path !== '/healthz' || ctx.method !== 'GET') return next();
    try {
      await knex.raw('select 1');
    } catch {
      throw new HttpError(503, 'unavailable', 'The database is not reachable');
    }
    ctx.body = { status: 'ok' };
  };
}
