import type { Knex } from 'knex';
import Koa from 'koa';
import { adminRoutes } from '../auth/admin-routes';
import { createAuthDeps } from '../auth/auth-deps';
import { authRoutes } from '../auth/auth-routes';
import { recordRoutes } from '../records/record-routes';
import { searchRoutes } from '../search/search-routes';
import { fileRoutes } from '../files/file-routes';
import { auditEvents } from '../audit/audit-events';
import { auditTriggersReady } from '../audit/ensure-audit-triggers';
import { historyRoutes } from '../audit/history-routes';
import { exportRoutes } from '../export/export-routes';
import { importRoutes } from '../import/import-routes';
import { dataCareRoutes } from '../data-care/data-care-routes';
import { recordActionRoutes } from '../permissions/record-action-routes';
import { capabilityRoutes } from '../permissions/capability-routes';
import { poolRoutes } from '../pool/pool-routes';
import { recycleBinRoutes } from '../recycle-bin/recycle-bin-routes';
import { inboxRoutes } from '../inbox/inbox-routes';
import { savedViewRoutes } from '../views/saved-view-routes';
import { reportRoutes } from '../reports/report-routes';
import { draftRoutes } from '../drafts/draft-routes';
import type { Metrics } from '../observe/create-metrics';
import { observeRoutes, type Readiness } from '../observe/observe-routes';
import type { AppContext, AppMiddleware, RequestState } from './http-types';
import { metaRoutes, type MetaRouteDeps } from './meta-routes';
import { mountRoutes } from './mount-routes';
import { edge } from './edge';
import type { Logger } from './error-handler';
import type { AccessEntry } from '../observe/access-log';
import type { RequestTracer } from '../observe/tracing-types';
import type { RouteDeclaration } from './route-types';
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
  /** A server span per request; only when tracing is configured. */
  trace?: RequestTracer;
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
    ...reportRoutes(knex),
    ...fileRoutes(knex),
    ...metaRoutes(opts),
    ...draftRoutes(knex, getState),
    ...capabilityRoutes(knex),
    ...(opts.hostRoutes ?? []),
    ...exportRoutes(knex),
    ...importRoutes(knex, getState),
    ...dataCareRoutes(knex),
    ...historyRoutes(knex),
    ...searchRoutes(knex),
    ...recordActionRoutes(knex),
    ...poolRoutes(knex),
    ...recycleBinRoutes(knex),
    ...recordRoutes(knex),
  ];
}

const designerWithoutSlash: AppMiddleware = async (ctx, next) => {
  if (ctx.path === '/designer') return ctx.redirect('/designer/');
  return next();
};

/** The runtime's HTTP surface: one Koa app; every /api route comes from the declared table. */
export function createKoaApp(opts: KoaAppOptions): { koa: Koa<RequestState>; routes: readonly RouteDeclaration[] } {
  const koa = new Koa<RequestState>();
  koa.proxy = opts.trustProxy ?? false;
  koa.silent = true; // errors are logged by the edge, with the request id
  koa.use(edge({ logger: opts.logger, accessLog: opts.accessLog, metrics: opts.metrics, trace: opts.trace }));
  const auth = createAuthDeps(opts.knex);
  let routes: RouteDeclaration[] = [];
  routes = appRoutes({ ...opts, declaredRoutes: () => routes }, auth);
  const api = mountRoutes(routes, {
    knex: opts.knex,
    getState: opts.getState,
    auth,
    beforeHandler: opts.bindHooks,
    // A publish may have added tables: their audit triggers exist before the first write to them.
    beforeEntityWrite: (state) => auditTriggersReady(opts.knex, state),
  });
  const audit = auditEvents(opts.knex);
  // Outside /api: health and metrics, the designer and the web app, then server pages (public forms).
  const pages = [
    observeRoutes(opts.knex, opts.readiness ?? { appName: () => opts.getState().app.name, running: () => true }, opts.metrics, opts.metricsToken),
    designerWithoutSlash,
    spaRoutes('/designer/', opts.designerDir, 'designer'),
    spaRoutes('/', opts.webDir, 'web app'),
    api,
  ];
  const servePage = (ctx: AppContext, next: () => Promise<unknown>, i = 0): Promise<unknown> => (i === pages.length ? next() : Promise.resolve(pages[i](ctx, () => servePage(ctx, next, i + 1))));
  // An /api request goes straight to its route: no page layer can answer it.
  koa.use((ctx, next) => (ctx.path === '/api' || ctx.path.startsWith('/api/') ? audit(ctx, () => api(ctx, next)) : servePage(ctx, next)));
  return { koa, routes };
}
