import { validatePluginSettings, type PluginDefinition } from '@tessera/engine';
import type { Knex } from 'knex';
import { insertPluginStateIfAbsent } from './plugin-state-store';

/**
 * app.json may give a plugin initial settings (`{ "name": …, "settings": { … } }`, ADR 0024).
 * They are checked against the plugin's own schema before the app serves anything, so a typo
 * in app.json stops the start with the plugin and the setting's path instead of surfacing as
 * a hook that silently does nothing. Entries for plugins this process does not load (a bench
 * that runs without them) are ignored. Returns the settings with the schema's defaults filled in.
 */
export function checkInitialPluginSettings(plugins: readonly PluginDefinition[], given: ReadonlyMap<string, Record<string, unknown>>): Map<string, Record<string, unknown>> {
  const out = new Map<string, Record<string, unknown>>();
  const problems: string[] = [];
  for (const plugin of plugins) {
    const settings = given.get(plugin.name);
    if (settings === undefined) continue;
    const checked = validatePluginSettings(plugin, settings);
    if (checked.ok) out.set(plugin.name, checked.value);
    else problems.push(...checked.errors.map((e) => `Plugin "${plugin.name}": the initial setting ${e.field} in app.json ${e.message} (rule ${e.rule}) — 插件 "${plugin.name}" 在 app.json 中的初始设置 ${e.field} 无效`));
  }
  if (problems.length > 0) throw new Error(`The app's plugin settings are not valid:\n${problems.join('\n')}`);
  return out;
}

/**
 * Stores the initial settings of each plugin the app has no row for yet (first start, or a
 * plugin newly added to app.json). A row that exists — an admin's change, or an earlier
 * start's initial settings — is never touched: stored settings always win.
 */
export async function storeInitialPluginSettings(knex: Knex, app: string, settings: ReadonlyMap<string, Record<string, unknown>>): Promise<void> {
  for (const [plugin, value] of settings) await insertPluginStateIfAbsent(knex, app, plugin, { enabled: true, settings: value });
}
