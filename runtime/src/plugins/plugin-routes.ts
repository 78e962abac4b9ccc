import { validatePluginSettings, type PluginDefinition } from '@tessera/engine';
import type { Knex } from 'knex';
import { notFound, validationFailed } from '../errors/http-error';
import type { Logger } from '../http/error-handler';
import type { AppContext } from '../http/http-types';
import { defineRoutes, type HttpMethod, type RouteDeclaration } from '../http/route-types';
import type { AppState } from '../meta/compile-app-state';
import { collectPluginRoutes, type PluginRoute } from './collect-plugin-routes';
import { invokePluginRoute } from './invoke-plugin-route';
import { servePluginPackage, withPackage, type PluginPackageDeps } from './plugin-package-routes';
import { settingsOf } from './create-record-hooks';
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
  /** After an admin turned a plugin on or off or changed its settings (the host re-reads its snapshot). */
  afterSwitch?(): Promise<void>;
}

/** Where a plugin route lives: `/api/plugins/<plugin name><its path>`. */
export const pluginRoutePath = (route: PluginRoute) => `/api/plugins/${route.plugin.name}${route.path.replace(/^\/*/, '/').replace(/\/+$/, '')}`;

/**
 * The plugin API: `/api/plugins` (which plugins are on), each plugin's signed-in routes under
 * `/api/plugins/<name>/` (a disabled plugin's routes are 404), the admin's `/api/_meta/plugins`
 * list, enable/disable switches and packages. Public plugin routes are declared by publicPluginRoutes.
 */
export function pluginRoutes(deps: PluginRoutesDeps): RouteDeclaration[] {
  const { knex, plugins, getState } = deps;
  const routes = deps.routes ?? collectPluginRoutes(plugins);
  const byName = new Map(plugins.map((p) => [p.name, p]));
  const pkg = (action: 'plan' | 'apply') => (ctx: AppContext, { params }: { params: Record<string, string> }) => servePluginPackage(deps, ctx, byName.get(params.name), params.name, action);

  return defineRoutes([
    { method: 'GET', path: '/api/_meta/plugins', action: 'admin', summary: "The app's plugins, their settings and packages", handler: (ctx) => listPlugins(ctx) },
    { method: 'POST', path: '/api/_meta/plugins/*name/enable', action: 'admin', summary: 'Turn a plugin on (with its settings)', handler: (ctx, { params }) => switchPlugin(ctx, params.name, true) },
    { method: 'POST', path: '/api/_meta/plugins/*name/disable', action: 'admin', summary: 'Turn a plugin off', handler: (ctx, { params }) => switchPlugin(ctx, params.name, false) },
    { method: 'GET', path: '/api/_meta/plugins/*name/package/plan', action: 'admin', summary: "Preview adding a plugin's entities", handler: pkg('plan') },
    { method: 'POST', path: '/api/_meta/plugins/*name/package/apply', action: 'admin', summary: "Add a plugin's entities to the app", handler: pkg('apply') },
    { method: 'GET', path: '/api/plugins', action: 'signed-in', summary: 'Which plugins are on', handler: (ctx) => listEnabled(ctx) },
    ...routes.filter((r) => !r.public).map((route): RouteDeclaration => ({
      method: route.method as HttpMethod,
      path: pluginRoutePath(route),
      action: 'signed-in',
      summary: `Route of plugin ${route.plugin.name}`,
      handler: (ctx, { params }) => serveRoute(ctx, route, params),
    })),
  ]);

  async function listPlugins(ctx: AppContext) {
    const states = await readPluginStates(knex, getState().app.name);
    ctx.body = { data: plugins.map((p) => ({ name: p.name, version: p.version, tessera: p.tessera ?? null, enabled: states.get(p.name)?.enabled !== false, settings: maskWriteOnly(p.settings, settingsOf(p, states.get(p.name))), ...withPackage(p, getState()) })) };
  }

  /** For any signed-in user: which plugins are on, so the browser shows only their panels and cards (no settings: those are the admin's). */
  async function listEnabled(ctx: AppContext) {
    const states = await readPluginStates(knex, getState().app.name);
    ctx.body = { data: plugins.map((p) => ({ name: p.name, version: p.version, enabled: states.get(p.name)?.enabled !== false })) };
  }

  async function switchPlugin(ctx: AppContext, name: string, enabled: boolean) {
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
    await deps.afterSwitch?.();
    // A package is never applied here: the answer points the admin at its plan (issue 9, no silent schema change).
    ctx.body = { data: { name, enabled, settings: maskWriteOnly(plugin.settings, settings), ...withPackage(plugin, getState()) } };
  }

  async function serveRoute(ctx: AppContext, route: PluginRoute, params: Record<string, string>) {
    const state = (await readPluginStates(knex, getState().app.name)).get(route.plugin.name);
    if (state?.enabled === false) throw notFound(`Plugin "${route.plugin.name}" is disabled in this app`);
    await invokePluginRoute(deps, ctx, route, ctx.state.user!, settingsOf(route.plugin, state), params);
  }
}
