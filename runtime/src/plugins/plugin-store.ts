import type { PluginDefinition, PluginStore } from '@tessera/engine';
import type { Knex } from 'knex';

/** `@tessera/plugin-dedup` in app `crm` → `plugin_dedup_crm`: a plain identifier (spliced into SQL text). */
export function pluginSchema(plugin: string, app: string): string {
  const short = plugin.replace(/^@[^/]+\//, '').replace(/^plugin-/, '');
  return `plugin_${short}_${app}`.toLowerCase().replace(/[^a-z0-9_]/g, '_').slice(0, 63);
}

/** The store a plugin's contexts carry: SQL on `db` (the write's transaction inside before-hooks). */
export function pluginStore(db: Knex | Knex.Transaction, schema: string): PluginStore {
  return {
    schema,
    async raw(sql, bindings = []) {
      const result = (await db.raw(sql, bindings as readonly Knex.RawBinding[])) as { rows?: Record<string, unknown>[] };
      return { rows: result.rows ?? [] };
    },
  };
}

/** Whether the plugin keeps tables of its own (then its contexts get `store`). */
export const hasStore = (plugin: PluginDefinition) => (plugin.migrations?.length ?? 0) > 0;

/**
 * Creates each plugin's schema and applies the migrations it has not recorded for this app, in
 * order, in one transaction under the bootstrap lock (several processes starting at once take
 * turns); a failure names the plugin and leaves everything as it was.
 */
export async function applyPluginMigrations(knex: Knex, plugins: readonly PluginDefinition[], app: string): Promise<void> {
  const withTables = plugins.filter(hasStore);
  if (withTables.length === 0) return;
  await knex.transaction(async (trx) => {
    await trx.raw('select pg_advisory_xact_lock(hashtext(?))', ['tessera:bootstrap']);
    for (const plugin of withTables) {
      const schema = pluginSchema(plugin.name, app);
      const done = new Set((await trx('tessera.plugin_migrations').where({ plugin: plugin.name, app }).select('name')).map((r: { name: string }) => r.name));
      const pending = plugin.migrations!.filter((m) => !done.has(m.name));
      if (pending.length === 0) continue;
      await trx.raw('create schema if not exists ??', [schema]);
      for (const migration of pending) {
        try {
          for (const sql of migration.up({ schema })) await trx.raw(sql);
        } catch (err) {
          throw new Error(`Plugin "${plugin.name}" could not apply its migration ${migration.name}: ${(err as Error).message}`);
        }
        await trx('tessera.plugin_migrations').insert({ plugin: plugin.name, app, name: migration.name });
      }
    }
  });
}
