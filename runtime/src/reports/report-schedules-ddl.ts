// A report's schedule lives on the report (issue 21, ADR 0054): the cron and its time zone, the
// recipients (roles and users, checked like sharing), and the next moment it is due. Sending
// claims a due report by moving `schedule_next_at` forward under a row lock, in the transaction
// that writes the notifications, so a slot is sent once however many processes sweep.
// Pins put a saved report on one user's dashboard.
/** Applied by the internal migrations (db/internal-migrations.ts), never by hand. */
export const REPORT_SCHEDULES_DDL: readonly string[] = [
  'alter table tessera.saved_reports add column if not exists schedule_cron text',
  'alter table tessera.saved_reports add column if not exists schedule_tz text',
  "alter table tessera.saved_reports add column if not exists schedule_roles text[] not null default '{}'",
  "alter table tessera.saved_reports add column if not exists schedule_users uuid[] not null default '{}'",
  'alter table tessera.saved_reports add column if not exists schedule_next_at timestamptz',
  'alter table tessera.saved_reports add column if not exists schedule_last_at timestamptz',
  'create index if not exists saved_reports_schedule_next on tessera.saved_reports (schedule_next_at) where schedule_next_at is not null',
  'create index if not exists saved_reports_schedule_roles on tessera.saved_reports using gin (schedule_roles)',
  'create index if not exists saved_reports_schedule_users on tessera.saved_reports using gin (schedule_users)',
  `create table if not exists tessera.report_pins (
    user_id uuid not null references tessera.users(id) on delete cascade,
    report_id uuid not null references tessera.saved_reports(id) on delete cascade,
    pinned_at timestamptz not null default now(),
    primary key (user_id, report_id)
  )`,
];
