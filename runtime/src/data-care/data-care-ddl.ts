/**
 * The audit log stays append-only, with one exception: a data-care erasure (erase-person.ts)
 * may rewrite the `changes` and `meta` of existing entries in the transaction that sets
 * `tessera.erasure` — never their time, actor, action or record, and never delete one. The app
 * has one database role, so this is a guard against code paths, as the trigger always was.
 * Applied by the internal migrations (db/internal-migrations.ts), never by hand.
 */
export const DATA_CARE_DDL: readonly string[] = [
  `create or replace function tessera.audit_log_is_append_only() returns trigger language plpgsql as $$
   begin
     if tg_op = 'UPDATE' and current_setting('tessera.erasure', true) = 'on'
        and new.id = old.id and new.at = old.at and new.actor_id is not distinct from old.actor_id
        and new.request_id is not distinct from old.request_id and new.action = old.action
        and new.entity is not distinct from old.entity and new.record_id is not distinct from old.record_id then
       return new;
     end if;
     raise exception 'tessera.audit_log is append-only: % is not allowed', tg_op using errcode = '42501';
   end $$`,
];
