import type { Knex } from 'knex';
import { HttpError } from '../errors/http-error';
import type { AppContext } from '../http/http-types';
import { defineRoutes, type RouteDeclaration } from '../http/route-types';
import { replayRoute, type Requeue } from './replay-outbox';

const STATUSES = ['pending', 'queued', 'sent', 'dead'] as const;
type Status = (typeof STATUSES)[number];

const where: Record<Status, string> = {
  pending: 'sent_at is null and dead_at is null and queued_at is null',
  queued: 'sent_at is null and dead_at is null and queued_at is not null',
  sent: 'sent_at is not null',
  dead: 'dead_at is not null',
};

/**
 * `GET /api/_meta/outbox?status=pending|queued|sent|dead&limit=` (admin): side effects waiting,
 * in flight, delivered, or given up on — the dead letters of webhooks whose endpoint kept failing.
 * Webhook secrets never leave the server. `POST /api/_meta/outbox/{id}/replay` re-queues a dead
 * letter (replay-outbox).
 */
export function outboxRoutes(knex: Knex, requeue: Requeue): RouteDeclaration[] {
  return defineRoutes([
    { method: 'GET', path: '/api/_meta/outbox', action: 'admin', summary: 'Side effects waiting, in flight, delivered or dead', handler: (ctx) => listOutbox(ctx, knex) },
    { method: 'POST', path: '/api/_meta/outbox/:id/replay', action: 'admin', summary: 'Send a dead letter again', handler: replayRoute(knex, requeue) },
  ]);
}

async function listOutbox(ctx: AppContext, knex: Knex): Promise<void> {
  const status = (ctx.query.status ?? 'pending') as string;
  const rawLimit = (ctx.query.limit ?? '100') as string;
  const limit = Number(rawLimit);
  const problems = [];
  if (!(STATUSES as readonly string[]).includes(status)) problems.push({ field: 'status', rule: 'enum', message: `must be one of ${STATUSES.join(', ')}` });
  if (!/^\d+$/.test(rawLimit) || limit < 1 || limit > 1000) problems.push({ field: 'limit', rule: 'range', message: 'must be a whole number from 1 to 1000' });
  if (problems.length) throw new HttpError(400, 'bad_request', 'Invalid outbox query', problems);
  const rows = await knex('tessera.outbox').whereRaw(where[status as Status]).orderBy('created_at', 'desc').limit(limit)
    .select('id', 'kind', 'payload', 'attempts', 'last_error', 'created_at', 'queued_at', 'sent_at', 'dead_at');
  const iso = (d: unknown) => (d instanceof Date ? d.toISOString() : (d ?? null));
  ctx.body = {
    data: rows.map((r) => {
      const { delivery, ...payload } = r.payload as { delivery?: { secret?: string | null } };
      return {
        id: r.id, kind: r.kind, status, attempts: r.attempts, lastError: r.last_error,
        createdAt: iso(r.created_at), queuedAt: iso(r.queued_at), sentAt: iso(r.sent_at), deadAt: iso(r.dead_at),
        payload: delivery ? { ...payload, delivery: { ...delivery, secret: delivery.secret ? '***' : null } } : payload,
      };
    }),
  };
}
