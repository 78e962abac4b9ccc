import type { PluginDefinition } from '@tessera/engine';
import { requireAppPlugins } from './require-app-plugins';

/**
 * The plugin objects of an app: those app.json names (Node's require cache returns the very
 * objects the registry loaded) plus those the caller passed, without duplicates.
 */
export function appPlugins(names: readonly string[] | undefined, appDir: string | undefined, extra: readonly PluginDefinition[] = []): PluginDefinition[] {
  const given = new Set(extra.map((p) => p.name));
  return [...requireAppPlugins((names ?? []).filter((n) => !given.has(n)), appDir), ...extra];
}
