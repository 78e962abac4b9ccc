import { parseGetQuery, type HookName } from '@tessera/engine';
import type { Knex } from 'knex';
import { notFound } from '../errors/http-error';
import type { AppContext } from '../http/http-types';
import { defineRoutes, type RouteDeclaration } from '../http/route-types';
import { admitWrite } from './write-door';
import { hasStoredFormulas } from './stored-formulas';
import type { AppState, CompiledEntity } from '../meta/compile-app-state';
import { setAuditContext } from '../audit/set-audit-context';
import { assertInScope } from '../permissions/assert-in-scope';
import { expandGuard } from '../permissions/expand-guard';
import { recordAccess } from '../permissions/record-access';
import { bulkRecords } from './bulk-records';
import { createRecord } from './create-record';
import { deleteRecord } from './delete-record';
import { updateNeedsRules } from './entity-rule-checks';
import { idempotentWrite } from './idempotent-write';
import { invalidQuery } from './invalid-query';
import { aggregateRecords } from './aggregate-records';
import { listRecords, projectRecord } from './list-records';
import { loadExpanded, reportTruncated } from './load-expanded';
import { etagOf, ifNoneMatchHolds, versionFromIfMatch } from './record-etag';
import { isSoftDelete, takeDeletedParam } from './record-scope';
import { attachLinks, hasLinks } from './relation-links';
import { hasFileFields } from '../files/attach-files';
import type { WriteContext } from './record-writes-types';
import { restoreRecord } from './restore-record';
import { rowToRecord } from './row-to-record';
import { updateRecord } from './update-record';
import { runStatement } from '../db/run-statement';
import { API_READ_OPTIONS } from '../db/type-parsers';
import { byIdStatement } from './by-id-statement';

const hasRollups = (entity: CompiledEntity) => Object.values(entity.entity.properties).some((p) => p['x-type'] === 'rollup');

/**
 * CRUD for every entity under `/api/{plural}`. The entity is looked up per request in the
 * CURRENT app state, so a publish changes the API at once, with no restart and no re-routing.
 * Every write runs in one transaction through a write function (create/update/delete/restore-record).
 */
