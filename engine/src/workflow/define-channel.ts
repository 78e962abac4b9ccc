import type { ChannelDefinition } from './channel-types';

/** Declares a notification channel for `api.channels.register`; returns its argument, typed. */
export function defineChannel(def: ChannelDefinition): ChannelDefinition {
  return def;
}
