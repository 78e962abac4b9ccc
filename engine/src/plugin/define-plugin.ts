import type { PluginDefinition } from './plugin-types';

/**
 * Declares a plugin; returns its argument, typed. `Records` (e.g. the `TesseraRecords` that
 * `tessera types` writes) types each entity's hooks and `ctx.records(entity)`.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function definePlugin<Records = any>(def: PluginDefinition<Records>): PluginDefinition<Records> {
  return def;
}
