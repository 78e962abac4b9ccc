import type { WorkflowDefinition } from '@tessera/metadata';
import type { Knex } from 'knex';
import { HttpError } from '../errors/http-error';
import type { CompiledEntity } from '../meta/compile-app-state';
import { isSoftDelete } from '../records/record-scope';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const noUser = (message: string) => new HttpError(409, 'assign_owner_no_user', message);

/** The next of `users` in the turn kept under `key` (the turn lives in the database, so every process shares one rotation). */
export async function ownerByRoundRobin(trx: Knex, users: string[], key: string): Promise<string> {
  const [{ position }] = (await trx.raw(
    'insert into tessera.round_robin (key, position) values (?, 0) on conflict (key) do update set position = tessera.round_robin.position + 1 returning position',
    [key],
  )).rows as Array<{ position: string | number }>;
  const wanted = users[Number(position) % users.length];
  const row = await trx('tessera.users').where(UUID.test(wanted) ? { id: wanted.toLowerCase() } : { username: wanted }).first('id');
  if (!row) throw noUser(`assignOwner: there is no user "${wanted}"; fix the action's users in the workflow`);
  return row.id as string;
}

/**
 * The active user of `users` (ids or usernames) who owns the fewest open records of `entity` —
 * open meaning not in a final state of its workflow — ties broken by username. ONE query: the
 * candidates left-joined to their open records, counted. `except` (the record being assigned)
 * does not count for its current owner. Undefined when none of them is an active user.
 */
export async function ownerByLoad(trx: Knex, entity: CompiledEntity, workflow: WorkflowDefinition, users: string[], except?: string): Promise<string | undefined> {
  if (users.length === 0) return undefined;
  const finals = Object.entries(workflow.machine.states).filter(([, s]) => s.type === 'final').map(([name]) => name);
  const stateColumn = entity.fieldsByName.get(workflow.stateField)!.column;
  const bindings: unknown[] = [entity.schema, entity.table];
  let open = '';
  if (finals.length > 0) {
    open += ` and (r.?? is null or r.?? not in (${finals.map(() => '?').join(', ')}))`;
    bindings.push(stateColumn, stateColumn, ...finals);
  }
  if (isSoftDelete(entity)) open += ' and r.deleted_at is null';
  if (except) {
    open += ' and r.id <> ?';
    bindings.push(except);
  }
  const ids = users.filter((u) => UUID.test(u)).map((u) => u.toLowerCase());
  const names = users.filter((u) => !UUID.test(u));
  const who = [...(ids.length ? [`u.id in (${ids.map(() => '?').join(', ')})`] : []), ...(names.length ? [`u.username in (${names.map(() => '?').join(', ')})`] : [])].join(' or ');
  bindings.push(...ids, ...names);
  const { rows } = await trx.raw(
    `select u.id from tessera.users u left join ??.?? r on r.owner = u.id${open}
     where u.is_active and (${who})
     group by u.id, u.username order by count(r.id), u.username limit 1`,
    bindings as Knex.RawBinding[],
  );
  return (rows as { id: string }[])[0]?.id;
}

/** `ownerByLoad` over `users`, then over `fallback`; a 409 naming both lists when nobody is active. */
export async function ownerByLoadOrFallback(trx: Knex, entity: CompiledEntity, workflow: WorkflowDefinition, users: string[], fallback: string[] | undefined, except?: string): Promise<string> {
  const owner = (await ownerByLoad(trx, entity, workflow, users, except)) ?? (fallback ? await ownerByLoad(trx, entity, workflow, fallback, except) : undefined);
  if (!owner) throw noUser(`assignOwner: none of ${[...users, ...(fallback ?? [])].join(', ')} is an active user`);
  return owner;
}
