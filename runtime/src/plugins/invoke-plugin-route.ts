import type { Knex } from 'knex';
import type { AuthUser } from '../auth/auth-types';
import type { Logger } from '../http/error-handler';
import type { AppContext } from '../http/http-types';
import type { AppState } from '../meta/compile-app-state';
import type { PluginRoute } from './collect-plugin-routes';
import { createPluginRecords } from './create-plugin-records';
import { hasStore, pluginSchema, pluginStore } from './plugin-store';
import { runWithTimeout } from './run-with-timeout';

export interface InvokeRouteDeps {
  knex: Knex;
  getState: () => AppState;
  logger: Logger & Pick<Console, 'info'>;
  timeoutMs: number;
}

/** Headers and query with one string per name (the first of a repeated one), as plugins see them. */
export const firstValues = (values: Record<string, string | string[] | undefined>): Record<string, string> =>
  Object.fromEntries(Object.entries(values).map(([k, v]) => [k, Array.isArray(v) ? v[0] : (v ?? '')]));

/**
 * Runs one plugin route handler for `user` (the signed-in caller, or a public route's service
 * user) under the plugin timeout, and writes its answer to the response.
 */
export async function invokePluginRoute(deps: InvokeRouteDeps, ctx: AppContext, route: PluginRoute, user: AuthUser, settings: Record<string, unknown>, params: Record<string, string>): Promise<void> {
  const { knex, getState, logger, timeoutMs } = deps;
  const plugin = route.plugin.name;
  const requestId = ctx.state.requestId;
  const result = await runWithTimeout({ plugin, where: `${ctx.method} ${route.path}`, requestId, timeoutMs, logger }, () =>
    route.handler({
      plugin,
      settings,
      user: { id: user.id, username: user.username, roles: [...user.roles] },
      requestId,
      records: createPluginRecords({ knex, state: getState(), user, requestId }),
      ...(hasStore(route.plugin) ? { store: pluginStore(knex, pluginSchema(plugin, getState().app.name)) } : {}),
      log: { info: (m, ...r) => logger.info(`[${plugin}] ${m}`, ...r), error: (m, ...r) => logger.error(`[${plugin}] ${m}`, ...r) },
      params,
      query: firstValues(ctx.query),
      body: ctx.request.body,
      headers: firstValues(ctx.headers),
      rawBody: (ctx.request as { rawBody?: string }).rawBody,
    }),
  );
  ctx.status = result?.status ?? 200;
  if (result?.body !== undefined) ctx.body = result.body;
}
