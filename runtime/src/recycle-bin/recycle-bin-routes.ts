import type { Knex } from 'knex';
import { HttpError, notFound, validationFailed } from '../errors/http-error';
import { entityAt, isUuid } from '../http/route-guard';
import { defineRoutes, type RouteDeclaration } from '../http/route-types';
import { setAuditContext } from '../audit/set-audit-context';
import { isSoftDelete } from '../records/record-scope';
import { listBin } from './list-bin';
import { previewCascade } from './preview-cascade';
import { purgeOne } from './purge-bin';

/** Records one delete preview may name: a page of a list at most. */
const MAX_PREVIEW_IDS = 200;

const badIds = (message: string) => new HttpError(400, 'invalid_query', `Invalid query: "ids" ${message}`, [{ parameter: 'ids', message }]);

function idsParam(raw: unknown): string[] {
  const text = Array.isArray(raw) ? raw.join(',') : typeof raw === 'string' ? raw : '';
  const ids = [...new Set(text.split(',').map((s) => s.trim().toLowerCase()).filter(Boolean))];
  if (ids.length === 0) throw badIds('must list at least one record');
  if (ids.length > MAX_PREVIEW_IDS) throw badIds(`may list at most ${MAX_PREVIEW_IDS} records`);
  if (!ids.every(isUuid)) throw badIds('must be record ids separated by commas');
  return ids;
}

const pageParam = (raw: unknown, fallback: number) => {
  const n = Number(typeof raw === 'string' ? raw : NaN);
  return Number.isInteger(n) && n >= 0 ? n : fallback;
};

/**
 * The recycle bin (ADR 0034): what a delete would take along, the deletions a user may bring
 * back, and an admin's purge. Restore itself is `POST /api/{plural}/{id}/restore` (record routes).
 * Mounted before the record routes, whose `/:id` would otherwise take these paths.
 */
export function recycleBinRoutes(knex: Knex): RouteDeclaration[] {
  return defineRoutes([
    {
      method: 'GET', path: '/api/:plural/_delete-preview', action: 'delete', entity: true, summary: 'What deleting these records would take along (counts per entity; ?ids=)',
      async handler(ctx, { state, entity, access }) {
        const ids = idsParam(ctx.query.ids);
        // Only records the caller may delete are previewed: another's id counts nothing.
        const mine = (await knex.withSchema(entity.schema).table(entity.table).whereIn('id', ids).modify((qb) => access.restrict(qb, entity.table, 'write')).modify((qb) => {
          if (isSoftDelete(entity)) qb.whereNull('deleted_at');
        }).pluck('id')) as string[];
        ctx.body = { data: { records: mine.length, ...(await previewCascade(knex, state, entity, mine)) } };
      },
    },
    {
      method: 'GET', path: '/api/:plural/_recycle-bin', action: 'delete', entity: true, appliesTo: isSoftDelete, summary: 'Deleted records the caller may restore, newest first (who, when, what came along)',
      async handler(ctx, { state, entity, access }) {
        const page = await listBin(knex, state, entity, access, { limit: pageParam(ctx.query.limit, 50), offset: pageParam(ctx.query.offset, 0) });
        ctx.body = page;
      },
    },
    {
      // The record is named in the body ({ entity: plural, id }): an admin route has no entity in its path.
      method: 'POST', path: '/api/_recycle-bin/purge', action: 'admin', summary: 'Remove a deleted record for good now, with what its deletion took along ({ entity, id })',
      async handler(ctx, { state }) {
        const body = (ctx.request.body ?? {}) as { entity?: unknown; id?: unknown };
        const problems = [
          ...(typeof body.entity === 'string' && entityAt(state, body.entity) ? [] : [{ field: 'entity', rule: 'required', message: 'must name an entity by its plural, e.g. "customers"' }]),
          ...(typeof body.id === 'string' && isUuid(body.id) ? [] : [{ field: 'id', rule: 'required', message: 'must be the id of a deleted record' }]),
        ];
        if (problems.length > 0) throw validationFailed(problems);
        const entity = entityAt(state, body.entity as string)!;
        if (!isSoftDelete(entity)) throw notFound('No such deleted record');
        await knex.transaction(async (trx) => {
          await setAuditContext(trx, { actorId: ctx.state.user!.id, requestId: ctx.state.requestId });
          await purgeOne(trx, entity, (body.id as string).toLowerCase());
        });
        ctx.status = 204;
      },
    },
  ]);
}
