import type { Knex } from 'knex';

export interface PluginState {
  enabled: boolean;
  settings: Record<string, unknown>;
}

const table = (db: Knex | Knex.Transaction) => db.withSchema('tessera').table('plugin_state');

/** Each app's on/off switch and settings per plugin; a plugin with no row is on, with default settings. */
export const PLUGIN_STATE_DDL: readonly string[] = [
  `create table if not exists tessera.plugin_state (
    app text not null,
    plugin text not null,
    enabled boolean not null,
    settings jsonb not null default '{}'::jsonb,
    updated_at timestamptz not null default now(),
    updated_by uuid,
    primary key (app, plugin)
  )`,];

/**
 * Read per request rather than cached: every process of the app sees an enable/disable at
 * its next request, with no restart and no invalidation message to lose.
 */
export async function readPluginStates(db: Knex | Knex.Transaction, app: string): Promise<Map<string, PluginState>> {
  const rows: { plugin: string; enabled: boolean; settings: unknown }[] = await table(db).where({ app }).select('plugin', 'enabled', 'settings');
  return new Map(rows.map((r) => [r.plugin, { enabled: r.enabled, settings: (typeof r.settings === 'string' ? JSON.parse(r.settings) : r.settings) as Record<string, unknown> }]));
}

export async function writePluginState(knex: Knex, app: string, plugin: string, state: PluginState, userId: string): Promise<void> {
  await table(knex)
    .insert({ app, plugin, enabled: state.enabled, settings: JSON.stringify(state.settings), updated_by: userId })
    .onConflict(['app', 'plugin'])
    .merge(['enabled', 'settings', 'updated_at', 'updated_by']);
}

/** A row for `plugin` unless the app has one; `updated_by` stays null: nobody chose it, app.json did. */
export async function insertPluginStateIfAbsent(knex: Knex, app: string, plugin: string, state: PluginState): Promise<void> {
  await table(knex).insert({ app, plugin, enabled: state.enabled, settings: JSON.stringify(state.settings) }).onConflict(['app', 'plugin']).ignore();
}
