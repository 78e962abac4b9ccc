// The designer's unpublished draft, one per app, shared by every implementer and browser
// (ADR 0038). `revision` grows on every change (edit, undo, redo, discard): a client sends the
// revision it edited and a stale one is refused. `position` is the step shown; steps after it
// are the redo branch. A discarded draft keeps its row (position null) so a late save from
// another browser learns who discarded it, and the revision never goes back.
/** Applied by the internal migrations (db/internal-migrations.ts), never by hand. */
export const DRAFTS_DDL: readonly string[] = [
  `create table if not exists tessera.designer_drafts (
    app_name text primary key,
    revision integer not null,
    base_version integer,
    position integer,
    last_action text not null,
    updated_by uuid references tessera.users(id) on delete set null,
    updated_at timestamptz not null default now()
  )`,
  `create table if not exists tessera.designer_draft_steps (
    app_name text not null references tessera.designer_drafts(app_name) on delete cascade,
    step integer not null,
    definition json not null, -- json, not jsonb: the order of fields in an app is meaningful
    created_by uuid references tessera.users(id) on delete set null,
    created_at timestamptz not null default now(),
    primary key (app_name, step)
  )`,
];
