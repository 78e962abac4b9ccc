import { IN_APP_CHANNEL } from '@tessera/engine';
import type { Knex } from 'knex';
import { lookupRecipients } from './lookup-recipients';
import { channelsOf, type NotifyRow } from './notify-row';
import { textFor } from './render-notification';

export interface InAppNote {
  user_id: string;
  subject: string | null;
  body: string;
  entity: string;
  record_id: string;
  outbox_id: string | null;
}

/**
 * The tessera.notifications rows for notify rows whose channels include inApp, each in its
 * recipient's locale (users are looked up only when a row has per-locale text).
 */
export async function inAppNotes(db: Knex | Knex.Transaction, rows: readonly NotifyRow[]): Promise<InAppNote[]> {
  const wanted = rows.filter((r) => channelsOf(r.payload).includes(IN_APP_CHANNEL));
  const localized = wanted.filter((r) => r.payload.localized);
  const users = await lookupRecipients(db, localized.flatMap((r) => r.payload.to));
  return wanted.flatMap(({ id, payload: p }) =>
    p.to.map((userId) => {
      const text = textFor(p, users.get(userId)?.locale ?? 'en');
      // A replayed single-recipient row hits the outbox_id unique key and is ignored.
      return { user_id: userId, subject: text.subject, body: text.body, entity: p.entity, record_id: p.recordId, outbox_id: p.to.length === 1 ? id : null };
    }),
  );
}
