import type { PluginDefinition, PluginRouteHandler, PluginRouteOptions, PublicRouteOptions } from '@tessera/engine';

export interface PluginRoute {
  plugin: PluginDefinition;
  method: string;
  /** As the plugin wrote it (`/items/:id`), below `/api/plugins/<name>`. */
  path: string;
  handler: PluginRouteHandler<unknown>;
  /** Set for a route anyone may call: its verification and service user (see publicPluginRoutes). */
  public?: PublicRouteOptions;
}

const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;

/**
 * A public route must bring its own proof of origin and name its service user: a route that
 * forgot either would answer anyone as nobody in particular, so the app refuses to start.
 */
function publicOptions(plugin: PluginDefinition, where: string, options: PluginRouteOptions | undefined): PublicRouteOptions | undefined {
  if (options === undefined || (options as { public?: unknown }).public === undefined || (options as { public?: unknown }).public === false) return undefined;
  const fail = (why: string) => new Error(`Plugin "${plugin.name}" has a public route ${where} ${why}`);
  if (options.public !== true) throw fail('whose "public" is not true or false');
  if (typeof options.verify !== 'function') throw fail('without a verify function: a public route must check its caller (e.g. an HMAC signature of the body)');
  if (typeof options.actAs !== 'function') throw fail('without an actAs function naming the service user it acts as (from the plugin settings)');
  const limit = options.rateLimitPerMinute;
  if (limit !== undefined && !(Number.isInteger(limit) && limit > 0)) throw fail(`whose rateLimitPerMinute ${String(limit)} is not a positive whole number`);
  return options;
}

/** Calls each plugin's `routes(router)` once, at start, and keeps what they declared. */
export function collectPluginRoutes(plugins: readonly PluginDefinition[]): PluginRoute[] {
  const routes: PluginRoute[] = [];
  for (const plugin of plugins) {
    if (!plugin.routes) continue;
    const router = Object.fromEntries(
      METHODS.map((m) => [m, (path: string, handler: PluginRouteHandler<unknown>, options?: PluginRouteOptions) => {
        const method = m.toUpperCase();
        routes.push({ plugin, method, path, handler, public: publicOptions(plugin, `${method} ${path}`, options) });
      }]),
    );
    plugin.routes(router as never);
  }
  return routes;
}
