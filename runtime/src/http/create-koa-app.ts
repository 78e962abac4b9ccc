import type { Knex } from 'knex';
import Koa from 'koa';
import { adminRoutes } from '../auth/admin-routes';
import { createAuthDeps } from '../auth/auth-deps';
import { authRoutes } from '../auth/auth-routes';
import { recordRoutes } from '../records/record-routes';
import { fileRoutes } from '../files/file-routes';
import { auditEvents } from '../audit/audit-events';
import { auditTriggersReady } from '../audit/ensure-audit-triggers';
import { historyRoutes } from '../audit/history-routes';
import { exportRoutes } from '../export/export-routes';
import { importRoutes } from '../import/import-routes';
import { recordActionRoutes } from '../permissions/record-action-routes';
import { capabilityRoutes } from '../permissions/capability-routes';
import { poolRoutes } from '../pool/pool-routes';
import { inboxRoutes } from '../inbox/inbox-routes';
import { savedViewRoutes } from '../views/saved-view-routes';
import { errorHandler, type Logger } from './error-handler';
import { accessLog, type AccessEntry } from '../observe/access-log';
import type { Metrics } from '../observe/create-metrics';
import { observeRoutes, type Readiness } from '../observe/observe-routes';
import type { AppContext, RequestState } from './http-types';
import { metaRoutes, type MetaRouteDeps } from './meta-routes';
import { mountRoutes } from './mount-routes';
import { requestId } from './request-id';
import type { RouteDeclaration } from './route-types';
import { securityHeaders } from './security-headers';
import { declaredOnly } from './declared-only';
import { spaRoutes } from './static-routes';

export interface KoaAppOptions extends MetaRouteDeps {
  knex: Knex;
  webDir?: string;
  designerDir?: string;
  logger?: Logger;
  /** Routes of the runtime's hosts: workflows, approvals, outbox, recurring jobs, plugins. */
  hostRoutes?: readonly RouteDeclaration[];
  /** Per signed-in request: the plugin hooks bound to its user. */
  bindHooks?(ctx: AppContext): void;
  /** Behind a proxy that terminates TLS: trust its X-Forwarded-* headers (TESSERA_TRUST_PROXY). */
  trustProxy?: boolean;
  /** What `/readyz` checks besides the database. */
  readiness?: Readiness;
  metrics?: Metrics;
  metricsToken?: string;
  /** One line per answered request. */
  accessLog?(entry: AccessEntry): void;
}

/**
 * The whole HTTP API as one table, in matching order: fixed paths first, then the entity
 * routes, with `/api/:plural/:id` after every `/api/:plural/<word>`.
 */
export function appRoutes(opts: KoaAppOptions, auth = createAuthDeps(opts.knex)): RouteDeclaration[] {
  const { knex, getState } = opts;
  return [
    ...authRoutes(auth),
    ...adminRoutes(auth),
    ...inboxRoutes(knex),
    ...savedViewRoutes(knex, getState),
    ...fileRoutes(knex),
    ...metaRoutes(opts),
    ...capabilityRoutes(knex),
    ...(opts.hostRoutes ?? []),
    ...exportRoutes(knex),
    ...importRoutes(knex, getState),
    ...historyRoutes(knex),
    ...recordActionRoutes(knex),
    ...poolRoutes(knex),
    ...recordRoutes(knex),
  ];
}

/** The runtime's HTTP surface: one Koa app; every /api route comes from the declared table. */
export function createKoaApp(opts: KoaAppOptions): { koa: Koa<RequestState>; routes: readonly RouteDeclaration[] } {
  const koa = new Koa<RequestState>();
  koa.proxy = opts.trustProxy ?? false;
  koa.silent = true; // errors are logged by errorHandler, with the request id
  koa.use(requestId());
  koa.use(accessLog(opts.accessLog, opts.metrics));
  koa.use(errorHandler(opts.logger));
  koa.use(securityHeaders());
  koa.use(declaredOnly());
  koa.use(observeRoutes(opts.knex, opts.readiness ?? { appName: () => opts.getState().app.name, running: () => true }, opts.metrics, opts.metricsToken));
  koa.use(async (ctx, next) => {
    if (ctx.path === '/designer') return ctx.redirect('/designer/');
    return next();
  });
  koa.use(spaRoutes('/designer/', opts.designerDir, 'designer'));
  koa.use(spaRoutes('/', opts.webDir, 'web app'));
  koa.use(auditEvents(opts.knex));
  const auth = createAuthDeps(opts.knex);
  let routes: RouteDeclaration[] = [];
  routes = appRoutes({ ...opts, declaredRoutes: () => routes }, auth);
  koa.use(
    mountRoutes(routes, {
      knex: opts.knex,
      getState: opts.getState,
      auth,
      beforeHandler: opts.bindHooks,
      // A publish may have added tables: their audit triggers exist before the first write to them.
      beforeEntityWrite: (state) => auditTriggersReady(opts.knex, state),
    }),
  );
  return { koa, routes };
}
