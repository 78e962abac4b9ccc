import { IN_APP_CHANNEL, type ChannelRegistry, type PluginDefinition } from '@tessera/engine';
import type { Knex } from 'knex';
import { settingsOf } from '../plugins/create-record-hooks';
import { readPluginStates } from '../plugins/plugin-state-store';

/** Channels an approval decision goes out on besides the inbox, when the app has them working. */
const WANTED = ['email'];

/**
 * In-app always; email when a plugin provides it, is enabled in this app and its settings are
 * complete — so an app without mail never collects dead letters for every decision.
 */
export function submitterChannels(channels: ChannelRegistry, plugins: readonly PluginDefinition[], appName: () => string): (db: Knex) => Promise<string[]> {
  // `db`: the decision's transaction — on PGlite's one connection a read beside it would wait for it forever.
  return async (db) => {
    const found = WANTED.map((name) => ({ name, registered: channels.get(name) })).filter((c) => c.registered);
    if (found.length === 0) return [IN_APP_CHANNEL];
    const states = await readPluginStates(db, appName());
    const working = found.filter(({ registered }) => {
      const stored = states.get(registered!.plugin);
      if (stored?.enabled === false) return false;
      const plugin = plugins.find((p) => p.name === registered!.plugin);
      const settings = plugin ? settingsOf(plugin, stored) : (stored?.settings ?? {});
      return !registered!.definition.configurationProblem?.(settings);
    });
    return [IN_APP_CHANNEL, ...working.map((c) => c.name)];
  };
}
