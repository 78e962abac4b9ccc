/**
 * Record changes, audited per statement: `ensureAuditTriggers` puts three statement-level
 * triggers on every entity table (PostgreSQL allows transition tables on one event per
 * trigger), and each writes the audit rows of its whole statement with one INSERT … SELECT.
 * The row trigger before it (`audit_record_change`, audit-ddl.ts) ran a plpgsql function and
 * two queries per row; a bulk write of n rows now runs one query.
 *
 * The output is the row trigger's: per record, the changed fields as `[{field, old, new}]`
 * ordered by field, without the bookkeeping columns (id, version, timestamps); an update that
 * changes none of the others writes nothing; setting or clearing `deleted_at` is a `delete` or
 * `restore`; `tessera.audit_action` renames an update (transfer, erase).
 *
 * Two choices are about plans, not style. plpgsql keeps the plan of the first call, made for
 * the row count of that statement (usually 1): an inner join of old and new rows is then a
 * nested loop for every later statement too, quadratic for a 20,000-row bulk update (96 s
 * measured). A FULL JOIN can only be a hash or merge join, so it stays linear whatever the first
 * call was; rows pair by id, which never changes. And `offset 0` keeps `to_jsonb` computed
 * once per row: inlined, it would be recomputed for every key the diff looks at. The function
 * serves every entity table, whose columns may be called anything (credit_grant has `request`):
 * its variables win over a column of the same name, and its own column references are qualified.
 *
 * Applied by the internal migrations (db/internal-migrations.ts), never by hand.
 */
const BOOKKEEPING = `('id', 'version', 'created_at', 'updated_at')`;

/** A created or deleted record lists its non-null fields, against null on the other side. */
const oneSided = (side: 'old' | 'new') => `select coalesce(jsonb_agg(jsonb_build_object('field', e.key, 'old', ${side === 'old' ? 'e.value' : 'null'}, 'new', ${side === 'new' ? 'e.value' : 'null'}) order by e.key), '[]') as changes
          from jsonb_each(to_jsonb(r)) e
         where e.key not in ${BOOKKEEPING} and e.value <> 'null'`;

export const AUDIT_CHANGES_DDL: readonly string[] = [
  `create or replace function tessera.audit_record_changes() returns trigger language plpgsql as $$
   #variable_conflict use_variable
   declare
     audit_actor uuid := nullif(current_setting('tessera.actor_id', true), '')::uuid;
     audit_request text := nullif(current_setting('tessera.request_id', true), '');
   begin
     if tg_op = 'INSERT' then
       insert into tessera.audit_log (actor_id, request_id, action, entity, record_id, changes)
       select audit_actor, audit_request, 'create', tg_argv[0], r.id, d.changes
         from new_rows r
        cross join lateral (${oneSided('new')}) d;
     elsif tg_op = 'DELETE' then
       insert into tessera.audit_log (actor_id, request_id, action, entity, record_id, changes)
       select audit_actor, audit_request, 'delete', tg_argv[0], r.id, d.changes
         from old_rows r
        cross join lateral (${oneSided('old')}) d;
     else
       insert into tessera.audit_log (actor_id, request_id, action, entity, record_id, changes)
       select audit_actor, audit_request,
              coalesce(nullif(current_setting('tessera.audit_action', true), ''),
                       case when j.o ->> 'deleted_at' is null and j.n ->> 'deleted_at' is not null then 'delete'
                            when j.o ->> 'deleted_at' is not null and j.n ->> 'deleted_at' is null then 'restore'
                            else 'update' end),
              tg_argv[0], coalesce(n.id, o.id), d.changes
         from new_rows n
         full join old_rows o on o.id = n.id
        cross join lateral (select to_jsonb(o) as o, to_jsonb(n) as n offset 0) j
        cross join lateral (
          select jsonb_agg(jsonb_build_object('field', k, 'old', coalesce(j.o -> k, 'null'), 'new', coalesce(j.n -> k, 'null')) order by k) as changes
            from jsonb_object_keys(coalesce(j.n, j.o)) k
           where k not in ${BOOKKEEPING} and coalesce(j.o -> k, 'null') is distinct from coalesce(j.n -> k, 'null')) d
        where d.changes is not null;
     end if;
     return null;
   end $$`,
];
