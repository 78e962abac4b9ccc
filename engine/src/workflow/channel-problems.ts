import type { ChannelRegistry } from './channel-registry';

/**
 * The channels a notify action's params name that nothing provides, with their index: checked
 * at publish, so a workflow never waits on a channel whose plugin is missing from app.json.
 */
export function unknownChannels(params: unknown, channels: ChannelRegistry): { index: number; name: string }[] {
  const named = (params as { channels?: unknown } | undefined)?.channels;
  if (!Array.isArray(named)) return [];
  const known = new Set(channels.names());
  return named.flatMap((name, index) => (typeof name === 'string' && !known.has(name) ? [{ index, name }] : []));
}
