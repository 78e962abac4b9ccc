import { definePlugin, type PluginRouteContext } from '@tessera/engine';
import { dedupSettings, dedupSettingsSchema } from './dedup-settings';
import { backfillKeys } from './backfill-keys';
import { checkBatch, MAX_BATCH } from './check-batch';
import { checkOne, keysReady } from './check-duplicates';
import { dedupHooks } from './dedup-hooks';
import { storeOf } from './dedup-store';
import { findDuplicates } from './find-duplicates';
import { mergeRecords } from './merge-records';
import { routeError } from './route-error';
import { DEDUP_MIGRATIONS } from './key-table';

export { normalizeName, normalizeContact, toHalfWidth } from './normalize-name';
export { findDuplicates, normalizeField, type Duplicate } from './find-duplicates';
export { checkBatch, type BatchResult } from './check-batch';
export { recordKeys, type DedupKey } from './dedup-keys';
export { checkDuplicates, checkOne, type ItemMatches } from './check-duplicates';
export { backfillKeys } from './backfill-keys';
export { DEDUP_MIGRATIONS, lookupKeys, replaceKeys, dropKeys, insertKeys } from './key-table';
export { dedupHooks } from './dedup-hooks';
export type { DedupStore } from './dedup-store';
export type { DedupSettings } from './dedup-settings';

const UUIDISH = /^[0-9a-zA-Z-]{1,64}$/;

/** The configured entity a route names, or the error answer for a missing/unconfigured one. */
function configured(ctx: PluginRouteContext<unknown>, entity: unknown) {
  const settings = dedupSettings(ctx.settings);
  if (typeof entity !== 'string' || entity === '') return { error: routeError(422, 'validation_failed', 'entity is required', 'entity') };
  const config = settings.entities[entity];
  if (!config) return { error: routeError(422, 'validation_failed', `Duplicate detection is not configured for "${entity}"`, 'entity') };
  return { config, settings };
}

/**
 * Duplicate detection (issue 9): `beforeCreate` rejects a record whose phone, email or
 * normalized name equals a stored one; `GET check` lists the candidates for the UI before
 * saving; `POST merge` folds one record into another. Issue 20: with a key store (dedup-store.ts)
 * the checks are indexed lookups over the whole table; without one, scoped probes as before.
 */
export const dedupPlugin = definePlugin({
  name: '@tessera/plugin-dedup',
  version: '0.1.0',
  tessera: '^0.1.0',
  settings: dedupSettingsSchema,
  // '*' for the entities the app's settings configure, and only those: other entities' writes
  // never reach the plugin (and keep the runtime's one-statement path).
  hooks: { '*': dedupHooks },
  hookEntities: (settings) => Object.keys(dedupSettings(settings).entities),
  // Its update hook checks only the compared fields: an update of anything else skips it.
  updateFields: (settings, entity) => dedupSettings(settings).entities[entity]?.fields,
  // The key table (key-table.ts) the hooks look duplicates up in; ctx.store reaches it.
  migrations: DEDUP_MIGRATIONS,
  jobs: [
    {
      // Keys for records stored before the key store existed (or before a field was added to
      // the settings); a no-op once done. Only with a runtime that offers the store.
      name: 'backfill-keys',
      cron: '*/5 * * * *',
      async run(ctx) {
        const store = storeOf(ctx);
        if (!store) return;
        for (const [entity, config] of Object.entries(dedupSettings(ctx.settings).entities)) {
          const read = await backfillKeys(store, ctx.records(entity), entity, config.fields);
          if (read) ctx.log.info(`keys written for ${read} ${entity} records`);
        }
      },
    },
  ],
  routes(router) {
    router.get('/check', async (ctx) => {
      const { config, error } = configured(ctx, ctx.query.entity);
      if (error) return error;
      const probe = Object.fromEntries(config.fields.filter((f) => ctx.query[f]).map((f) => [f, ctx.query[f]]));
      if (Object.keys(probe).length === 0) return routeError(422, 'validation_failed', `Give at least one of: ${config.fields.join(', ')}`, config.fields[0]);
      const [entity, records, store] = [ctx.query.entity, ctx.records(ctx.query.entity), storeOf(ctx)];
      if (store && (await keysReady(store, entity, config.fields))) {
        const found = await checkOne(store, records, entity, config.fields, probe, ctx.query.except);
        return { body: { data: found.visible, ...(found.hidden.length ? { hidden: found.hidden } : {}) } };
      }
      return { body: { data: await findDuplicates(records, config.fields, probe, ctx.query.except) } };
    });
    // For imports (there is no record import in the runtime; importers write with the bulk API):
    // which rows duplicate stored records or earlier rows, before anything is written.
    router.post('/check-batch', async (ctx) => {
      const body = (ctx.body ?? {}) as Record<string, unknown>;
      const { config, error } = configured(ctx, body.entity);
      if (error) return error;
      const rows = body.records;
      if (!Array.isArray(rows) || rows.length === 0 || rows.length > MAX_BATCH || rows.some((r) => typeof r !== 'object' || r === null || Array.isArray(r))) {
        return routeError(422, 'validation_failed', `records must be an array of 1 to ${MAX_BATCH} objects`, 'records');
      }
      const entity = body.entity as string;
      const store = storeOf(ctx);
      const indexed = store && (await keysReady(store, entity, config.fields)) ? { store, entity } : undefined;
      return { body: { data: await checkBatch(ctx.records(entity), config.fields, rows as Record<string, unknown>[], indexed) } };
    });
    router.post('/merge', async (ctx) => {
      const body = (ctx.body ?? {}) as Record<string, unknown>;
      const { config, settings, error } = configured(ctx, body.entity);
      if (error) return error;
      for (const field of ['keep', 'remove'] as const) {
        if (typeof body[field] !== 'string' || !UUIDISH.test(body[field] as string)) return routeError(422, 'validation_failed', `${field} must be a record id`, field);
      }
      const [keep, remove] = [body.keep as string, body.remove as string];
      if (keep === remove) return routeError(422, 'validation_failed', 'keep and remove must be different records', 'remove');
      if (!ctx.user.roles.some((r) => settings.mergeRoles.includes(r))) return routeError(403, 'forbidden', `Merging needs one of the roles: ${settings.mergeRoles.join(', ')}`);
      const records = ctx.records(body.entity as string);
      for (const [field, id] of [['keep', keep], ['remove', remove]] as const) {
        if (!(await records.get(id))) return routeError(404, 'not_found', `No ${String(body.entity)} ${id}`, field);
      }
      return { body: { data: await mergeRecords(ctx.records, body.entity as string, config.children ?? [], keep, remove) } };
    });
  },
});

export default dedupPlugin;
