import { parseGetQuery, type HookName } from '@tessera/engine';
import type { Knex } from 'knex';
import { notFound } from '../errors/http-error';
import type { AppContext, AppMiddleware } from '../http/http-types';
import type { AppState, CompiledEntity } from '../meta/compile-app-state';
import { setAuditContext } from '../audit/set-audit-context';
import { assertInScope } from '../permissions/assert-in-scope';
import { expandGuard } from '../permissions/expand-guard';
import { recordAccess } from '../permissions/record-access';
import { validateWritable } from '../permissions/validate-writable';
import { bulkRecords } from './bulk-records';
import { createRecord } from './create-record';
import { deleteRecord } from './delete-record';
import { hasRules } from './entity-rule-checks';
import { idempotentWrite } from './idempotent-write';
import { invalidQuery } from './invalid-query';
import { aggregateRecords } from './aggregate-records';
import { listRecords, projectRecord } from './list-records';
import { loadExpanded, reportTruncated } from './load-expanded';
import { etagOf, ifNoneMatchHolds, versionFromIfMatch } from './record-etag';
import { takeDeletedParam } from './record-scope';
import { attachLinks, hasLinks } from './relation-links';
import { hasFileFields } from '../files/attach-files';
import type { WriteContext } from './record-writes-types';
import { restoreRecord } from './restore-record';
import { rowToRecord } from './row-to-record';
import { updateRecord } from './update-record';
import { methodNotAllowed } from '../http/method-not-allowed';
import { runStatement } from '../db/run-statement';
import { API_READ_OPTIONS } from '../db/type-parsers';
import { byIdStatement } from './by-id-statement';

const hasRollups = (entity: CompiledEntity) => Object.values(entity.entity.properties).some((p) => p['x-type'] === 'rollup');
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const ROUTE = /^\/api\/([a-z][a-z0-9_-]*)(?:\/([^/]+)(?:\/(restore))?)?\/?$/;

const RECORD_CALL = /^\/api\/([a-z][a-z0-9_-]*)(?:\/(?:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|aggregate))?$/i;

/**
 * Whether `path` is `/api/{plural}`, `/api/{plural}/{uuid}` or `/api/{plural}/aggregate` of a published entity: a path no
 * other route owns (their first segments are reserved plurals, or they have more segments), so
 * the app may hand it to the record routes without walking the others (create-koa-app).
 */
export function isRecordCall(path: string, state: AppState): boolean {
  const plural = RECORD_CALL.exec(path)?.[1];
  return plural !== undefined && state.byPlural.has(plural);
}

/**
 * CRUD for every entity under `/api/{plural}`. The entity is looked up per request in the
 * CURRENT app state, so a publish changes the API at once, with no restart and no re-routing.
 * Every write runs in one transaction through a write function (create/update/delete/restore-record).
 */
