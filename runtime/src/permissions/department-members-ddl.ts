/**
 * `tessera.department_members`: for every department, every user in it or anywhere below it
 * (the org tree's closure over users). The department-subtree scope reads one index range of
 * it (`department_id = ?`) instead of walking the tree with a recursive CTE on every list:
 * planning and running the recursive form cost more than the list itself (ADR 0018).
 *
 * Kept exact by triggers in the same transaction as the change, so an org change applies to
 * the very next query in every process and nothing is cached in memory:
 * - users are added or change department: their rows are rewritten (one pass per statement);
 * - the tree changes (a department added, moved or deleted): the whole table is rebuilt —
 *   org changes are rare and the table is small (users × depth).
 * Both take one advisory lock, so concurrent org edits queue instead of colliding on the key.
 * The rebuild uses `union` (not `union all`), so even a cycle in the tree would terminate.
 */
const LOCK = `perform pg_advisory_xact_lock(hashtext('tessera:department_members'));`;

/** `(department_id, user_id)` for each `(id, department_id)` user row of `users` and every ancestor department, ordered by department. */
const ancestorsOf = (users: string) =>
  `with recursive up(user_id, department_id) as (select u.id, u.department_id from (${users}) u where u.department_id is not null ` +
  `union select up.user_id, d.parent_id from up join tessera.departments d on d.id = up.department_id where d.parent_id is not null) ` +
  `select department_id, user_id from up order by department_id, user_id`;

export const DEPARTMENT_MEMBERS_DDL = [
  `create table if not exists tessera.department_members (
    department_id uuid not null references tessera.departments(id) on delete cascade,
    user_id uuid not null references tessera.users(id) on delete cascade,
    primary key (department_id, user_id)
  )`,
  `create index if not exists department_members_user_idx on tessera.department_members (user_id)`,
  `create or replace function tessera.rebuild_department_members() returns void language plpgsql as $$
  begin
    ${LOCK}
    delete from tessera.department_members;
    insert into tessera.department_members (department_id, user_id) ${ancestorsOf('select id, department_id from tessera.users')};
  end $$`,
  `create or replace function tessera.department_members_on_tree() returns trigger language plpgsql as $$
  begin
    perform tessera.rebuild_department_members();
    return null;
  end $$`,
  // Statement-level with transition tables: a 10,000-user import is one pass, and each pass
  // writes its rows ordered by department, so one department's rows share few pages.
  `create or replace function tessera.department_members_on_users() returns trigger language plpgsql as $$
  begin
    if tg_op = 'INSERT' then
      ${LOCK}
      insert into tessera.department_members (department_id, user_id) ${ancestorsOf('select c.id, c.department_id from changed c')};
      return null;
    end if;
    -- Most user updates (sign-in bookkeeping, names) move no one: no lock, no writes.
    if not exists (select n.id, n.department_id from changed n join old_users o on o.id = n.id where o.department_id is distinct from n.department_id) then return null; end if;
    ${LOCK}
    delete from tessera.department_members where user_id in (select id from (select n.id, n.department_id from changed n join old_users o on o.id = n.id where o.department_id is distinct from n.department_id) m);
    insert into tessera.department_members (department_id, user_id) ${ancestorsOf('select n.id, n.department_id from changed n join old_users o on o.id = n.id where o.department_id is distinct from n.department_id')};
    return null;
  end $$`,
  `create or replace trigger department_members_tree after insert or delete or update of parent_id on tessera.departments
    for each statement execute function tessera.department_members_on_tree()`,
  `create or replace trigger department_members_users_insert after insert on tessera.users
    referencing new table as changed for each statement execute function tessera.department_members_on_users()`,
  `create or replace trigger department_members_users_update after update on tessera.users
    referencing old table as old_users new table as changed for each statement execute function tessera.department_members_on_users()`,
  // Every start rebuilds it: it heals rows written before the triggers existed (an upgrade).
  `select tessera.rebuild_department_members()`,
];
