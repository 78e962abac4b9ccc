import type { PluginDefinition } from '@tessera/engine';
import type { Knex } from 'knex';
import type { Logger } from '../http/error-handler';
import type { AppContext } from '../http/http-types';
import type { RouteDeclaration } from '../http/route-types';
import type { AppState } from '../meta/compile-app-state';
import type { AppMigrations } from '../migrate/create-app-migrations';
import { createRecordHooks, settingsOf } from './create-record-hooks';
import { createPluginStateSnapshot } from './plugin-state-snapshot';
import { applyPluginMigrations, hasStore, pluginSchema, pluginStore } from './plugin-store';
import { storeInitialPluginSettings } from './initial-plugin-settings';
import { readPluginStates } from './plugin-state-store';
import { collectPluginRoutes, type PluginRoute } from './collect-plugin-routes';
import { pluginRoutes } from './plugin-routes';
import { publicPluginRoutes } from './public-plugin-routes';

/** How long one hook or plugin route may take before its operation fails with 504. */
export const DEFAULT_PLUGIN_TIMEOUT_MS = 2000;

export interface PluginHostOptions {
  knex: Knex;
  plugins: readonly PluginDefinition[];
  getState: () => AppState;
  logger: Logger & Pick<Console, 'info'>;
  timeoutMs?: number;
  /** The app's migrations, for applying a plugin's package (created after the host, hence a getter). */
  migrations?: () => AppMigrations;
  /** Checked initial settings from app.json, stored at start for plugins the app has no row for. */
  initialSettings?: ReadonlyMap<string, Record<string, unknown>>;
}

export interface PluginHost {
  /** The plugin API, plugins' own routes (signed-in and public) and the admin's plugin switches. */
  routes: RouteDeclaration[];
  /** The plugins' record hooks for one signed-in request (`ctx.state.hooks`); nothing without plugins. */
  bindHooks(ctx: AppContext): void;
  /** Creates `tessera.plugin_state`, stores app.json's initial settings where none are stored, then runs each plugin's `start`; a failing start stops the boot, naming the plugin. */
  start(): Promise<void>;
  /** Each started plugin's `stop`, in reverse order; failures are logged so every plugin gets its turn. */
  stop(): Promise<void>;
}

export function createPluginHost(opts: PluginHostOptions): PluginHost {
  const { knex, plugins, getState, logger } = opts;
  const started: PluginDefinition[] = [];
  const lifecycle = async (plugin: PluginDefinition) => ({
    plugin: plugin.name,
    settings: settingsOf(plugin, (await readPluginStates(knex, getState().app.name)).get(plugin.name)),
    log: { info: (m: string, ...r: unknown[]) => logger.info(`[${plugin.name}] ${m}`, ...r), error: (m: string, ...r: unknown[]) => logger.error(`[${plugin.name}] ${m}`, ...r) },
    ...(hasStore(plugin) ? { store: pluginStore(knex, pluginSchema(plugin.name, getState().app.name)) } : {}),
  });
  // Each plugin's `routes(router)` runs once, at start; the route table declares them all.
  // A bad route declaration (a public route without verify) fails `start`, inside the boot's clean-up.
  let routes: PluginRoute[] = [];
  let routeProblem: Error | undefined;
  try {
    routes = collectPluginRoutes(plugins);
  } catch (err) {
    routeProblem = err as Error;
  }
  const timeoutMs = opts.timeoutMs ?? DEFAULT_PLUGIN_TIMEOUT_MS;
  const snapshot = createPluginStateSnapshot(knex, () => getState().app.name);
  return {
    routes: [...publicPluginRoutes({ knex, routes, getState, logger, timeoutMs }), ...pluginRoutes({ ...opts, routes, timeoutMs, afterSwitch: snapshot.refresh })],
    bindHooks(ctx) {
      if (plugins.length === 0 || !ctx.state.user) return;
      const bound = { knex, plugins, state: getState(), user: ctx.state.user, requestId: ctx.state.requestId, logger, timeoutMs, snapshot: snapshot.current, fresh: snapshot.fresh };
      // Built on first use: reads never run record hooks, and building them cost a get by id ~2 % of its CPU.
      let hooks: ReturnType<typeof createRecordHooks> | undefined;
      Object.defineProperty(ctx.state, 'hooks', { configurable: true, enumerable: true, get: () => (hooks ??= createRecordHooks(bound)) });
    },
    async start() {
      if (routeProblem) throw routeProblem;
      // Before any `start`, so a plugin's first start already sees the app's settings.
      if (opts.initialSettings) await storeInitialPluginSettings(knex, getState().app.name, opts.initialSettings);
      await snapshot.refresh();
      // The plugins' own tables before any plugin runs (their hooks, routes and jobs use them).
      await applyPluginMigrations(knex, plugins, getState().app.name);
      for (const plugin of plugins) {
        if (plugin.start) {
          try {
            await plugin.start(await lifecycle(plugin));
          } catch (err) {
            throw new Error(`Plugin "${plugin.name}" failed to start: ${(err as Error).message}`);
          }
        }
        started.push(plugin);
      }
    },
    async stop() {
      for (const plugin of started.splice(0).reverse()) {
        try {
          await plugin.stop?.(await lifecycle(plugin));
        } catch (err) {
          logger.error(`Plugin "${plugin.name}" failed to stop:`, err);
        }
      }
    },
  };
}
