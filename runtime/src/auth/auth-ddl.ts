
/**
 * Identity tables in the bookkeeping schema. Plain `create … if not exists` DDL so that every
 * start can run it; the advisory lock keeps two processes starting at once from colliding on
 * the catalog (the same lock the metadata table uses).
 */
/** Applied by the internal migrations (db/internal-migrations.ts), never by hand. */
export const AUTH_DDL: readonly string[] = [
  `create table if not exists tessera.departments (
    id uuid primary key default gen_random_uuid(),
    name text not null,
    parent_id uuid references tessera.departments(id) on delete restrict,
    created_at timestamptz not null default now()
  )`,
  `create table if not exists tessera.users (
    id uuid primary key default gen_random_uuid(),
    username text not null unique,
    email text unique,
    display_name text not null,
    password_hash text not null,
    roles text[] not null default '{}',
    department_id uuid references tessera.departments(id) on delete set null,
    manager_id uuid references tessera.users(id) on delete set null,
    is_active boolean not null default true,
    failed_logins integer not null default 0,
    locked_until timestamptz,
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now()
  )`,
  `create table if not exists tessera.teams (
    id uuid primary key default gen_random_uuid(),
    name text not null unique,
    department_id uuid references tessera.departments(id) on delete set null,
    created_at timestamptz not null default now()
  )`,
  `create table if not exists tessera.team_members (
    team_id uuid not null references tessera.teams(id) on delete cascade,
    user_id uuid not null references tessera.users(id) on delete cascade,
    is_lead boolean not null default false,
    primary key (team_id, user_id)
  )`,
  `create table if not exists tessera.sessions (
    id text primary key,
    user_id uuid not null references tessera.users(id) on delete cascade,
    csrf_token text not null,
    created_at timestamptz not null default now(),
    expires_at timestamptz not null,
    revoked_at timestamptz
  )`,
  `create index if not exists sessions_user_id_idx on tessera.sessions (user_id)`,
  `create table if not exists tessera.api_tokens (
    id uuid primary key default gen_random_uuid(),
    user_id uuid not null references tessera.users(id) on delete cascade,
    name text not null,
    token_hash text not null unique,
    scopes text[] not null,
    created_at timestamptz not null default now(),
    last_used_at timestamptz,
    revoked_at timestamptz
  )`,
  // Failed logins per (username, client address), keyed by a hash so the table holds no raw
  // addresses; it exists for unknown usernames too, so a lockout reveals nothing.
  `create table if not exists tessera.login_throttle (
    key text primary key,
    failures integer not null default 0,
    locked_until timestamptz,
    updated_at timestamptz not null default now()
  )`,
];

