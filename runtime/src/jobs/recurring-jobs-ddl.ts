
// One row per recurring job: what it is scheduled as, and how its last run went. `last_due_at`
// is the schedule slot the last successful run covered; claiming a slot is an UPDATE on it, so
// a slot runs once however many processes (or catch-up and pg-boss's own cron) reach it.
/** Applied by the internal migrations (db/internal-migrations.ts), never by hand. */
export const RECURRING_JOBS_DDL: readonly string[] = [
  'create schema if not exists tessera',
  `create table if not exists tessera.recurring_jobs (
    name text primary key,
    cron text not null,
    tz text not null,
    source text not null,
    registered_at timestamptz not null,
    last_due_at timestamptz,
    last_started_at timestamptz,
    last_finished_at timestamptz,
    last_status text,
    last_result text,
    last_error text
  )`,
];

