import { appPluginNames } from '../app/app-plugins';
import { metadataError } from './metadata-error';
import type { MetadataError } from './validation-types';

/**
 * A plugin may be listed once, whether by name or as `{ name, settings }`: two entries would
 * leave it unclear which initial settings count. (The meta-schema checks each entry's shape.)
 */
export function checkPlugins(app: unknown): MetadataError[] {
  const plugins = typeof app === 'object' && app !== null ? (app as { plugins?: unknown }).plugins : undefined;
  if (!Array.isArray(plugins)) return [];
  const seen = new Set<string>();
  const errors: MetadataError[] = [];
  plugins.forEach((entry, i) => {
    const [name] = appPluginNames([entry]);
    if (name === undefined) return;
    if (seen.has(name)) {
      errors.push(metadataError('duplicate-plugin', `/plugins/${i}`, `The plugin "${name}" is listed twice in the plugin list.`, 'List each plugin once: either its name, or { "name": …, "settings": { … } } with its initial settings.'));
    }
    seen.add(name);
  });
  return errors;
}
