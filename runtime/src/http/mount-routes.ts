import Router from '@koa/router';
import FindMyWay from 'find-my-way';
import type { Knex } from 'knex';
import type { AuthDeps } from '../auth/auth-deps';
import { authenticate } from '../auth/authenticate';
import { HttpError } from '../errors/http-error';
import type { AppState } from '../meta/compile-app-state';
import type { AppContext, AppMiddleware, RequestState } from './http-types';
import { jsonBody } from './json-body';
import { assertCleanQuery } from './read-json-body';
import { checkCaller, entityAt, filterRecords, isUuid, routeArgs } from './route-guard';
import type { EntityRouteArgs, RouteArgs, RouteDeclaration } from './route-types';

export interface MountDeps {
  knex: Knex;
  getState(): AppState;
  auth: AuthDeps;
  /** Per signed-in request, before the handler: the plugin hooks bound to its user. */
  beforeHandler?(ctx: AppContext): void;
  /** Before a signed-in write (it may reach entity tables): their audit triggers exist (a publish may just have added a table). */
  beforeEntityWrite?(state: AppState): Promise<void>;
}

/**
 * `/api/:plural/…` also matches `/api/_meta/…`: an entity route only counts when its `:plural`
 * is published and the route applies to that entity (claim needs a pool, transitions a workflow).
 */
function layerFits(route: RouteDeclaration, params: Record<string, string>, state: AppState): boolean {
  if (!route.entity) return true;
  const entity = entityAt(state, params.plural);
  // `/api/customers/bulk` is not `/api/customers/:id`: an id is a UUID, so GET …/bulk is a 405, not a missing record.
  if (route.record && !isUuid(params.id ?? '')) return false;
  return entity !== undefined && (route.appliesTo?.(entity, state) ?? true);
}

/**
 * The HTTP API as a @koa/router over the declared routes, nothing else: each route runs
 * authentication (unless public), its declared token scope and role, the body parser, the
 * entity grant and record scope, its handler, and the response filter. A path that matches
 * a declared route with another method is a 405 with `Allow`; any other /api path a 404.
 */
export function mountRoutes(routes: readonly RouteDeclaration[], deps: MountDeps): AppMiddleware {
  const router = new Router<RequestState>();
  const identify = authenticate(deps.auth);
  const identifyIfAny = authenticate(deps.auth, { required: false });
  const parseJson = jsonBody();
  const byLayer = new Map<unknown, RouteDeclaration>();
  // A radix tree over the same table answers most requests in one lookup; @koa/router's
  // walk over every route's pattern was ~6 % of a get by id's CPU (issue 23). Routes the tree
  // cannot hold (a mid-path wildcard: plugin names with a slash) and every miss go the full way.
  const tree = FindMyWay<FindMyWay.HTTPVersion.V1>();
  for (const route of routes) {
    const run: AppMiddleware = async (ctx, next) => {
      const params = (ctx as unknown as { params: Record<string, string> }).params;
      const state = deps.getState();
      if (!layerFits(route, params, state)) return next();
      const handle = async () => {
        ctx.state.route = route;
        checkCaller(ctx, route);
        assertCleanQuery(ctx);
        const args = await routeArgs(ctx, deps.knex, state, route, params);
        if (!args) return ((ctx.state.route = undefined), next());
        if (route.action !== 'public') deps.beforeHandler?.(ctx);
        if (route.action !== 'public' && route.method !== 'GET') await deps.beforeEntityWrite?.(state);
        const call = () => (route.handler as (ctx: AppContext, args: RouteArgs) => Promise<void> | void)(ctx, args);
        if (route.body === 'raw' || route.method === 'GET' || route.method === 'DELETE') await call();
        else await parseJson(ctx, async () => void (await call()));
        if (route.entity && route.returns === 'records') filterRecords(ctx, state, (args as EntityRouteArgs).entity);
      };
      if (route.action !== 'public') return identify(ctx, handle);
      return route.caller === 'optional' ? identifyIfAny(ctx, handle) : handle();
    };
    byLayer.set(router.register(route.path, [route.method], run), route);
    try {
      tree.on(route.method as FindMyWay.HTTPMethod, route.path, () => undefined, { route, run });
    } catch {
      // Left to @koa/router alone (see above).
    }
  }
  const dispatch = router.routes() as unknown as AppMiddleware;
  // Server pages outside /api (public forms): their own routes, else whatever comes next.
  const pagePrefixes = [...new Set(routes.filter((r) => !r.path.startsWith('/api/')).map((r) => `/${r.path.split('/')[1]}/`))];

  // No declared route answered: a known path with another method is 405 with the methods it has.
  const refuseOtherMethods = (ctx: AppContext) => {
    const state = deps.getState();
    const allowed = new Set<string>();
    for (const layer of router.match(ctx.path, ctx.method).path) {
      const route = byLayer.get(layer);
      if (route && layerFits(route, layer.params(ctx.path, layer.captures(ctx.path)), state)) allowed.add(route.method);
    }
    if (allowed.size > 0 && !allowed.has(ctx.method)) {
      const allow = [...allowed].join(', ');
      ctx.set('Allow', allow);
      throw new HttpError(405, 'method_not_allowed', `${ctx.method} is not allowed here; use ${allow}`);
    }
  };

  return async (ctx, next) => {
    if (pagePrefixes.some((prefix) => ctx.path.startsWith(prefix))) return dispatch(ctx, async () => (refuseOtherMethods(ctx), next()));
    if (ctx.path !== '/api' && !ctx.path.startsWith('/api/')) return next();
    const hit = tree.find(ctx.method as FindMyWay.HTTPMethod, ctx.path);
    const found = hit?.store as { route: RouteDeclaration; run: AppMiddleware } | undefined;
    if (hit && found && layerFits(found.route, hit.params as Record<string, string>, deps.getState())) {
      (ctx as unknown as { params: Record<string, string> }).params = hit.params as Record<string, string>;
      // The route declines only when it does not apply after all: then the full router decides.
      return found.run(ctx, () => full(ctx, next));
    }
    return full(ctx, next);
  };

  async function full(ctx: AppContext, next: () => Promise<unknown>): Promise<void> {
    await dispatch(ctx, async () => {
      refuseOtherMethods(ctx);
      const state = deps.getState();
      await identify(ctx, async () => {
        const plural = /^\/api\/([^/]+)/.exec(ctx.path)?.[1];
        const looksLikeEntity = plural !== undefined && /^[a-z][a-z0-9_-]*$/.test(plural) && !state.byPlural.has(plural);
        const [, , , id] = ctx.path.split('/');
        const entity = plural === undefined ? undefined : state.byPlural.get(plural);
        if (entity && id !== undefined && ctx.path.split('/').length === 4) throw new HttpError(404, 'not_found', `No ${entity.entity['x-name']} with id "${id}"`);
        throw new HttpError(404, 'not_found', looksLikeEntity ? `No entity is published at /api/${plural}` : `No route for ${ctx.method} ${ctx.path}`);
      });
    });
  }
}
