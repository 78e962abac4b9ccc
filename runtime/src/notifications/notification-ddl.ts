
// Contact details the channels need (issue 9). Added, never rewritten, so existing databases
// keep their users; `locale` null means the app default (`en`). The unique index is the
// "exactly once per (notify row, recipient, channel)" of channel deliveries.
/** Applied by the internal migrations (db/internal-migrations.ts), never by hand. */
export const NOTIFICATION_DDL: readonly string[] = [
  'alter table tessera.users add column if not exists phone text',
  'alter table tessera.users add column if not exists locale text',
  `create unique index if not exists outbox_channel_delivery on tessera.outbox ((payload->>'parent'), (payload->>'userId'), (payload->>'channel')) where kind = 'notify-channel'`,
];

