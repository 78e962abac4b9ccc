import type { PluginDefinition, PluginRouteHandler } from '@tessera/engine';

export interface PluginRoute {
  plugin: PluginDefinition;
  method: string;
  path: string;
  pattern: RegExp;
  params: string[];
  handler: PluginRouteHandler<unknown>;
}

const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;

/** `/items/:id` → a regex over the path below the plugin's prefix, and the parameter names. */
function compilePath(path: string): { pattern: RegExp; params: string[] } {
  const params: string[] = [];
  const body = path
    .replace(/^\/*/, '/')
    .replace(/\/+$/, '')
    .split('/')
    .map((part) => (part.startsWith(':') ? (params.push(part.slice(1)), '([^/]+)') : part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
    .join('/');
  return { pattern: new RegExp(`^${body}/?$`), params };
}

/** Calls each plugin's `routes(router)` once, at start, and keeps what they declared. */
export function collectPluginRoutes(plugins: readonly PluginDefinition[]): PluginRoute[] {
  const routes: PluginRoute[] = [];
  for (const plugin of plugins) {
    if (!plugin.routes) continue;
    const router = Object.fromEntries(
      METHODS.map((m) => [m, (path: string, handler: PluginRouteHandler<unknown>) => routes.push({ plugin, method: m.toUpperCase(), path, handler, ...compilePath(path) })]),
    );
    plugin.routes(router as never);
  }
  return routes;
}
