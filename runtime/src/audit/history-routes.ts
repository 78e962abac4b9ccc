import type { Knex } from 'knex';
import type { AppContext } from '../http/http-types';
import { defineRoutes, type RouteDeclaration } from '../http/route-types';
import type { CompiledEntity } from '../meta/compile-app-state';
import type { RecordAccess } from '../permissions/record-access';

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
export function historyRoutes(knex: Knex): RouteDeclaration[] {
  return defineRoutes([{ method: 'GET', path: '/api/:plural/:id/history', action: 'read', entity: true, record: 'read', summary: "A record's change history", handler: (ctx, { entity, id, access }) => history(ctx, knex, entity, id, access) }]);
}

async function history(ctx: AppContext, knex: Knex, entity: CompiledEntity, id: string, ra: RecordAccess): Promise<void> {
  const rows = await knex
    .from({ a: 'tessera.audit_log' })
    .leftJoin({ u: 'tessera.users' }, 'u.id', 'a.actor_id')
    .where({ 'a.entity': entity.entity['x-name'], 'a.record_id': id })
    .orderBy('a.id', 'asc')
    .limit(MAX_ENTRIES)
    .select('a.id', 'a.at', 'a.actor_id', 'u.username', 'u.display_name', 'a.request_id', 'a.action', 'a.changes', 'a.meta');
  const hidden = ra.access.hidden;
  ctx.body = {
    data: rows.map((row: Record<string, unknown>) => {
      const changes = (typeof row.changes === 'string' ? JSON.parse(row.changes) : row.changes) as Change[];
      return {
        id: Number(row.id),
        at: row.at instanceof Date ? row.at.toISOString() : row.at,
        actor: row.actor_id ? { id: row.actor_id, username: row.username ?? null, displayName: row.display_name ?? null } : null,
        requestId: row.request_id ?? null,
        action: row.action,
        changes: changes
          .map((c) => ({ ...c, field: entity.fieldOfColumn(c.field) }))
          .filter((c) => !hidden.has(c.field)),
      };
    }),
  };
}
