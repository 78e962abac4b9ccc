
// Bookkeeping beside metadata_versions: who moved which record when (history), side effects
// waiting to leave (outbox, written in the transition's own transaction), round-robin turns,
// and in-app notifications the outbox delivers.
/** Applied by the internal migrations (db/internal-migrations.ts), never by hand. */
export const WORKFLOW_DDL: readonly string[] = [
  'create schema if not exists tessera',
  `create table if not exists tessera.workflow_history (
    id uuid primary key default gen_random_uuid(),
    entity text not null,
    record_id uuid not null,
    workflow text not null,
    workflow_version integer not null,
    app_version integer not null,
    from_state text not null,
    to_state text not null,
    event text not null,
    data jsonb not null default '{}'::jsonb,
    actor uuid,
    at timestamptz not null default now()
  )`,
  'create index if not exists workflow_history_record on tessera.workflow_history (entity, record_id, at)',
  `create table if not exists tessera.outbox (
    id uuid primary key default gen_random_uuid(),
    kind text not null,
    payload jsonb not null,
    created_at timestamptz not null default now(),
    sent_at timestamptz,
    attempts integer not null default 0,
    last_error text
  )`,
  // queued_at: handed to the webhook job (pg-boss retries it); dead_at: retries exhausted, kept for an admin to see.
  'alter table tessera.outbox add column if not exists queued_at timestamptz',
  'alter table tessera.outbox add column if not exists dead_at timestamptz',
  'create index if not exists outbox_unsent on tessera.outbox (created_at) where sent_at is null',
  'create index if not exists outbox_dead on tessera.outbox (dead_at) where dead_at is not null',
  `create table if not exists tessera.round_robin (
    key text primary key,
    position bigint not null
  )`,
  `create table if not exists tessera.notifications (
    id uuid primary key default gen_random_uuid(),
    user_id uuid not null,
    subject text,
    body text not null,
    entity text,
    record_id uuid,
    outbox_id uuid unique,
    created_at timestamptz not null default now(),
    read_at timestamptz
  )`,
  'create index if not exists notifications_user on tessera.notifications (user_id, created_at)',
];

