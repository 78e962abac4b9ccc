
/**
 * `tessera.audit_log`: append-only. The app connects as one database role, which cannot revoke
 * UPDATE/DELETE from itself (and PGlite has no roles), so triggers refuse them instead — and the
 * code has no path that updates or deletes an entry.
 *
 * Record changes are written by triggers on every entity table, in the transaction of the
 * change itself, whatever the write path (single, bulk, workflow). The actor, request id and a
 * more specific action (transfer) come from transaction-local settings that `setAuditContext`
 * puts on the write's transaction. Since 0.2.0-12 the triggers run per statement
 * (`audit_record_changes`, audit-changes-ddl.ts); the per-row `audit_record_change` below is a
 * released migration's and stays, unused once `ensureAuditTriggers` has swapped a table's trigger.
 */
/** Applied by the internal migrations (db/internal-migrations.ts), never by hand. */
export const AUDIT_DDL: readonly string[] = [
  `create table if not exists tessera.audit_log (
    id bigserial primary key,
    at timestamptz not null default now(),
    actor_id uuid,
    request_id text,
    action text not null,
    entity text,
    record_id uuid,
    changes jsonb not null default '[]',
    meta jsonb not null default '{}'
  )`,
  `create index if not exists audit_log_record_idx on tessera.audit_log (entity, record_id, id)`,
  `create or replace function tessera.audit_log_is_append_only() returns trigger language plpgsql as $$
   begin
     raise exception 'tessera.audit_log is append-only: % is not allowed', tg_op using errcode = '42501';
   end $$`,
  `create or replace trigger audit_log_append_only before update or delete on tessera.audit_log
     for each row execute function tessera.audit_log_is_append_only()`,
  `create or replace trigger audit_log_no_truncate before truncate on tessera.audit_log
     for each statement execute function tessera.audit_log_is_append_only()`,
  // Changed fields only; the bookkeeping columns (id, version, timestamps) are noise in a timeline.
  `create or replace function tessera.audit_record_change() returns trigger language plpgsql as $$
   declare
     old_j jsonb := case when tg_op = 'INSERT' then null else to_jsonb(old) end;
     new_j jsonb := case when tg_op = 'DELETE' then null else to_jsonb(new) end;
     act text := case tg_op when 'INSERT' then 'create' when 'UPDATE' then 'update' else 'delete' end;
     diff jsonb;
   begin
     select coalesce(jsonb_agg(jsonb_build_object('field', k, 'old', coalesce(old_j -> k, 'null'), 'new', coalesce(new_j -> k, 'null')) order by k), '[]')
       into diff
       from jsonb_object_keys(coalesce(new_j, old_j)) as k
      where k not in ('id', 'version', 'created_at', 'updated_at')
        and coalesce(old_j -> k, 'null') is distinct from coalesce(new_j -> k, 'null');
     if tg_op = 'UPDATE' then
       if diff = '[]' then return null; end if;
       if (old_j ->> 'deleted_at') is null and (new_j ->> 'deleted_at') is not null then act := 'delete';
       elsif (old_j ->> 'deleted_at') is not null and (new_j ->> 'deleted_at') is null then act := 'restore';
       end if;
       act := coalesce(nullif(current_setting('tessera.audit_action', true), ''), act);
     end if;
     insert into tessera.audit_log (actor_id, request_id, action, entity, record_id, changes)
     values (nullif(current_setting('tessera.actor_id', true), '')::uuid, nullif(current_setting('tessera.request_id', true), ''),
             act, tg_argv[0], coalesce(new_j ->> 'id', old_j ->> 'id')::uuid, diff);
     return null;
   end $$`,
  // For single-statement writes (no transaction of their own): evaluated as the row's version
  // increment, it puts the actor on the statement's implicit transaction before the AFTER
  // trigger reads it, saving the BEGIN/set_config/COMMIT round trips (see setAuditContext).
  `create or replace function tessera.audit_context(actor text, request text, action text) returns integer language plpgsql volatile as $$
   begin
     perform set_config('tessera.actor_id', coalesce(actor, ''), true), set_config('tessera.request_id', coalesce(request, ''), true),
             set_config('tessera.audit_action', coalesce(action, ''), true);
     return 1;
   end $$`,
];

