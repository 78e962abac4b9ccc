import { definePlugin, type PluginRouteContext } from '@tessera/engine';
import { dedupSettings, dedupSettingsSchema } from './dedup-settings';
import { checkBatch, MAX_BATCH } from './check-batch';
import { findDuplicates } from './find-duplicates';
import { mergeRecords } from './merge-records';
import { routeError } from './route-error';

export { normalizeName, normalizeContact, toHalfWidth } from './normalize-name';
export { findDuplicates, normalizeField, type Duplicate } from './find-duplicates';
export { checkBatch, type BatchResult } from './check-batch';
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
 * normalized name equals a stored one the user can see; `GET check` lists the candidates for
 * the UI before saving; `POST merge` folds one record into another.
 */
export const dedupPlugin = definePlugin({
  name: '@tessera/plugin-dedup',
  version: '0.1.0',
  tessera: '^0.1.0',
  settings: dedupSettingsSchema,
  hooks: {
    '*': {
      async beforeCreate(ctx) {
        const config = dedupSettings(ctx.settings).entities[ctx.entity];
        if (!config) return;
        const [first] = await findDuplicates(ctx.records(ctx.entity), config.fields, ctx.data);
        if (first) ctx.reject(`Possible duplicate of ${first.id} (same ${first.matches.join(', ')})`, first.matches[0]);
      },
      // Only the compared fields the update changes are probed: editing a note on an old
      // duplicate pair must not start failing.
      async beforeUpdate(ctx) {
        const config = dedupSettings(ctx.settings).entities[ctx.entity];
        if (!config) return;
        const data = ctx.data as Record<string, unknown>;
        const changed = config.fields.filter((f) => f in data && data[f] !== ctx.previous[f]);
        if (changed.length === 0) return;
        const [first] = await findDuplicates(ctx.records(ctx.entity), changed, data, ctx.id);
        if (first) ctx.reject(`Possible duplicate of ${first.id} (same ${first.matches.join(', ')})`, first.matches[0]);
      },
    },
  },
  routes(router) {
    router.get('/check', async (ctx) => {
      const { config, error } = configured(ctx, ctx.query.entity);
      if (error) return error;
      const probe = Object.fromEntries(config.fields.filter((f) => ctx.query[f]).map((f) => [f, ctx.query[f]]));
      if (Object.keys(probe).length === 0) return routeError(422, 'validation_failed', `Give at least one of: ${config.fields.join(', ')}`, config.fields[0]);
      return { body: { data: await findDuplicates(ctx.records(ctx.query.entity), config.fields, probe, ctx.query.except) } };
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
      return { body: { data: await checkBatch(ctx.records(body.entity as string), config.fields, rows as Record<string, unknown>[]) } };
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
