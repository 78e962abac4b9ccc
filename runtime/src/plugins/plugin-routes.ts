import { validatePluginSettings, type PluginDefinition } from '@tessera/engine';
import type { Knex } from 'knex';
import { requireAccess } from '../auth/authorize';
import { HttpError, notFound, validationFailed } from '../errors/http-error';
import type { Logger } from '../http/error-handler';
import type { AppContext, AppMiddleware } from '../http/http-types';
import type { AppState } from '../meta/compile-app-state';
import { collectPluginRoutes, ownerOf, paramsOf, type PluginRoute } from './collect-plugin-routes';
import { invokePluginRoute } from './invoke-plugin-route';
import { PACKAGE_PATH, servePluginPackage, withPackage, type PluginPackageDeps } from './plugin-package-routes';
import { createRecordHooks, settingsOf } from './create-record-hooks';
import { keepWriteOnly, maskWriteOnly } from './mask-write-only';
import { readPluginStates, writePluginState } from './plugin-state-store';

export interface PluginRoutesDeps extends PluginPackageDeps {
  knex: Knex;
  plugins: readonly PluginDefinition[];
  getState: () => AppState;
  logger: Logger & Pick<Console, 'info'>;
  timeoutMs: number;
  /** The routes plugins declared, collected once by the host. */
  routes?: readonly PluginRoute[];
}

const PREFIX = '/api/plugins/';
const SWITCH = /^\/api\/_meta\/plugins\/(.+)\/(enable|disable)$/;

/**
 * Mounted past authentication: gives each request its plugin hooks (`ctx.state.hooks`), serves
 * plugin routes under `/api/plugins/<name>/` (signed-in users; a disabled plugin's routes are
 * 404) and the admin's `/api/_meta/plugins` list and enable/disable switches.
 */
export function pluginRoutes(deps: PluginRoutesDeps): AppMiddleware {
  const { knex, plugins, getState, logger, timeoutMs } = deps;
  const routes = deps.routes ?? collectPluginRoutes(plugins);
  const byName = new Map(plugins.map((p) => [p.name, p]));

  return async (ctx, next) => {
    const user = ctx.state.user;
    if (!user) return next();
    if (plugins.length > 0) ctx.state.hooks = createRecordHooks({ knex, plugins, state: getState(), user, requestId: ctx.state.requestId, logger, timeoutMs });
    if (ctx.path === '/api/_meta/plugins' && ctx.method === 'GET') return listPlugins(ctx);
    const toggle = SWITCH.exec(ctx.path);
    if (toggle) return switchPlugin(ctx, decodeURIComponent(toggle[1]), toggle[2] === 'enable');
    const pkg = PACKAGE_PATH.exec(ctx.path);
    if (pkg) return servePluginPackage(deps, ctx, byName.get(decodeURIComponent(pkg[1])), decodeURIComponent(pkg[1]), pkg[2] as 'plan' | 'apply');
    if (ctx.path === '/api/plugins' && ctx.method === 'GET') return listEnabled(ctx);
    if (ctx.path.startsWith(PREFIX)) return serveRoute(ctx);
    return next();
  };

  async function listPlugins(ctx: AppContext) {
    requireAccess(ctx, 'admin');
    const states = await readPluginStates(knex, getState().app.name);
    ctx.body = { data: plugins.map((p) => ({ name: p.name, version: p.version, tessera: p.tessera ?? null, enabled: states.get(p.name)?.enabled !== false, settings: maskWriteOnly(p.settings, settingsOf(p, states.get(p.name))), ...withPackage(p, getState()) })) };
  }

  /** For any signed-in user: which plugins are on, so the browser shows only their panels and cards (no settings: those are the admin's). */
  async function listEnabled(ctx: AppContext) {
    const states = await readPluginStates(knex, getState().app.name);
    ctx.body = { data: plugins.map((p) => ({ name: p.name, version: p.version, enabled: states.get(p.name)?.enabled !== false })) };
  }

  async function switchPlugin(ctx: AppContext, name: string, enabled: boolean) {
    if (ctx.method !== 'POST') throw new HttpError(405, 'method_not_allowed', `${ctx.method} is not allowed here; use POST`);
    requireAccess(ctx, 'admin');
    const plugin = byName.get(name);
    if (!plugin) throw notFound(`No plugin "${name}" is loaded in this app`);
    const app = getState().app.name;
    const body = (ctx.request.body ?? {}) as { settings?: unknown };
    const current = (await readPluginStates(knex, app)).get(name);
    let settings = settingsOf(plugin, current);
    if (enabled && body.settings !== undefined) {
      // Secrets come back masked in the list; saving that list must not store the mask.
      const checked = validatePluginSettings(plugin, keepWriteOnly(plugin.settings, body.settings, current?.settings));
      if (!checked.ok) throw validationFailed(checked.errors);
      settings = checked.value;
    }
    await writePluginState(knex, app, name, { enabled, settings }, ctx.state.user!.id);
    // A package is never applied here: the answer points the admin at its plan (issue 9, no silent schema change).
    ctx.body = { data: { name, enabled, settings: maskWriteOnly(plugin.settings, settings), ...withPackage(plugin, getState()) } };
  }

  async function serveRoute(ctx: AppContext) {
    const rest = ctx.path.slice(PREFIX.length);
    const owner = ownerOf(plugins, rest);
    if (!owner) throw notFound(`No plugin serves ${ctx.path}`);
    const sub = rest.slice(owner.name.length) || '/';
    // Public routes were answered before authentication (publicPluginRoutes); only signed-in ones are left.
    const candidates = routes.filter((r) => r.plugin === owner && !r.public && r.pattern.test(sub));
    const route = candidates.find((r) => r.method === ctx.method);
    if (!route) {
      if (candidates.length === 0) throw notFound(`Plugin "${owner.name}" has no route ${sub}`);
      throw new HttpError(405, 'method_not_allowed', `${ctx.method} is not allowed here; use ${candidates.map((r) => r.method).join(', ')}`);
    }
    const state = (await readPluginStates(knex, getState().app.name)).get(owner.name);
    if (state?.enabled === false) throw notFound(`Plugin "${owner.name}" is disabled in this app`);
    await invokePluginRoute(deps, ctx, route, ctx.state.user!, settingsOf(owner, state), paramsOf(route, sub));
  }
}
