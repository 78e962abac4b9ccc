import { IN_APP_CHANNEL } from '@tessera/engine';
import type { Knex } from 'knex';
import { channelsOf, userIdsOf, type NotifyRow } from './notify-row';

export const CHANNEL_DELIVERY_KIND = 'notify-channel';

/** Hands one channel delivery (an outbox row) to the job queue inside `trx`. */
export type EnqueueChannel = (trx: Knex.Transaction, outboxId: string) => Promise<void>;

/**
 * One `notify-channel` outbox row per (notify row, recipient, channel other than inApp), in
 * the transaction that marks the notify row sent, each handed to the queue as it is created.
 * The unique index on (parent, userId, channel) makes a replay create and enqueue nothing, so
 * each delivery exists exactly once; a dead one is an ordinary outbox dead letter.
 */
export async function fanOutChannels(trx: Knex.Transaction, rows: readonly NotifyRow[], enqueue: EnqueueChannel): Promise<number> {
  let created = 0;
  for (const { id, payload: p } of rows) {
    for (const channel of channelsOf(p).filter((c) => c !== IN_APP_CHANNEL)) {
      for (const userId of userIdsOf(p)) {
        const payload = { parent: id, channel, userId, entity: p.entity, recordId: p.recordId, event: p.event ?? null, subject: p.subject, body: p.body, ...(p.localized ? { localized: p.localized } : {}) };
        const inserted = (await trx.raw(
          `insert into tessera.outbox (kind, payload, queued_at) values (?, ?::jsonb, now())
           on conflict ((payload->>'parent'), (payload->>'userId'), (payload->>'channel')) where kind = 'notify-channel' do nothing
           returning id`,
          [CHANNEL_DELIVERY_KIND, JSON.stringify(payload)],
        )).rows as { id: string }[];
        for (const row of inserted) {
          await enqueue(trx, row.id);
          created += 1;
        }
      }
    }
  }
  return created;
}
