import type { ChannelDefinition } from './channel-types';
import type { WorkflowRegistry } from './workflow-registry';

const PLUGIN_NAME = /^[a-z][a-z0-9-]*:[a-zA-Z][a-zA-Z0-9-]*$/;

/** The `guards`/`actions`/`channels` part of a plugin's register api: plugin names must be `<plugin>:<id>`. */
export function workflowPluginApi(pluginName: string, registry: WorkflowRegistry) {
  const checked = <T extends { name: string }>(kind: string, register: (def: T) => void) => (def: T) => {
    if (!PLUGIN_NAME.test(def.name)) throw new Error(`Plugin "${pluginName}" registers the ${kind} "${def.name}": plugin ${kind}s must be named "<plugin>:<id>", e.g. "crm:hasAmount"`);
    register(def);
  };
  return {
    guards: { register: checked('guard', registry.guards.register) },
    actions: { register: checked('action', registry.actions.register) },
    channels: { register: (def: ChannelDefinition) => registry.channels.register(pluginName, def) },
  };
}
