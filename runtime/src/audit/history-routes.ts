import type { Knex } from 'knex';
import { notFound } from '../errors/http-error';
import type { AppMiddleware } from '../http/http-types';
import type { AppState } from '../meta/compile-app-state';
import { recordAccess } from '../permissions/record-access';
import { recordScope } from '../records/record-scope';
import { methodNotAllowed } from '../http/method-not-allowed';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const ROUTE = /^\/api\/([a-z][a-z0-9_-]*)\/([^/]+)\/history\/?$/;
const MAX_ENTRIES = 500;

interface Change {
  field: string;
  old: unknown;
  new: unknown;
}

/**
 * `GET /api/{plural}/{id}/history`: the record's timeline, oldest first — who, when, which
 * request, what changed. Needs `read` and the record in scope (else 404, like the record
 * itself). Changes to fields the caller may not read are left out: the audit row keeps them,
 * the caller never sees them. Columns are shown by field name.
 */
export function historyRoutes(knex: Knex, getState: () => AppState): AppMiddleware {
  return async (ctx, next) => {
    const match = ROUTE.exec(ctx.path);
    if (!match) return next();
    if (ctx.method !== 'GET') return methodNotAllowed(ctx, 'GET');
    const [, plural, rawId] = match;
    const state = getState();
    const entity = state.byPlural.get(plural);
    if (!entity) throw notFound(`No entity is published at /api/${plural}`);
    const ra = recordAccess(ctx.state.user!, state, entity, 'read');
    const missing = notFound(`No ${entity.entity['x-name']} with id "${rawId}"`);
    if (!UUID.test(rawId)) throw missing;
    const id = rawId.toLowerCase();
    const visible = await knex.withSchema(entity.schema).table(entity.table).where({ id }).modify(recordScope(entity)).modify((qb) => ra.restrict(qb, entity.table, 'read')).first('id');
    if (!visible) throw missing;
    const rows = await knex
      .from({ a: 'tessera.audit_log' })
      .leftJoin({ u: 'tessera.users' }, 'u.id', 'a.actor_id')
      .where({ 'a.entity': entity.entity['x-name'], 'a.record_id': id })
      .orderBy('a.id', 'asc')
      .limit(MAX_ENTRIES)
      .select('a.id', 'a.at', 'a.actor_id', 'u.username', 'a.request_id', 'a.action', 'a.changes', 'a.meta');
    const hidden = ra.access.hidden;
    ctx.body = {
      data: rows.map((row: Record<string, unknown>) => {
        const changes = (typeof row.changes === 'string' ? JSON.parse(row.changes) : row.changes) as Change[];
        return {
          id: Number(row.id),
          at: row.at instanceof Date ? row.at.toISOString() : row.at,
          actor: row.actor_id ? { id: row.actor_id, username: row.username ?? null } : null,
          requestId: row.request_id ?? null,
          action: row.action,
          changes: changes
            .map((c) => ({ ...c, field: entity.fieldOfColumn(c.field) }))
            .filter((c) => !hidden.has(c.field)),
        };
      }),
    };
  };
}
