import type { PluginDefinition } from '@tessera/engine';
import type { Knex } from 'knex';
import type { Logger } from '../http/error-handler';
import type { AppMiddleware } from '../http/http-types';
import type { AppState } from '../meta/compile-app-state';
import { settingsOf } from './create-record-hooks';
import { ensurePluginSchema, readPluginStates } from './plugin-state-store';
import { pluginRoutes } from './plugin-routes';

/** How long one hook or plugin route may take before its operation fails with 504. */
export const DEFAULT_PLUGIN_TIMEOUT_MS = 2000;

export interface PluginHostOptions {
  knex: Knex;
  plugins: readonly PluginDefinition[];
  getState: () => AppState;
  logger: Logger & Pick<Console, 'info'>;
  timeoutMs?: number;
}

export interface PluginHost {
  middleware: AppMiddleware;
  /** Creates `tessera.plugin_state`, then runs each plugin's `start`; a failing start stops the boot, naming the plugin. */
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
  });
  return {
    middleware: pluginRoutes({ ...opts, timeoutMs: opts.timeoutMs ?? DEFAULT_PLUGIN_TIMEOUT_MS }),
    async start() {
      await ensurePluginSchema(knex);
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
