/**
 * Where the plugin keeps its key table. The plugin API has no such handle yet (no raw database
 * access, by design); this is the narrow one plugin-dedup needs, proposed in
 * plugins/plugin-dedup/README.md: SQL on the plugin's own schema, joined to the write's
 * transaction inside before-hooks. Until a runtime passes `ctx.store`, the hooks fall back to
 * probing through the records API (find-duplicates.ts).
 */
export interface DedupStore {
  /** The schema the plugin's tables live in (one per app, like the app's own schema). */
  schema: string;
  /** One statement; inside a before-hook, on the write's transaction. */
  raw(sql: string, bindings?: readonly unknown[]): Promise<{ rows: Record<string, unknown>[] }>;
}

const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

/** The store a hook, route or job context carries, if the runtime offers one. */
export function storeOf(ctx: object): DedupStore | undefined {
  const store = (ctx as { store?: Partial<DedupStore> }).store;
  if (!store || typeof store.raw !== 'function' || typeof store.schema !== 'string') return undefined;
  // The schema is spliced into SQL text (identifiers cannot be bound), so only plain names pass.
  if (!SCHEMA_NAME.test(store.schema)) throw new Error(`plugin-dedup: unusable store schema "${store.schema}"`);
  return store as DedupStore;
}
