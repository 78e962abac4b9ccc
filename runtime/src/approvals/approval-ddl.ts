
// One row per chain (its whole engine state as jsonb, plus the definition it started with, so a
// later publish never changes a running chain), one row per task (the inbox reads only these),
// and standing delegations. The inbox index serves "my pending tasks, oldest first" by keyset.
/** Applied by the internal migrations (db/internal-migrations.ts), never by hand. */
export const APPROVAL_DDL: readonly string[] = [
  `create table if not exists tessera.approval_instances (
    id uuid primary key default gen_random_uuid(),
    entity text not null,
    record_id uuid not null,
    workflow text not null,
    workflow_version integer not null,
    app_version integer not null,
    state_name text not null,
    definition jsonb not null,
    state jsonb not null,
    status text not null,
    submitter uuid not null,
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now()
  )`,
  'create index if not exists approval_instances_record on tessera.approval_instances (entity, record_id, created_at)',
  `create table if not exists tessera.approval_tasks (
    id uuid primary key default gen_random_uuid(),
    instance_id uuid not null references tessera.approval_instances(id) on delete cascade,
    task_key text not null,
    step text not null,
    round integer not null,
    assignee uuid not null,
    status text not null,
    created_at timestamptz not null default now(),
    acted_at timestamptz,
    comment text,
    delegated_from uuid,
    unique (instance_id, task_key)
  )`,
  'create index if not exists approval_tasks_inbox on tessera.approval_tasks (assignee, status, created_at, id)',
  `create table if not exists tessera.approval_delegations (
    id uuid primary key default gen_random_uuid(),
    user_id uuid not null references tessera.users(id) on delete cascade,
    delegate_id uuid not null references tessera.users(id) on delete cascade,
    starts_at timestamptz not null,
    ends_at timestamptz not null,
    created_at timestamptz not null default now(),
    check (ends_at > starts_at),
    check (user_id <> delegate_id)
  )`,
  'create index if not exists approval_delegations_user on tessera.approval_delegations (user_id, ends_at)',
];

