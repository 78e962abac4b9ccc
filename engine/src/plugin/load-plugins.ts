import type { FieldTypeRegistry } from '../field-types/field-type-registry';
import type { FieldTypeDefinition } from '../field-types/field-type-types';
import { workflowPluginApi } from '../workflow/workflow-plugin-api';
import { createWorkflowRegistry, type WorkflowRegistry } from '../workflow/workflow-registry';
import { checkPlugin } from './check-plugin';
import type { PluginDefinition, PluginRegisterApi } from './plugin-types';

const PLUGIN_TYPE_NAME = /^[a-z][a-z0-9-]*:[a-z][a-z0-9-]*$/;

/**
 * Runs each plugin's `register` once against `registry`. Fails loudly, naming the plugin,
 * on a duplicate plugin, a duplicate field type, a type name without a `<plugin>:` prefix,
 * a Tessera range it does not support, a broken settings schema or an unknown hook:
 * a half-loaded app is worse than one that refuses to start.
 */
export function loadPlugins(
  plugins: readonly PluginDefinition[],
  registry: FieldTypeRegistry,
  // Where plugin guards/actions go; callers that run no workflows (designer preview) may omit it.
  workflows: WorkflowRegistry = createWorkflowRegistry(),
): void {
  const seen = new Set<string>();
  for (const plugin of plugins) {
    if (seen.has(plugin.name)) throw new Error(`Plugin "${plugin.name}" is loaded twice`);
    seen.add(plugin.name);
    checkPlugin(plugin);
    const api: PluginRegisterApi = {
      fieldTypes: { register: (def) => registerPluginFieldType(plugin, def, registry) },
      ...workflowPluginApi(plugin.name, workflows),
    };
    plugin.register?.(api);
  }
}

function registerPluginFieldType(plugin: PluginDefinition, def: FieldTypeDefinition, registry: FieldTypeRegistry): void {
  if (!PLUGIN_TYPE_NAME.test(def.name)) {
    throw new Error(
      `Plugin "${plugin.name}" registers field type "${def.name}": plugin field types must be named "<plugin>:<id>" in lowercase, e.g. "rating:stars"`,
    );
  }
  if (registry.has(def.name)) {
    throw new Error(`Plugin "${plugin.name}" registers field type "${def.name}", which is already registered`);
  }
  registry.register(def);
}
