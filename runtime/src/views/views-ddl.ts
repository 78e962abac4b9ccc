
// One row per saved list view: the list query as the API takes it (filter, sort, q, fields),
// per user and entity, names unique there. Deleting a user deletes their views.
/** Applied by the internal migrations (db/internal-migrations.ts), never by hand. */
export const VIEWS_DDL: readonly string[] = [
  `create table if not exists tessera.saved_views (
    id uuid primary key default gen_random_uuid(),
    user_id uuid not null references tessera.users(id) on delete cascade,
    entity text not null,
    name text not null,
    query jsonb not null,
    shared boolean not null default false,
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now(),
    unique (user_id, entity, name)
  )`,
  'create index if not exists saved_views_shared on tessera.saved_views (entity) where shared',
];

