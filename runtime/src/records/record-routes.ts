import { randomUUID } from 'node:crypto';
import type { Knex } from 'knex';
import { parseGetQuery } from '@tessera/engine';
import { pgErrorToHttpError } from '../db/pg-error-to-http-error';
import { notFound, validationFailed } from '../errors/http-error';
import type { AppContext, AppMiddleware } from '../http/http-types';
import type { AppState, CompiledEntity } from '../meta/compile-app-state';
import { invalidQuery } from './invalid-query';
import { aggregateRecords, listRecords, projectRecord } from './list-records';
import { loadExpanded } from './load-expanded';
import { etagOf, preconditionFailed, versionFromIfMatch } from './record-etag';
import { recordToRow, rowToRecord } from './row-to-record';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const ROUTE = /^\/api\/([a-z][a-z0-9_-]*)(?:\/([^/]+))?\/?$/;

/**
 * CRUD for every entity under `/api/{plural}`. The entity is looked up per request in the
 * CURRENT app state, so a publish changes the API at once, with no restart and no re-routing.
 */
export function recordRoutes(knex: Knex, getState: () => AppState): AppMiddleware {
  return async (ctx, next) => {
    const match = ROUTE.exec(ctx.path);
    if (!match || match[1].startsWith('_')) return next();
    const [, plural, rawId] = match;
    const entity = getState().byPlural.get(plural);
    if (!entity) throw notFound(`No entity is published at /api/${plural}`);
    const table = () => knex.withSchema(entity.schema).table(entity.table);
    const guard = <T>(op: 'write' | 'delete', run: () => Promise<T>) => withDbErrors(entity, op, run);

    if (rawId === undefined) {
      if (ctx.method === 'GET') return listRecords(ctx, knex, getState(), entity);
      if (ctx.method === 'POST') {
        const data = validated(entity, ctx.request.body, 'create');
        const now = knex.fn.now();
        const [row] = await guard('write', () =>
          table()
            // The creator starts as the owner; `authenticate` guarantees a user on every /api request.
            .insert({ ...recordToRow(data, entity), id: randomUUID(), version: 1, created_at: now, updated_at: now, created_by: ctx.state.user!.id, owner: ctx.state.user!.id })
            .returning('*'),
        );
        ctx.status = 201;
        ctx.body = { data: rowToRecord(row, entity) };
        return;
      }
      return methodNotAllowed(ctx, 'GET, POST');
    }

    if (rawId === 'aggregate') {
      if (ctx.method === 'GET') return aggregateRecords(ctx, knex, getState(), entity);
      return methodNotAllowed(ctx, 'GET');
    }

    // A malformed id cannot name a record: 404 like any missing record, not a database error.
    const id = UUID.test(rawId) ? rawId.toLowerCase() : undefined;
    const missing = () => notFound(`No ${entity.entity['x-name']} with id "${rawId}"`);
    if (!['GET', 'PATCH', 'DELETE'].includes(ctx.method)) return methodNotAllowed(ctx, 'GET, PATCH, DELETE');
    if (!id) throw missing();
    // If-Match: the write only happens where the version is still the one the client saw.
    const expected = ctx.method === 'GET' ? undefined : versionFromIfMatch(ctx.get('If-Match') || undefined);
    const current = () => (expected === undefined ? table().where({ id }) : table().where({ id, version: expected }));
    const staleOrMissing = async () => {
      if (expected !== undefined && (await table().where({ id }).first('version'))) {
        return preconditionFailed(`${entity.entity['x-name']} "${id}" has changed since version ${expected}; read it again`);
      }
      return missing();
    };
    if (ctx.method === 'GET') {
      const state = getState();
      const parsed = parseGetQuery(ctx.query, entity.entity, state.registry, state.app.entities);
      if (!parsed.ok) throw invalidQuery(parsed.errors);
      const row = await table().where({ id }).first();
      if (!row) throw missing();
      const record = rowToRecord(row, entity);
      if (parsed.value.expand.length > 0) await loadExpanded(knex, state, parsed.value.expand, [row], [record]);
      ctx.set('ETag', etagOf(row.version));
      ctx.body = { data: projectRecord(record, parsed.value.fields, parsed.value.expand.map((n) => n.name)) };
    } else if (ctx.method === 'PATCH') {
      const data = validated(entity, ctx.request.body, 'update');
      const [row] = await guard('write', () =>
        current()
          .update({ ...recordToRow(data, entity), version: knex.raw('?? + 1', ['version']), updated_at: knex.fn.now() })
          .returning('*'),
      );
      if (!row) throw await staleOrMissing();
      ctx.set('ETag', etagOf(row.version));
      ctx.body = { data: rowToRecord(row, entity) };
    } else {
      // `returning` rather than the affected-row count, which knex-pglite does not report reliably.
      const deleted = await guard('delete', () => current().delete().returning('id'));
      if (deleted.length === 0) throw await staleOrMissing();
      ctx.status = 204;
    }
  };
}

function validated(entity: CompiledEntity, body: unknown, mode: 'create' | 'update'): Record<string, unknown> {
  const result = entity.validate(body, mode);
  if (!result.ok) throw validationFailed(result.errors.map(({ field, rule, message }) => ({ field, rule, message })));
  return result.value;
}

async function withDbErrors<T>(entity: CompiledEntity, op: 'write' | 'delete', run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (err) {
    throw pgErrorToHttpError(err, op, entity.fieldOfColumn) ?? err;
  }
}

function methodNotAllowed(ctx: AppContext, allow: string): void {
  ctx.set('Allow', allow);
  ctx.status = 405;
  ctx.body = { error: { code: 'method_not_allowed', message: `${ctx.method} is not allowed here; use ${allow}` } };
}
