import type { BeforeCreateContext, BeforeCreateManyContext, BeforeDeleteContext, BeforeUpdateContext, EntityHooks, PluginRecord } from '@tessera/engine';
import { checkDuplicates, checkOne, keysReady, type ItemMatches } from './check-duplicates';
import { inBatchMatches } from './check-batch';
import { recordKeys } from './dedup-keys';
import { duplicateMessage } from './dedup-messages';
import { dedupSettings } from './dedup-settings';
import { storeOf } from './dedup-store';
import { findDuplicates } from './find-duplicates';
import { dropKeys, insertKeys, replaceKeys } from './key-table';

type Row = Record<string, unknown>;
type AnyRecords = Record<string, PluginRecord>;

/** Probes through the records API (no key store in this runtime, or its back-fill not done): the caller's records only. */
async function probe(records: Parameters<typeof findDuplicates>[0], fields: readonly string[], data: Row, exceptId?: string): Promise<ItemMatches> {
  const visible = await findDuplicates(records, fields, data, exceptId);
  return { visible, hidden: [] };
}

/**
 * The before-hooks. With a key store they answer from the key table (one indexed lookup over
 * the whole entity table) and keep it current in the write's own transaction, so a rolled-back
 * write leaves no key behind. `ctx.id` on create is the id the record will get (needed to write
 * its keys before the insert; see README.md for the runtime change).
 */
export const dedupHooks: EntityHooks<PluginRecord, AnyRecords> = {
  async beforeCreate(ctx: BeforeCreateContext<PluginRecord, AnyRecords>) {
    const config = dedupSettings(ctx.settings).entities[ctx.entity];
    if (!config) return;
    const data = ctx.data as Row;
    const store = storeOf(ctx);
    const id = (ctx as { id?: unknown }).id;
    const records = ctx.records(ctx.entity);
    const indexed = store && typeof id === 'string' && (await keysReady(store, ctx.entity, config.fields));
    const found = indexed ? await checkOne(store, records, ctx.entity, config.fields, data) : await probe(records, config.fields, data);
    const rejection = duplicateMessage(ctx.entity, found);
    if (rejection) ctx.reject(rejection.message, rejection.field);
    // Keys are written even before the back-fill finishes, so it only has older records to cover.
    if (store && typeof id === 'string') await replaceKeys(store, ctx.entity, id, config.fields, recordKeys(config.fields, data));
  },
  /**
   * An import batch in a fixed number of statements (ADR 0046): one key lookup for every item,
   * a visibility read only for what matched, and one insert of the kept items' keys. An item
   * is refused for a stored duplicate, or for repeating an earlier item of the batch that is
   * kept (as the per-item hook, which sees the earlier item's keys, would).
   */
  async beforeCreateMany(ctx: BeforeCreateManyContext<PluginRecord, AnyRecords>) {
    const config = dedupSettings(ctx.settings).entities[ctx.entity];
    if (!config || ctx.items.length === 0) return;
    const rows = ctx.items.map((item) => item.data as Row);
    const keysOf = rows.map((row) => recordKeys(config.fields, row));
    const store = storeOf(ctx);
    const records = ctx.records(ctx.entity);
    const indexed = store && (await keysReady(store, ctx.entity, config.fields));
    const stored: ItemMatches[] = indexed ? await checkDuplicates(store, records, ctx.entity, config.fields, keysOf) : [];
    if (!indexed) for (const row of rows) stored.push(await probe(records, config.fields, row));
    const earlier = inBatchMatches(keysOf);
    const kept: number[] = [];
    for (const index of ctx.items.keys()) {
      const mates = earlier[index].filter((m) => kept.includes(m.row));
      const inBatch = mates.map((m) => ({ id: ctx.items[m.row].id, matches: config.fields.filter((f) => m.matches.includes(f)), record: rows[m.row] }));
      const rejection = duplicateMessage(ctx.entity, { visible: [...stored[index].visible, ...inBatch], hidden: stored[index].hidden });
      if (rejection) ctx.rejectItem(index, rejection.message, rejection.field);
      else kept.push(index);
    }
    if (store) await insertKeys(store, ctx.entity, kept.map((i) => ({ recordId: ctx.items[i].id, keys: keysOf[i] })));
  },
  // Only the compared fields the update changes are probed: editing a note on an old
  // duplicate pair must not start failing.
  async beforeUpdate(ctx: BeforeUpdateContext<PluginRecord, AnyRecords>) {
    const config = dedupSettings(ctx.settings).entities[ctx.entity];
    if (!config) return;
    const data = ctx.data as Row;
    const changed = config.fields.filter((f) => f in data && data[f] !== ctx.previous[f]);
    if (changed.length === 0) return;
    const store = storeOf(ctx);
    const records = ctx.records(ctx.entity);
    const indexed = store && (await keysReady(store, ctx.entity, config.fields));
    const found = indexed ? await checkOne(store, records, ctx.entity, changed, data, ctx.id) : await probe(records, changed, data, ctx.id);
    const rejection = duplicateMessage(ctx.entity, found);
    if (rejection) ctx.reject(rejection.message, rejection.field);
    if (store) await replaceKeys(store, ctx.entity, ctx.id, changed, recordKeys(changed, data));
  },
  async beforeDelete(ctx: BeforeDeleteContext<PluginRecord, AnyRecords>) {
    const store = storeOf(ctx);
    if (store && dedupSettings(ctx.settings).entities[ctx.entity]) await dropKeys(store, ctx.entity, ctx.id);
  },
};
