/**
 * One row per soft-deleted record that went to the recycle bin: the record a user deleted
 * (`root`) and every record its cascade took with it, all under the same `deletion_id`, so a
 * restore brings back exactly those (not children deleted on their own before). The entity
 * tables keep only `deleted_at`; this table says who, which deletion, and what came along.
 * Applied by the internal migrations (db/internal-migrations.ts), never by hand.
 */
export const RECYCLE_BIN_DDL: readonly string[] = [
  `create table if not exists tessera.recycle_bin (
    entity text not null,
    record_id uuid not null,
    deletion_id uuid not null,
    root boolean not null,
    root_entity text not null,
    root_id uuid not null,
    deleted_by uuid references tessera.users(id) on delete set null,
    deleted_at timestamptz not null default now(),
    primary key (entity, record_id)
  )`,
  'create index if not exists recycle_bin_deletion on tessera.recycle_bin (deletion_id)',
  'create index if not exists recycle_bin_roots on tessera.recycle_bin (entity, deleted_at desc) where root',
  'create index if not exists recycle_bin_expiry on tessera.recycle_bin (deleted_at) where root',
];
