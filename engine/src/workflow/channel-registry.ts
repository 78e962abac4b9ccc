import { IN_APP_CHANNEL, type ChannelDefinition, type RegisteredChannel } from './channel-types';

const CHANNEL_NAME = /^[a-z][a-zA-Z0-9-]*(:[a-z][a-zA-Z0-9-]*)?$/;

export interface ChannelRegistry {
  /** Adds a plugin's channel; loud on a bad or taken name, so one name never means two channels. */
  register(plugin: string, def: ChannelDefinition): void;
  get(name: string): RegisteredChannel | undefined;
  /** Every name the notify action accepts: `inApp` first, then the registered ones. */
  names(): string[];
}

export function createChannelRegistry(): ChannelRegistry {
  const byName = new Map<string, RegisteredChannel>();
  return {
    register(plugin, def) {
      if (!CHANNEL_NAME.test(def.name)) {
        throw new Error(`Plugin "${plugin}" registers the channel "${def.name}": a channel is named "<plugin>:<id>" or a short lowercase name such as "email"`);
      }
      if (def.name === IN_APP_CHANNEL) throw new Error(`Plugin "${plugin}" registers the channel "${IN_APP_CHANNEL}", which the runtime provides`);
      const owner = byName.get(def.name)?.plugin;
      if (owner) throw new Error(`Plugin "${plugin}" registers the channel "${def.name}", which ${owner === plugin ? 'it already registered' : `"${owner}" already provides`}`);
      if (typeof def.send !== 'function') throw new Error(`Plugin "${plugin}" registers the channel "${def.name}" without a send(message, ctx) function`);
      byName.set(def.name, { plugin, definition: def });
    },
    get: (name) => byName.get(name),
    names: () => [IN_APP_CHANNEL, ...byName.keys()],
  };
}
