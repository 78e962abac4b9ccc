/**
 * Tessera's import tables (internal migration `0.3.0-01-imports`):
 * - `imports`: one uploaded file (its bytes, so any process can preview or run it), the mapping
 *   and mode it was started with, and its progress, persisted with every batch.
 * - `import_mappings`: the last mapping a user started for an entity, by column header.
 * - `import_records`: what each imported row did (created or updated, the version it left and
 *   the values it replaced), so a revert can undo exactly that — and refuse after a newer write.
 * - `import_rejects`: rows not written, with their cells and the reasons (the result file).
 */
export const IMPORT_DDL: readonly string[] = [
  `create table tessera.imports (
    id uuid primary key,
    app text not null,
    entity text not null,
    file_name text not null,
    format text not null,
    encoding text,
    content bytea not null,
    size integer not null,
    columns jsonb not null,
    total integer not null,
    status text not null default 'uploaded' check (status in ('uploaded', 'running', 'done', 'failed', 'reverted')),
    mode text check (mode in ('skip', 'update', 'create')),
    mapping jsonb,
    locale text not null default 'en',
    processed integer not null default 0,
    created integer not null default 0,
    updated integer not null default 0,
    skipped integer not null default 0,
    rejected integer not null default 0,
    error text,
    lease_until timestamptz,
    created_by uuid not null references tessera.users (id),
    created_at timestamptz not null default now(),
    started_at timestamptz,
    finished_at timestamptz,
    reverted_at timestamptz
  )`,
  'create index imports_by_entity on tessera.imports (app, entity, created_by, created_at desc)',
  `create table tessera.import_mappings (
    app text not null,
    entity text not null,
    user_id uuid not null references tessera.users (id) on delete cascade,
    mapping jsonb not null,
    updated_at timestamptz not null default now(),
    primary key (app, entity, user_id)
  )`,
  `create table tessera.import_records (
    import_id uuid not null references tessera.imports (id) on delete cascade,
    row_number integer not null,
    record_id uuid not null,
    action text not null check (action in ('created', 'updated')),
    version_after integer not null,
    before jsonb,
    primary key (import_id, row_number)
  )`,
  `create table tessera.import_rejects (
    import_id uuid not null references tessera.imports (id) on delete cascade,
    row_number integer not null,
    cells jsonb not null,
    reasons text not null,
    primary key (import_id, row_number)
  )`,
];
