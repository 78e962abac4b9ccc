import type { Knex } from 'knex';
import { fanOutChannels, type EnqueueChannel } from '../notifications/fan-out-channels';
import { inAppNotes } from '../notifications/in-app-notes';
import type { NotifyRow } from '../notifications/notify-row';
import type { WebhookDelivery } from './deliver-webhook';

/** Hands a webhook row to the job queue inside `trx` (so it is queued exactly when it is marked queued). */
export type EnqueueWebhook = (trx: Knex.Transaction, outboxId: string, delivery: WebhookDelivery | undefined) => Promise<void>;

const MAX_ATTEMPTS = 5;

interface OutboxRow {
  id: string;
  kind: string;
  payload: Record<string, unknown>;
  attempts: number;
}

/**
 * Delivers outbox rows written by committed transitions: `notify` becomes in-app notifications
 * (same database, same transaction as marking the row sent, so exactly once); `webhook` rows are
 * handed to a pg-boss job (deliver-webhook: signed, retried with backoff, then dead) in the
 * transaction that marks them queued, so each is queued once. Rows are claimed with SKIP LOCKED
 * so several processes share the work. A notify row's other channels (email, sms… from plugins)
 * become one `notify-channel` row per recipient and channel, queued in that same transaction
 * (runtime/src/notifications). Other kinds wait for a plugin.
 */
export async function dispatchOutbox(knex: Knex, enqueueWebhook: EnqueueWebhook, enqueueChannel: EnqueueChannel, limit = 50): Promise<number> {
  let done = 0;
  await knex.transaction(async (trx) => {
    const rows = (await trx.raw(
      `select id, kind, payload, attempts from tessera.outbox
       where sent_at is null and queued_at is null and dead_at is null and attempts < ? and kind in ('notify', 'webhook')
       order by created_at limit ? for update skip locked`,
      [MAX_ATTEMPTS, limit],
    )).rows as OutboxRow[];
    const notes: OutboxRow[] = [];
    for (const row of rows) {
      if (row.kind === 'webhook') {
        await enqueueWebhook(trx, row.id, row.payload.delivery as WebhookDelivery | undefined);
        await trx('tessera.outbox').where({ id: row.id }).update({ queued_at: trx.fn.now() });
        done += 1;
      } else notes.push(row);
    }
    if (notes.length === 0) return;
    try {
      // The whole batch in two statements (the common case, and what keeps up under load)...
      await trx.transaction(async (sp) => {
        await insertNotifications(sp, notes);
        await fanOutChannels(sp, notes as unknown as NotifyRow[], enqueueChannel);
        await sp('tessera.outbox').whereIn('id', notes.map((r) => r.id)).update({ sent_at: sp.fn.now(), attempts: sp.raw('attempts + 1'), last_error: null });
      });
      done += notes.length;
      return;
    } catch {
      // ...and row by row when something in it fails, so one bad row does not hold back the rest.
    }
    for (const row of notes) {
      try {
        await trx.transaction(async (sp) => {
          await notify(sp, row);
          await fanOutChannels(sp, [row as unknown as NotifyRow], enqueueChannel);
        });
        await trx('tessera.outbox').where({ id: row.id }).update({ sent_at: trx.fn.now(), attempts: row.attempts + 1, last_error: null });
        done += 1;
      } catch (err) {
        await trx('tessera.outbox').where({ id: row.id }).update({ attempts: row.attempts + 1, last_error: String((err as Error).message).slice(0, 1000) });
      }
    }
  });
  return done;
}

const notify = (trx: Knex.Transaction, row: OutboxRow) => insertNotifications(trx, [row]);

/** One insert for the in-app notifications of several outbox rows (each in its recipient's locale); a replayed single-recipient row is ignored. */
async function insertNotifications(trx: Knex.Transaction, rows: OutboxRow[]): Promise<void> {
  const notes = await inAppNotes(trx, rows as unknown as NotifyRow[]);
  if (notes.length === 0) return;
  await trx('tessera.notifications').insert(notes).onConflict('outbox_id').ignore();
}
