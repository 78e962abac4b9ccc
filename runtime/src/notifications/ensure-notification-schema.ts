import type { Knex } from 'knex';
import { runBootstrapDdl } from '../db/bootstrap-ddl';

// Contact details the channels need (issue 9). Added, never rewritten, so existing databases
// keep their users; `locale` null means the app default (`en`). The unique index is the
// "exactly once per (notify row, recipient, channel)" of channel deliveries.
const STATEMENTS = [
  'alter table tessera.users add column if not exists phone text',
  'alter table tessera.users add column if not exists locale text',
  `create unique index if not exists outbox_channel_delivery on tessera.outbox ((payload->>'parent'), (payload->>'userId'), (payload->>'channel')) where kind = 'notify-channel'`,
];

/** Run after the auth and workflow schemas exist; idempotent, at every start. */
export async function ensureNotificationSchema(knex: Knex): Promise<void> {
  await runBootstrapDdl(knex, STATEMENTS);
}
