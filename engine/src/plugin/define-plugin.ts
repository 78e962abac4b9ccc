import type { PluginDefinition } from './plugin-types';

/** Declares a plugin; returns its argument, typed. */
export function definePlugin<T extends PluginDefinition>(def: T): T {
  return def;
}
