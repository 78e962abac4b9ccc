
/**
 * `tessera.files`: one row per upload. `record_id` is null until a record write attaches the
 * file (in that write's transaction); an unattached file is visible to its uploader only.
 */
export const FILES_DDL: readonly string[] = [
  `create table if not exists tessera.files (
    id uuid primary key,
    app text not null,
    entity text not null,
    field text not null,
    name text not null,
    mime text not null,
    size bigint not null,
    sha256 char(64) not null,
    storage_key text not null,
    created_by uuid not null,
    created_at timestamptz not null default now(),
    record_id uuid
  )`,
  'create index if not exists files_record_idx on tessera.files (record_id)',
];