export function recordRoutes(knex: Knex): RouteDeclaration[] {
  // Every write transaction tells the audit trigger who writes and for which request.
  const audited = (ctx: AppContext, trx: Knex.Transaction) => setAuditContext(trx, { actorId: ctx.state.user!.id, requestId: ctx.state.requestId });
  const writing = (ctx: AppContext, entity: CompiledEntity, run: (w: WriteContext) => Promise<void>, state?: AppState) =>
    knex.transaction(async (trx) => (await audited(ctx, trx), run({ trx, entity, user: ctx.state.user!, hooks: ctx.state.hooks, ...(state ? { state } : {}) })));
  // A write that is one statement needs no transaction of its own: the statement carries the
  // audit context. Links, files, plugin hooks and idempotency keys each add statements.
  const oneStatement = (ctx: AppContext, entity: CompiledEntity, data: Record<string, unknown>, hooks: HookName[], changing?: readonly string[]) =>
    !ctx.get('Idempotency-Key') && !hasLinks(entity) && !hasFileFields(entity, data) && !ctx.state.hooks?.declares(entity, hooks, changing);
  // The pool stands in for the transaction: without hooks, links or files a create/update
  // never reaches a call that needs one.
  const direct = (ctx: AppContext, entity: CompiledEntity): WriteContext => ({ trx: knex as Knex.Transaction, entity, user: ctx.state.user!, audit: { actorId: ctx.state.user!.id, requestId: ctx.state.requestId } });
  const accessFor = (ctx: AppContext, state: AppState, entity: CompiledEntity) => (action: 'create' | 'update' | 'delete') => recordAccess(ctx.state.user!, state, entity, action);

  return defineRoutes([
    { method: 'GET', path: '/api/:plural', action: 'read', entity: true, summary: 'List records (filter, sort, page, expand; ?pool=true: the public pool)', handler: (ctx, { state, entity }) => listRecords(ctx, knex, state, entity) },
    {
      method: 'POST', path: '/api/:plural', action: 'create', entity: true, summary: 'Create a record',
      async handler(ctx, { state, entity, access: ra }) {
        const { data } = await admitWrite(knex, state, ctx.state.user!, entity, 'create', ctx.request.body, ra);
        if (oneStatement(ctx, entity, data, ['beforeCreate', 'afterCreate'])) {
          const row = await createRecord(direct(ctx, entity), data);
          ctx.status = 201;
          ctx.body = { data: ra.strip(rowToRecord(row, entity)) };
          return;
        }
        return idempotentWrite(ctx, knex, async (trx) => {
          await audited(ctx, trx);
          const row = await createRecord({ trx, entity, user: ctx.state.user!, hooks: ctx.state.hooks }, data);
          return { status: 201, body: { data: ra.strip(rowToRecord(row, entity)) } };
        });
      },
    },
    { method: 'GET', path: '/api/:plural/aggregate', action: 'read', entity: true, summary: 'Counts, sums and averages, grouped', handler: (ctx, { state, entity }) => aggregateRecords(ctx, knex, state, entity) },
    {
      // Each item is checked against the caller's grants and write scope (bulk-records).
      method: 'POST', path: '/api/:plural/bulk', action: ['create', 'update', 'delete'], entity: true, summary: 'Create, update and delete many records in one transaction',
      handler: (ctx, { state, entity }) => idempotentWrite(ctx, knex, async (trx) => (await audited(ctx, trx), bulkRecords(trx, entity, ctx.state.user!, ctx.request.body, ctx.state.hooks, accessFor(ctx, state, entity), state))),
    },
    { method: 'GET', path: '/api/:plural/:id', action: 'read', entity: true, record: 'read', scopedBy: 'statement', summary: 'Read one record (fields, expand; ETag)', handler: (ctx, { state, entity, id }) => getRecord(ctx, knex, state, entity, id) },
    {
      method: 'PATCH', path: '/api/:plural/:id', action: 'update', entity: true, record: 'write', scopedBy: 'statement', summary: 'Change fields of a record (If-Match for optimistic concurrency)',
      async handler(ctx, { state, entity, id, access: ra }) {
        // If-Match: the write only happens where the version is still the one the client saw.
        const expected = versionFromIfMatch(ctx.get('If-Match') || undefined);
        const { data } = await admitWrite(knex, state, ctx.state.user!, entity, 'update', ctx.request.body, ra, id);
        // x-rules and stored formulas read the stored record `for update`: that needs the transaction.
        if (ra.access.scope === 'all' && !updateNeedsRules(entity, Object.keys(data)) && !hasStoredFormulas(entity) && oneStatement(ctx, entity, data, ['beforeUpdate', 'afterUpdate'], Object.keys(data))) {
          const row = await updateRecord(direct(ctx, entity), id, data, expected);
          ctx.set('ETag', etagOf(row.version));
          ctx.body = { data: ra.strip(rowToRecord(row, entity)) };
          return;
        }
        await writing(ctx, entity, async (w) => {
          await assertInScope(w.trx, entity, ra, id);
          const row = await updateRecord(w, id, data, expected);
          ctx.set('ETag', etagOf(row.version));
          ctx.body = { data: ra.strip(rowToRecord(row, entity)) };
        });
      },
    },
    {
      method: 'DELETE', path: '/api/:plural/:id', action: 'delete', entity: true, record: 'write', scopedBy: 'statement', summary: 'Delete a record (soft-deleted where the entity keeps them)',
      async handler(ctx, { state, entity, id, access: ra }) {
        const expected = versionFromIfMatch(ctx.get('If-Match') || undefined);
        await writing(ctx, entity, async (w) => (await assertInScope(w.trx, entity, ra, id), deleteRecord(w, id, expected)), state);
        ctx.status = 204;
      },
    },
    {
      method: 'POST', path: '/api/:plural/:id/restore', action: 'delete', entity: true, record: 'write', scopedBy: 'statement', appliesTo: isSoftDelete, summary: 'Bring back a soft-deleted record',
      async handler(ctx, { state, entity, id, access: ra }) {
        await writing(ctx, entity, async (w) => {
          await assertInScope(w.trx, entity, ra, id);
          const row = await restoreRecord(w, id);
          ctx.set('ETag', etagOf(row.version));
          ctx.body = { data: ra.strip(rowToRecord(row, entity)) };
        }, state);
      },
    },
  ]);
}

/** `GET /api/{plural}/{id}?fields=&expand=` (+ `deleted=include|only` for admins), with its ETag. */
async function getRecord(ctx: AppContext, knex: Knex, state: AppState, entity: CompiledEntity, id: string): Promise<void> {
  const missing = () => notFound(`No ${entity.entity['x-name']} with id "${id}"`);
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
