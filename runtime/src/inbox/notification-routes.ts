import type { Knex } from 'knex';
import { notFound, validationFailed } from '../errors/http-error';
import type { AppMiddleware } from '../http/http-types';
import { decodeCursor, encodeCursor, isUuid, iso, readLimit } from './keyset-cursor';

const ROUTE = /^\/api\/notifications(?:\/([^/]+))?(?:\/(read))?\/?$/;
const KINDS = ['reminder'] as const;

interface NotificationRow {
  id: string;
  subject: string | null;
  body: string;
  entity: string | null;
  record_id: string | null;
  created_at: unknown;
  read_at: unknown;
  reminder: { field: string; dueAt: string } | null;
  /** created_at to the microsecond (a JS Date keeps milliseconds only, which would skip rows). */
  cursor_at: string;
}

const view = (r: NotificationRow) => ({
  id: r.id,
  subject: r.subject,
  body: r.body,
  entity: r.entity,
  recordId: r.record_id,
  createdAt: iso(r.created_at),
  readAt: iso(r.read_at) ?? null,
  ...(r.reminder ? { reminder: r.reminder } : {}),
});

/**
 * The signed-in user's in-app notifications (tessera.notifications, written by the outbox):
 * `GET /api/notifications?unread=true&kind=reminder&limit=&after=` (newest first, keyset),
 * `POST /api/notifications/{id}/read`, `POST /api/notifications/read-all`. Every query has
 * `user_id = me` in its WHERE, so another user's notification is simply not found (404).
 */
export function notificationRoutes(knex: Knex): AppMiddleware {
  return async (ctx, next) => {
    const match = ROUTE.exec(ctx.path);
    if (!match) return next();
    const [, first, verb] = match;
    const me = ctx.state.user!.id;
    if (!first) {
      ctx.body = await listNotifications(knex, me, ctx.query);
      return;
    }
    if (first === 'read-all' && !verb) {
      const updated = await knex('tessera.notifications').where({ user_id: me }).whereNull('read_at').update({ read_at: knex.fn.now() });
      ctx.body = { data: { updated } };
      return;
    }
    if (verb !== 'read' || !isUuid(first)) throw notFound(`No route for ${ctx.method} ${ctx.path}`);
    // coalesce: marking twice keeps the first moment it was read.
    const [row] = await knex('tessera.notifications').where({ id: first.toLowerCase(), user_id: me })
      .update({ read_at: knex.raw('coalesce(read_at, now())') }).returning(['id']);
    if (!row) throw notFound(`No notification with id "${first}"`);
    const [fresh] = await selectNotifications(knex, me).where('n.id', row.id);
    ctx.body = { data: view(fresh) };
  };
}

/** Reminders are the notifications whose outbox row carried `reminder` (runtime/src/reminders). */
function selectNotifications(knex: Knex, me: string): Knex.QueryBuilder {
  return knex('tessera.notifications as n')
    .leftJoin('tessera.outbox as o', 'o.id', 'n.outbox_id')
    .where('n.user_id', me)
    .select('n.id', 'n.subject', 'n.body', 'n.entity', 'n.record_id', 'n.created_at', 'n.read_at', knex.raw(`o.payload->'reminder' as reminder`),
      knex.raw(`to_char(n.created_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as cursor_at`));
}

async function listNotifications(knex: Knex, me: string, query: Record<string, unknown>) {
  const errors = [];
  for (const key of Object.keys(query)) if (!['unread', 'kind', 'limit', 'after'].includes(key)) errors.push({ field: key, rule: 'unknown-parameter', message: 'is not a parameter here; use unread, kind, limit, after' });
  if (query.unread !== undefined && query.unread !== 'true' && query.unread !== 'false') errors.push({ field: 'unread', rule: 'enum', message: 'must be true or false' });
  if (query.kind !== undefined && !(KINDS as readonly unknown[]).includes(query.kind)) errors.push({ field: 'kind', rule: 'enum', message: `must be one of: ${KINDS.join(', ')}` });
  if (errors.length) throw validationFailed(errors);
  const limit = readLimit(query.limit, 20, 100);
  const q = selectNotifications(knex, me).orderBy([{ column: 'n.created_at', order: 'desc' }, { column: 'n.id', order: 'desc' }]).limit(limit + 1);
  if (query.unread === 'true') q.whereNull('n.read_at');
  if (query.kind === 'reminder') q.whereRaw(`o.payload->'reminder' is not null`);
  if (typeof query.after === 'string') q.whereRaw('(n.created_at, n.id) < (?, ?)', decodeCursor(query.after));
  const [rows, [{ count }]] = await Promise.all([
    q as Promise<NotificationRow[]>,
    knex('tessera.notifications').where({ user_id: me }).whereNull('read_at').count<{ count: string | number }[]>('* as count'),
  ]);
  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  return { data: page.map(view), next: rows.length > limit ? encodeCursor(last.cursor_at, last.id) : null, unread: Number(count) };
}
