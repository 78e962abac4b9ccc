import { createFieldTypeRegistry, loadPlugins, validateAppWithRegistry, type FieldTypeRegistry, type PluginDefinition, type WorkflowRegistry } from '@tessera/engine';
import { serverBuiltinFieldTypes } from '@tessera/engine/server';
import { appPluginNames, parseAppFiles, type AppDefinition, type MetadataError } from '@tessera/metadata';
import { requireAppPlugins } from '../plugins/require-app-plugins';
import { readAppDir } from './read-app-dir';

export type LoadedApp = { ok: true; app: AppDefinition; registry: FieldTypeRegistry } | { ok: false; errors: MetadataError[] };

/** The plugin names app.json lists, read leniently: a broken app.json is reported by parseAppFiles. */
function pluginNamesOf(appJson: string): string[] {
  try {
    const plugins = (JSON.parse(appJson) as { plugins?: unknown }).plugins;
    // Names or { name, settings } entries (ADR 0024); anything else is left to parseAppFiles to report.
    return Array.isArray(plugins) ? appPluginNames(plugins) : [];
  } catch {
    return [];
  }
}

/** A registry with the built-in field types, the plugins app.json names and `extra` plugins. */
export function createAppRegistry(
  pluginNames: readonly string[],
  appDir: string | undefined,
  extra: readonly PluginDefinition[] = [],
  // Receives the plugins' workflow guards and actions (issue 6); a throwaway one when omitted.
  workflows?: WorkflowRegistry,
): FieldTypeRegistry {
  // The server's built-ins: their `toDb` (rich text sanitized) runs on every write.
  const registry = createFieldTypeRegistry(serverBuiltinFieldTypes);
  const given = new Set(extra.map((p) => p.name));
  loadPlugins([...requireAppPlugins(pluginNames.filter((name) => !given.has(name)), appDir), ...extra], registry, workflows);
  return registry;
}

/**
 * Reads an app folder, loads the plugins it names (their field types count as known), and
 * validates it; every error carries file:line:column.
 */
export async function loadAppDir(appDir: string, extraPlugins: readonly PluginDefinition[] = [], workflows?: WorkflowRegistry, pluginNames?: readonly string[]): Promise<LoadedApp> {
  const files = await readAppDir(appDir);
  // `pluginNames` replaces app.json's list (RuntimeOptions.appPlugins).
  const registry = createAppRegistry(pluginNames ?? pluginNamesOf(files[0].text), appDir, extraPlugins, workflows);
  const parsed = parseAppFiles(files, { fieldTypes: registry.toKnownFieldTypes() });
  if (!parsed.ok) return { ok: false, errors: parsed.errors };
  // Field-type checks (keywords a type ignores, bad defaults) come after; they report pointers.
  const checked = validateAppWithRegistry(parsed.value, registry);
  return checked.ok ? { ok: true, app: checked.value, registry } : { ok: false, errors: checked.errors };
}
