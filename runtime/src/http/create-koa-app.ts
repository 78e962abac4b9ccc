import type { Knex } from 'knex';
import Koa from 'koa';
import { adminDepartmentRoutes } from '../auth/admin-department-routes';
import { adminOrgRoutes } from '../auth/admin-org-routes';
import { adminUserRoutes } from '../auth/admin-user-routes';
import { createAuthDeps } from '../auth/auth-deps';
import { authRoutes } from '../auth/auth-routes';
import { authenticate } from '../auth/authenticate';
import { authorize } from '../auth/authorize';
import { isRecordCall, recordRoutes } from '../records/record-routes';
import { fileRoutes } from '../files/file-routes';
import { auditEvents } from '../audit/audit-events';
import { auditTriggersReady } from '../audit/ensure-audit-triggers';
import { historyRoutes } from '../audit/history-routes';
import { exportRoutes } from '../export/export-routes';
import { recordActionRoutes } from '../permissions/record-action-routes';
import { poolRoutes } from '../pool/pool-routes';
import { inboxRoutes } from '../inbox/inbox-routes';
import { savedViewRoutes } from '../views/saved-view-routes';
import { errorHandler, type Logger } from './error-handler';
import { healthRoutes } from './health-routes';
import type { AppMiddleware, RequestState } from './http-types';
import { jsonBody } from './json-body';
import { metaRoutes, type MetaRouteDeps } from './meta-routes';
import { requestId } from './request-id';
import { spaRoutes } from './static-routes';

export interface KoaAppOptions extends MetaRouteDeps {
  knex: Knex;
  webDir?: string;
  designerDir?: string;
  logger?: Logger;
  /** Workflow routes (`/api/{plural}/{id}/workflow`, `/transitions/{event}`), from the runtime's workflow host. */
  workflowRoutes?: AppMiddleware;
  /** Plugin hooks per request, plugin routes and their enable/disable switches (issue 9). */
  pluginRoutes?: AppMiddleware;
  /** Plugin routes declared `public` (verified by the plugin, run as its service user): before authentication. */
  publicPluginRoutes?: AppMiddleware;
}

/** The runtime's HTTP surface: one Koa app, each concern one middleware. */
export function createKoaApp(opts: KoaAppOptions): Koa<RequestState> {
  const koa = new Koa<RequestState>();
  koa.proxy = false;
  koa.silent = true; // errors are logged by errorHandler, with the request id
  koa.use(requestId());
  koa.use(errorHandler(opts.logger));
  koa.use(healthRoutes(opts.knex));
  koa.use(async (ctx, next) => {
    if (ctx.path === '/designer') return ctx.redirect('/designer/');
    return next();
  });
  koa.use(spaRoutes('/designer/', opts.designerDir, 'designer'));
  koa.use(spaRoutes('/', opts.webDir, 'web app'));
  // Who is calling is settled before the body is even parsed: anonymous API calls get a 401
  // without costing a JSON parse, and cookie writes without the CSRF header a 403.
  const auth = createAuthDeps(opts.knex);
  if (opts.publicPluginRoutes) koa.use(opts.publicPluginRoutes);
  koa.use(authenticate(auth));
  // Multipart uploads stream to disk under their field's own limit, before the JSON parser.
  koa.use(fileRoutes(opts.knex, opts.getState));
  koa.use(jsonBody());
  koa.use(auditEvents(opts.knex));
  koa.use(authRoutes(auth));
  koa.use(authorize());
  // Reads of records go straight to their routes: none of the ones between (admin, inbox,
  // views, plugins, workflows, metadata, history, export, record actions, pool) owns such a
  // path, and walking them cost a get by id an eighth of its time.
  const records = recordRoutes(opts.knex, opts.getState);
  koa.use((ctx, next) => ((ctx.method === 'GET' || ctx.method === 'HEAD') && isRecordCall(ctx.path, opts.getState()) ? records(ctx, next) : next()));
  koa.use(adminUserRoutes(auth));
  koa.use(adminOrgRoutes(auth));
  koa.use(adminDepartmentRoutes(auth));
  // The caller's own notifications, the user directory and saved list views (issue 7).
  koa.use(inboxRoutes(opts.knex));
  koa.use(savedViewRoutes(opts.knex, opts.getState));
  // Before the metadata routes (which 404 any other /api/_meta path) and before every write path, which reads ctx.state.hooks.
  if (opts.pluginRoutes) koa.use(opts.pluginRoutes);
  // Record writes likewise, once they have their plugin hooks and audit triggers.
  const triggersReady = () => auditTriggersReady(opts.knex, opts.getState());
  koa.use(async (ctx, next) => (isRecordCall(ctx.path, opts.getState()) ? (await triggersReady(), records(ctx, next)) : next()));
  // Workflow routes include /api/_meta/outbox, so they too come before the metadata routes.
  if (opts.workflowRoutes) koa.use(opts.workflowRoutes);
  koa.use(metaRoutes(opts));
  // A publish may have added tables: their audit triggers exist before the first write to them.
  koa.use(async (ctx, next) => (ctx.method !== 'GET' && ctx.path.startsWith('/api/') && (await triggersReady()), next()));
  koa.use(historyRoutes(opts.knex, opts.getState));
  koa.use(exportRoutes(opts.knex, opts.getState)); // before recordRoutes, which would read `export` as an id
  koa.use(recordActionRoutes(opts.knex, opts.getState));
  koa.use(poolRoutes(opts.knex, opts.getState));
  koa.use(records);
  koa.use(async (ctx) => {
    ctx.status = 404;
    ctx.body = { error: { code: 'not_found', message: `No route for ${ctx.method} ${ctx.path}` } };
  });
  return koa;
}
