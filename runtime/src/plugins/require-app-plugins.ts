import { createRequire } from 'node:module';
import path from 'node:path';
import type { PluginDefinition } from '@tessera/engine';

const isPlugin = (value: unknown): value is PluginDefinition =>
  typeof value === 'object' && value !== null && typeof (value as PluginDefinition).name === 'string';

/**
 * Loads the server side of each plugin the app names, by package name, resolved from the
 * app's folder (its own node_modules / workspace). The runtime never imports plugins itself:
 * the app composes them (docs/architecture.md).
 */
export function requireAppPlugins(names: readonly string[], appDir: string | undefined): PluginDefinition[] {
  const require = createRequire(path.join(path.resolve(appDir ?? process.cwd()), 'package.json'));
  return names.map((name) => {
    let mod: Record<string, unknown>;
    try {
      mod = require(name) as Record<string, unknown>;
    } catch (err) {
      throw new Error(`Plugin "${name}" named in app.json could not be loaded from ${appDir ?? process.cwd()}: ${(err as Error).message}`);
    }
    const plugin = [mod.default, mod.plugin, mod].find(isPlugin);
    if (!plugin) throw new Error(`Plugin "${name}" does not export a plugin definition (definePlugin({ name, version, register }))`);
    return plugin;
  });
}
