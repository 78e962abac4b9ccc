// One row per saved report (issue 21): the aggregate question (entity, groups, measures, filter,
// time range) and how to draw it, owned by a user and shared with roles and/or users. The
// question is stored, never its numbers: each viewer's run is their own (ADR 0049).
/** Applied by the internal migrations (db/internal-migrations.ts), never by hand. */
export const REPORTS_DDL: readonly string[] = [
  `create table if not exists tessera.saved_reports (
    id uuid primary key default gen_random_uuid(),
    user_id uuid not null references tessera.users(id) on delete cascade,
    name text not null,
    label text not null,
    entity text not null,
    definition jsonb not null,
    shared_roles text[] not null default '{}',
    shared_users uuid[] not null default '{}',
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now(),
    unique (user_id, name)
  )`,
  'create index if not exists saved_reports_shared_roles on tessera.saved_reports using gin (shared_roles)',
  'create index if not exists saved_reports_shared_users on tessera.saved_reports using gin (shared_users)',
];
