import { DEPARTMENT_MEMBERS_DDL } from './department-members-ddl';

/**
 * `tessera.record_shares`: a record shared with a user or a team, to read or to edit. Keyed by
 * entity name + record id (entity tables live in the app schema and come and go with metadata,
 * so there is no foreign key to them); the scope SQL looks shares up by (entity, record).
 */
/** Applied by the internal migrations (db/internal-migrations.ts), never by hand. */
export const PERMISSION_DDL: readonly string[] = [
  `create table if not exists tessera.record_shares (
    id uuid primary key default gen_random_uuid(),
    entity text not null,
    record_id uuid not null,
    user_id uuid references tessera.users(id) on delete cascade,
    team_id uuid references tessera.teams(id) on delete cascade,
    access text not null check (access in ('read', 'edit')),
    created_by uuid,
    created_at timestamptz not null default now(),
    check ((user_id is null) <> (team_id is null))
  )`,
  `create unique index if not exists record_shares_user_uq on tessera.record_shares (entity, record_id, user_id) where user_id is not null`,
  `create unique index if not exists record_shares_team_uq on tessera.record_shares (entity, record_id, team_id) where team_id is not null`,
  `create index if not exists record_shares_user_idx on tessera.record_shares (user_id, entity)`,
  `create index if not exists record_shares_team_idx on tessera.record_shares (team_id, entity)`,
  // The scope subqueries look users up by department and teams by member.
  `create index if not exists users_department_idx on tessera.users (department_id)`,
  `create index if not exists team_members_user_idx on tessera.team_members (user_id)`,
  `create index if not exists departments_parent_idx on tessera.departments (parent_id)`,
  ...DEPARTMENT_MEMBERS_DDL,
];

