import type { AppState } from '../meta/compile-app-state';
import { routeActions, routeTokenScope, type RouteDeclaration } from './route-types';

type Operation = Record<string, unknown>;
type Doc = { paths: Record<string, Record<string, unknown>> };

/** `/api/:plural/:id/transitions/:event` → `/api/customers/{id}/transitions/{event}` for one entity's plural. */
const openApiPath = (path: string, plural?: string) => path.replace(/:plural/g, plural ?? ':plural').replace(/[:*]([A-Za-z]+)/g, '{$1}');

/** Who may call an operation, as the route declares it: the permission and the token scope. */
function permissionOf(route: RouteDeclaration) {
  const actions = routeActions(route);
  return {
    'x-permission': actions.length > 0 ? { anyOf: actions, scope: route.entity && route.record ? route.record : undefined } : route.action,
    'x-token-scope': routeTokenScope(route) ?? null,
  };
}

/**
 * The OpenAPI document with every declared route in it: operations the engine describes in
 * full keep their description and gain the declared permission; routes it does not describe
 * (plugin routes, capabilities, and whatever is declared next) get a plain operation, so the
 * document can never miss a route the server answers.
 */
export function withDeclaredRoutes<T extends Doc>(doc: T, routes: readonly RouteDeclaration[], state: AppState): T {
  for (const route of routes) {
    const plurals = route.entity ? [...state.byPlural.entries()].filter(([, e]) => route.appliesTo?.(e, state) ?? true).map(([p]) => p) : [undefined];
    for (const plural of plurals) {
      const path = openApiPath(route.path, plural);
      const item = (doc.paths[path] ??= {});
      const method = route.method.toLowerCase();
      const params = [...path.matchAll(/\{([A-Za-z]+)\}/g)].map((m) => ({ name: m[1], in: 'path', required: true, schema: { type: 'string' } }));
      const existing = item[method] as Operation | undefined;
      item[method] = existing
        ? { ...existing, ...permissionOf(route) }
        : {
            summary: route.summary,
            tags: [plural ?? path.split('/')[2] ?? 'api'],
            ...(params.length > 0 && !item.parameters ? { parameters: params } : {}),
            ...(route.action === 'public' ? { security: [] } : {}),
            ...permissionOf(route),
            responses: { default: { description: 'The answer, or an error envelope `{ error: { code, message, details? } }`' } },
          };
    }
  }
  return doc;
}
