import type { PluginDefinition } from '@tessera/engine';
import type { UserRow } from '../auth/auth-types';
import { rowToAuthUser } from '../auth/create-user-store';
import { HttpError, isHttpError, notFound } from '../errors/http-error';
import type { AppContext } from '../http/http-types';
import { readJsonBody } from '../http/read-json-body';
import type { HttpMethod, RouteDeclaration } from '../http/route-types';
import { pluginRoutePath } from './plugin-routes';
import type { PluginRoute } from './collect-plugin-routes';
import { settingsOf } from './create-record-hooks';
import { firstValues, invokePluginRoute, type InvokeRouteDeps } from './invoke-plugin-route';
import { readPluginStates } from './plugin-state-store';
import { createPublicRouteThrottle, DEFAULT_PUBLIC_RATE } from './public-route-throttle';
import { runWithTimeout } from './run-with-timeout';

/** A public route's body limit: a form post or webhook, not an upload (signed-in routes get 1 MB). */
export const PUBLIC_BODY_LIMIT = '64kb';
const WRITE_METHODS = new Set(['POST', 'PUT', 'PATCH']);

export interface PublicRoutesDeps extends InvokeRouteDeps {
  routes: readonly PluginRoute[];
}

const notConfigured = (plugin: string, why: string) =>
  new HttpError(503, 'plugin_not_configured', `Plugin "${plugin}" cannot serve this public route: ${why}`, [{ field: 'settings', rule: 'service-user', message: why, plugin }]);

/**
 * Declares the routes plugins made `{ public: true, verify, actAs }`: no sign-in, but only in this order — plugin enabled, rate limit per client
 * address, a small JSON body, the plugin's `verify` (failures counted towards a lock-out),
 * then the handler as the service user `actAs` names (active, and never an admin: least
 * privilege is the point). Every request is logged with its outcome.
 */
export function publicPluginRoutes(deps: PublicRoutesDeps): RouteDeclaration[] {
  const { knex, getState, logger, timeoutMs } = deps;
  const throttle = createPublicRouteThrottle(knex);

  return deps.routes.filter((r) => r.public).map((route): RouteDeclaration => ({
    method: route.method as HttpMethod,
    path: pluginRoutePath(route),
    action: 'public',
    body: 'raw',
    summary: `Public route of plugin ${route.plugin.name} (verified by the plugin)`,
    async handler(ctx, { params }) {
      const started = Date.now();
      const log = (status: number) => logger.info(`[${route.plugin.name}] public ${ctx.method} ${ctx.path} from ${ctx.ip}: ${status} in ${Date.now() - started} ms (request ${ctx.state.requestId})`);
      try {
        await serve(ctx, route.plugin, route, params);
        log(ctx.status);
      } catch (err) {
        log(isHttpError(err) ? err.status : 500);
        throw err;
      }
    },
  }));

  async function serve(ctx: AppContext, owner: PluginDefinition, route: PluginRoute, params: Record<string, string>) {
    const options = route.public!;
    const where = `${route.method} ${pluginRoutePath(route)}`;
    const state = (await readPluginStates(knex, getState().app.name)).get(owner.name);
    if (state?.enabled === false) throw notFound(`Plugin "${owner.name}" is disabled in this app`);
    const wait = await throttle.hit(where, ctx.ip, options.rateLimitPerMinute ?? DEFAULT_PUBLIC_RATE);
    if (wait > 0) {
      ctx.set('Retry-After', String(wait));
      throw new HttpError(429, 'too_many_requests', `Too many requests to ${where} from this address; try again in ${wait} s`);
    }
    await parseBody(ctx);
    const settings = settingsOf(owner, state);
    const call = { plugin: owner.name, where: `verify of ${where}`, requestId: ctx.state.requestId, timeoutMs, logger };
    const rawBody = (ctx.request as { rawBody?: string }).rawBody ?? '';
    const verified = await runWithTimeout(call, () => options.verify({ plugin: owner.name, settings, params, query: firstValues(ctx.query), headers: firstValues(ctx.headers), rawBody }));
    if (verified !== true) {
      await throttle.recordFailure(where, ctx.ip);
      throw new HttpError(401, 'verification_failed', `Plugin "${owner.name}" could not verify this request (a missing or wrong signature?); nothing was done`);
    }
    await throttle.recordSuccess(where, ctx.ip);
    const username = options.actAs(settings);
    if (typeof username !== 'string' || username === '') throw notConfigured(owner.name, 'no service user is set in its settings');
    const row: UserRow | undefined = await knex('tessera.users').where({ username, is_active: true }).first();
    if (!row) throw notConfigured(owner.name, `its service user "${username}" is not an active user`);
    const user = rowToAuthUser(row);
    if (user.roles.includes('admin')) throw notConfigured(owner.name, `its service user "${username}" is an administrator; give it a user with only the roles the route needs`);
    await invokePluginRoute(deps, ctx, route, user, settings, params);
  }

  /** JSON only, at most PUBLIC_BODY_LIMIT; the exact text is kept for the signature check. */
  async function parseBody(ctx: AppContext) {
    if (WRITE_METHODS.has(ctx.method)) await readJsonBody(ctx, PUBLIC_BODY_LIMIT);
  }
}
