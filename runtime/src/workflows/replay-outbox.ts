import type { Knex } from 'knex';
import { writeAudit } from '../audit/write-audit';
import { HttpError, notFound } from '../errors/http-error';
import type { AppContext } from '../http/http-types';
import { CHANNEL_DELIVERY_KIND } from '../notifications/fan-out-channels';
import type { WebhookDelivery } from './deliver-webhook';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The kinds whose deliveries can die, and so be replayed: each hands the row to its job queue inside `trx`. */
export interface Requeue {
  webhook(trx: Knex.Transaction, outboxId: string, delivery: WebhookDelivery | undefined): Promise<void>;
  [CHANNEL_DELIVERY_KIND](trx: Knex.Transaction, outboxId: string): Promise<void>;
}

const REPLAYABLE = ['webhook', CHANNEL_DELIVERY_KIND] as const;

/**
 * `POST /api/_meta/outbox/{id}/replay` (admin): gives a dead letter one more full run — attempts
 * back to 0, `dead_at` and the error cleared, queued again — once the admin fixed what killed it
 * (the endpoint, the channel's settings). The row is taken with a conditional update, so two
 * replays at once queue it once (the second gets 409); the job is queued in the same transaction
 * and the replay is audited in it. 404 unknown id; 409 when the row is not dead.
 */
export function replayRoute(knex: Knex, requeue: Requeue): (ctx: AppContext, args: { params: Record<string, string> }) => Promise<void> {
  return async (ctx, { params }) => {
    const rawId = params.id;
    if (!UUID.test(rawId)) throw notFound(`No outbox row with id "${rawId}"`);
    const id = rawId.toLowerCase();
    const user = ctx.state.user!;
    const row = await knex.transaction(async (trx) => {
      const [taken] = await trx('tessera.outbox').where({ id }).whereNotNull('dead_at').whereIn('kind', REPLAYABLE)
        .update({ attempts: 0, dead_at: null, last_error: null, sent_at: null, queued_at: trx.fn.now() })
        .returning(['id', 'kind', 'payload']);
      if (!taken) {
        const found = await trx('tessera.outbox').where({ id }).first('kind', 'dead_at', 'sent_at');
        if (!found) throw notFound(`No outbox row with id "${rawId}"`);
        if (!(REPLAYABLE as readonly string[]).includes(found.kind)) throw new HttpError(409, 'outbox_not_replayable', `Only ${REPLAYABLE.join(' and ')} rows are replayed; this one is "${found.kind}"`);
        throw new HttpError(409, 'outbox_not_dead', `The outbox row "${id}" is not a dead letter (it is ${found.sent_at ? 'sent' : 'pending or queued'}); only dead rows are replayed`);
      }
      const payload = taken.payload as { delivery?: WebhookDelivery; entity?: string; recordId?: string; channel?: string };
      if (taken.kind === 'webhook') await requeue.webhook(trx, id, payload.delivery);
      else await requeue[CHANNEL_DELIVERY_KIND](trx, id);
      await writeAudit(trx, { actorId: user.id, requestId: ctx.state.requestId, action: 'outbox.replay', entity: payload.entity ?? null, recordId: payload.recordId ?? null, meta: { outbox: id, kind: taken.kind } });
      return taken;
    });
    ctx.status = 202;
    ctx.body = { data: { id: row.id, kind: row.kind, status: 'queued', attempts: 0 } };
  };
}
