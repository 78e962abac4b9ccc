import type { Knex } from 'knex';
import { readPluginStates, type PluginState } from './plugin-state-store';

export interface PluginStateSnapshot {
  /** The last states read (undefined before the first read); an older than `ttlMs` snapshot starts a re-read in the background. */
  current(): ReadonlyMap<string, PluginState> | undefined;
  /** Reads the states now (after this process changed one). */
  refresh(): Promise<void>;
}

/**
 * Plugin states (enabled, settings) kept per process, so deciding whether a write has any
 * hook to run costs no query. A change made in this process is seen at once (`refresh`); one
 * made by another process within `ttlMs`.
 */
export function createPluginStateSnapshot(knex: Knex, app: () => string, ttlMs = 2000): PluginStateSnapshot {
  let states: ReadonlyMap<string, PluginState> | undefined;
  let readAt = 0;
  let reading: Promise<void> | undefined;
  const refresh = () =>
    (reading ??= readPluginStates(knex, app())
      .then((read) => {
        states = read;
        readAt = Date.now();
      })
      .catch(() => undefined) // the table may not exist yet at boot; the next call tries again
      .finally(() => (reading = undefined)));
  return {
    current() {
      if (Date.now() - readAt > ttlMs) void refresh();
      return states;
    },
    refresh,
  };
}