export function recordRoutes(knex: Knex, getState: () => AppState): AppMiddleware {
  return async (ctx, next) => {
    const match = ROUTE.exec(ctx.path);
    if (!match || match[1].startsWith('_')) return next();
    const [, plural, rawId, action] = match;
    const entity = getState().byPlural.get(plural);
    if (!entity) throw notFound(`No entity is published at /api/${plural}`);
    // Every write transaction tells the audit trigger who writes and for which request.
    const audited = (trx: Knex.Transaction) => setAuditContext(trx, { actorId: ctx.state.user!.id, requestId: ctx.state.requestId });
    const writing = (run: (w: WriteContext) => Promise<void>) => knex.transaction(async (trx) => (await audited(trx), run({ trx, entity, user: ctx.state.user!, hooks: ctx.state.hooks })));
    const access = (action: 'create' | 'update' | 'delete') => recordAccess(ctx.state.user!, getState(), entity, action);

    // A write that is one statement needs no transaction of its own: the statement carries the
    // audit context. Links, files, plugin hooks and idempotency keys each add statements.
    const oneStatement = (data: Record<string, unknown>, hooks: HookName[]) =>
      !ctx.get('Idempotency-Key') && !hasLinks(entity) && !hasFileFields(entity, data) && !ctx.state.hooks?.declares(entity, hooks);
    // The pool stands in for the transaction: without hooks, links or files a create/update
    // never reaches a call that needs one.
    const direct = (): WriteContext => ({ trx: knex as Knex.Transaction, entity, user: ctx.state.user!, audit: { actorId: ctx.state.user!.id, requestId: ctx.state.requestId } });

    if (rawId === undefined) {
      if (ctx.method === 'GET') return listRecords(ctx, knex, getState(), entity);
      if (ctx.method === 'POST') {
        const ra = access('create');
        const data = validateWritable(ra, ctx.request.body, 'create');
        if (oneStatement(data, ['beforeCreate', 'afterCreate'])) {
          const row = await createRecord(direct(), data);
          ctx.status = 201;
          ctx.body = { data: ra.strip(rowToRecord(row, entity)) };
          return;
        }
        return idempotentWrite(ctx, knex, async (trx) => {
          await audited(trx);
          const row = await createRecord({ trx, entity, user: ctx.state.user!, hooks: ctx.state.hooks }, data);
          return { status: 201, body: { data: ra.strip(rowToRecord(row, entity)) } };
        });
      }
      return methodNotAllowed(ctx, 'GET, POST');
    }
    if (rawId === 'aggregate' && !action) {
      if (ctx.method === 'GET') return aggregateRecords(ctx, knex, getState(), entity);
      return methodNotAllowed(ctx, 'GET');
    }
    if (rawId === 'bulk' && !action) {
      if (ctx.method !== 'POST') return methodNotAllowed(ctx, 'POST');
      // Scoped users too: each item is checked against their grants and write scope (bulk-records).
      return idempotentWrite(ctx, knex, async (trx) => (await audited(trx), bulkRecords(trx, entity, ctx.state.user!, ctx.request.body, ctx.state.hooks, access)));
    }

    // A malformed id cannot name a record: 404 like any missing record, not a database error.
    const id = UUID.test(rawId) ? rawId.toLowerCase() : undefined;
    const missing = () => notFound(`No ${entity.entity['x-name']} with id "${rawId}"`);
    if (action === 'restore') {
      if (ctx.method !== 'POST') return methodNotAllowed(ctx, 'POST');
      if (!id) throw missing();
      const ra = access('delete');
      await writing(async (w) => {
        await assertInScope(w.trx, entity, ra, id);
        const row = await restoreRecord(w, id);
        ctx.set('ETag', etagOf(row.version));
        ctx.body = { data: ra.strip(rowToRecord(row, entity)) };
      });
      return;
    }
    if (!['GET', 'PATCH', 'DELETE'].includes(ctx.method)) return methodNotAllowed(ctx, 'GET, PATCH, DELETE');
    if (!id) throw missing();
    if (ctx.method === 'GET') return getRecord(ctx, knex, getState(), entity, id, missing);
    // If-Match: the write only happens where the version is still the one the client saw.
    const expected = versionFromIfMatch(ctx.get('If-Match') || undefined);
    if (ctx.method === 'PATCH') {
      const ra = access('update');
      const data = validateWritable(ra, ctx.request.body, 'update');
      // x-rules read the stored record `for update`: that needs the transaction.
      if (ra.access.scope === 'all' && !hasRules(entity) && oneStatement(data, ['beforeUpdate', 'afterUpdate'])) {
        const row = await updateRecord(direct(), id, data, expected);
        ctx.set('ETag', etagOf(row.version));
        ctx.body = { data: ra.strip(rowToRecord(row, entity)) };
        return;
      }
      await writing(async (w) => {
        await assertInScope(w.trx, entity, ra, id);
        const row = await updateRecord(w, id, data, expected);
        ctx.set('ETag', etagOf(row.version));
        ctx.body = { data: ra.strip(rowToRecord(row, entity)) };
      });
    } else {
      const ra = access('delete');
      await writing(async (w) => (await assertInScope(w.trx, entity, ra, id), deleteRecord(w, id, expected)));
      ctx.status = 204;
    }
  };
}

/** `GET /api/{plural}/{id}?fields=&expand=` (+ `deleted=include|only` for admins), with its ETag. */
async function getRecord(ctx: AppContext, knex: Knex, state: AppState, entity: CompiledEntity, id: string, missing: () => Error): Promise<void> {
  const { mode, query } = takeDeletedParam(ctx, entity);
  const ra = recordAccess(ctx.state.user!, state, entity, 'read');
  const parsed = parseGetQuery(query, ra.entity, state.registry, ra.entities);
  if (!parsed.ok) throw invalidQuery(parsed.errors);
  // Out of scope is "not found": a foreign id reveals nothing. Hidden columns are not selected.
  const [row] = await runStatement(knex, byIdStatement(knex, state, ctx.state.user!, entity, mode, ra, id), API_READ_OPTIONS);
  if (!row) throw missing();
  if (hasLinks(entity)) await attachLinks(knex, entity, [row]);
  const record = ra.strip(rowToRecord(row, entity));
  if (parsed.value.expand.length > 0) reportTruncated(ctx, await loadExpanded(knex, state, parsed.value.expand, [row], [record], expandGuard(ctx.state.user!, state)));
  ctx.set('ETag', etagOf(row.version));
  ctx.body = { data: projectRecord(record, parsed.value.fields, parsed.value.expand.map((n) => n.name)) };
  // If-None-Match: the version covers the record's own written fields — not expanded relations,
  // nor rollups, which triggers move without a new version.
  if (parsed.value.expand.length === 0 && !hasRollups(entity) && ifNoneMatchHolds(ctx.get('If-None-Match'), row.version)) ctx.status = 304;
}
