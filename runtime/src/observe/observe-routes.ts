import type { Knex } from 'knex';
import { timingSafeEqual } from 'node:crypto';
import { HttpError } from '../errors/http-error';
import type { AppMiddleware } from '../http/http-types';
import { appLockKey } from '../migrate/apply-migration';
import type { Metrics } from './create-metrics';

export interface Readiness {
  /** The app whose migrations must not be running. */
  appName(): string;
  /** The job queue and timers have started, and the process is not shutting down. */
  running(): boolean;
}

/** Whether some process holds the app's migration lock right now (a publish or rollback in flight). */
async function migrating(knex: Knex, appName: string): Promise<boolean> {
  const { rows } = await knex.raw(
    `select exists (select 1 from pg_locks l where l.locktype = 'advisory' and l.granted and l.objsubid = 1
       and ((l.classid::bigint << 32) | l.objid::bigint) = hashtext(?)::bigint) as busy`,
    [appLockKey(appName)],
  );
  return rows[0].busy === true;
}

const sameToken = (given: string, wanted: string) => given.length === wanted.length && timingSafeEqual(Buffer.from(given), Buffer.from(wanted));

/**
 * `GET /healthz` (the process and its database live), `GET /readyz` (ready for traffic: database
 * reachable, no migration running, job queue up, not shutting down — 503 with the failing checks
 * otherwise) and `GET /metrics` (Prometheus text; from this host, or with `TESSERA_METRICS_TOKEN`
 * as a bearer token). Outside /api: no session, no route table.
 */
export function observeRoutes(knex: Knex, readiness: Readiness, metrics: Metrics | undefined, metricsToken: string | undefined): AppMiddleware {
  const databaseUp = async () => {
    try {
      await knex.raw('select 1');
      return true;
    } catch {
      return false;
    }
  };
  return async (ctx, next) => {
    if (ctx.method !== 'GET' && ctx.method !== 'HEAD') return next();
    if (ctx.path === '/healthz') {
      if (!(await databaseUp())) throw new HttpError(503, 'unavailable', 'The database is not reachable');
      ctx.body = { status: 'ok' };
      return;
    }
    if (ctx.path === '/readyz') {
      const database = await databaseUp();
      const checks = { database, migrations: database && !(await migrating(knex, readiness.appName())), jobs: readiness.running() };
      const ready = Object.values(checks).every(Boolean);
      ctx.status = ready ? 200 : 503;
      ctx.body = { status: ready ? 'ready' : 'not ready', checks };
      return;
    }
    if (ctx.path === '/metrics' && metrics) {
      const bearer = /^Bearer\s+(\S+)$/i.exec(ctx.get('authorization'))?.[1];
      const local = ['127.0.0.1', '::1', '::ffff:127.0.0.1'].includes(ctx.request.socket.remoteAddress ?? '');
      if (!(metricsToken ? bearer !== undefined && sameToken(bearer, metricsToken) : local)) throw new HttpError(403, 'forbidden', 'Metrics are served to this host, or with the metrics token');
      ctx.type = metrics.registry.contentType;
      ctx.body = await metrics.registry.metrics();
      return;
    }
    return next();
  };
}
