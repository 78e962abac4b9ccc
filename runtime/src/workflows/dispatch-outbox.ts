import type { Knex } from 'knex';
import { fanOutChannels, type EnqueueChannel } from '../notifications/fan-out-channels';
import { expandRecipients } from '../notifications/expand-recipients';
import { inAppNotes } from '../notifications/in-app-notes';
import type { NotifyRow } from '../notifications/notify-row';
import type { WebhookDelivery } from './deliver-webhook';
import { CREATED_TIMERS_KIND } from './arm-on-create';

/** Hands a webhook row to the job queue inside `trx` (so it is queued exactly when it is marked queued). */
export type EnqueueWebhook = (trx: Knex.Transaction, outboxId: string, delivery: WebhookDelivery | undefined) => Promise<void>;

/** Arms the initial-state timers a create asked for (arm-on-create), inside `trx`. */
export type ArmCreated = (trx: Knex.Transaction, payload: Record<string, unknown>) => Promise<void>;

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
export async function dispatchOutbox(knex: Knex, enqueueWebhook: EnqueueWebhook, enqueueChannel: EnqueueChannel, limit = 50, armCreated?: ArmCreated): Promise<number> {
  let done = 0;
  const kinds = armCreated ? ['notify', 'webhook', CREATED_TIMERS_KIND] : ['notify', 'webhook'];
  await knex.transaction(async (trx) => {
    const rows = (await trx.raw(
      `select id, kind, payload, attempts from tessera.outbox
       where sent_at is null and queued_at is null and dead_at is null and attempts < ? and kind in (${kinds.map(() => '?').join(', ')})
       order by created_at limit ? for update skip locked`,
      [MAX_ATTEMPTS, ...kinds, limit],
    )).rows as OutboxRow[];
    const notes: OutboxRow[] = [];
    for (const row of rows) {
      if (row.kind === CREATED_TIMERS_KIND && armCreated) {
        // Its own savepoint: a failure is recorded on the row and retried, the rest go on.
        try {
          await trx.transaction((sp) => armCreated(sp, row.payload));
          await trx('tessera.outbox').where({ id: row.id }).update({ sent_at: trx.fn.now(), attempts: row.attempts + 1, last_error: null });
          done += 1;
        } catch (err) {
          await trx('tessera.outbox').where({ id: row.id }).update({ attempts: row.attempts + 1, last_error: String((err as Error).message).slice(0, 1000) });
        }
      } else if (row.kind === 'webhook') {
        await enqueueWebhook(trx, row.id, row.payload.delivery as WebhookDelivery | undefined);
        await trx('tessera.outbox').where({ id: row.id }).update({ queued_at: trx.fn.now() });
        done += 1;
      } else notes.push(row);
    }
    if (notes.length === 0) return;
    // Managers, roles and usernames become user ids now, as the users are at delivery.
    for (const row of notes) if (Array.isArray(row.payload.to)) row.payload = { ...row.payload, to: await expandRecipients(trx, row.payload.to as string[]) };
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
