
// One row per reminder sent: the key is the due moment, so a record is reminded once per due
// date, again when its date moves, and every year for a yearly one.
/** Applied by the internal migrations (db/internal-migrations.ts), never by hand. */
export const REMINDERS_DDL: readonly string[] = [
  'create schema if not exists tessera',
  `create table if not exists tessera.reminders_sent (
    entity text not null,
    record_id uuid not null,
    field text not null,
    due_at timestamptz not null,
    sent_at timestamptz not null default now(),
    primary key (entity, record_id, field, due_at)
  )`,
];

