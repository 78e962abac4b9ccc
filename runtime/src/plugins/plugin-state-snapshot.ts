import type { Knex } from 'knex';
import { readPluginStates, type PluginState } from './plugin-state-store';

export interface PluginStateSnapshot {
  /** The last states read (undefined before the first read); an older than `ttlMs` snapshot starts a re-read in the background. */
  current(): ReadonlyMap<string, PluginState> | undefined;
  /** The last states read if they are at most `ttlMs` old, else undefined (and a re-read starts): what hooks may act on. */
  fresh(): ReadonlyMap<string, PluginState> | undefined;
  /** Reads the states now (after this process changed one): a read already under way may predate the change, so a new one follows it. */
  refresh(): Promise<void>;
}

/**
 * Plugin states (enabled, settings) kept per process, so deciding whether a write has any
 * hook to run, and which, costs no query. A change made in this process is seen at once
 * (`refresh`); one made by another process within `ttlMs`.
 */
export function createPluginStateSnapshot(knex: Knex, app: () => string, ttlMs = 2000): PluginStateSnapshot {
  let states: ReadonlyMap<string, PluginState> | undefined;
  let readAt = 0;
  let reading: Promise<void> | undefined;
  const read = () => {
    // Stamped when the read starts: the states are at least that fresh.
    const started = Date.now();
    return readPluginStates(knex, app())
      .then((found) => {
        if (started >= readAt) [states, readAt] = [found, started];
      })
      .catch(() => undefined); // the table may not exist yet at boot; the next call tries again
  };
  const background = () =>
    (reading ??= read().finally(() => (reading = undefined)));
  const stale = () => Date.now() - readAt > ttlMs;
  return {
    current() {
      if (stale()) void background();
      return states;
    },
    fresh() {
      if (!stale()) return states;
      void background();
      return undefined;
    },
    async refresh() {
      await reading;
      await read();
    },
  };
}
