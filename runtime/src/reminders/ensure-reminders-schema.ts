import type { Knex } from 'knex';
import { runBootstrapDdl } from '../db/bootstrap-ddl';

// One row per reminder sent: the key is the due moment, so a record is reminded once per due
// date, again when its date moves, and every year for a yearly one.
const STATEMENTS = [
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

export async function ensureRemindersSchema(knex: Knex): Promise<void> {
  await runBootstrapDdl(knex, STATEMENTS);
}
