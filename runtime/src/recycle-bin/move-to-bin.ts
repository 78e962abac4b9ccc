import { randomUUID } from 'node:crypto';
import type { Knex } from 'knex';
import { HttpError } from '../errors/http-error';
import type { AppState, CompiledEntity } from '../meta/compile-app-state';
import { edgesInto, keepsDeleted, uuidArray } from './cascade-edges';
import { nounOf } from './restore-from-bin';

/** One deletion: the record a user deleted and everything its cascade took along share its id. */
export interface Deletion {
  id: string;
  rootEntity: string;
  rootId: string;
  userId: string | null;
}

export const newDeletion = (entity: CompiledEntity, id: string, userId: string | null): Deletion => ({ id: randomUUID(), rootEntity: entity.entity['x-name'], rootId: id, userId });

/** `insert into the bin … from moved` (a CTE named `moved` with an `id` column), returning the ids filed. */
const BIN_INSERT = `insert into tessera.recycle_bin (entity, record_id, deletion_id, root, root_entity, root_id, deleted_by, deleted_at)
  select ?, id, ?, ?, ?, ?, ?, now() from moved
  on conflict (entity, record_id) do update set deletion_id = excluded.deletion_id, root = excluded.root, root_entity = excluded.root_entity,
    root_id = excluded.root_id, deleted_by = excluded.deleted_by, deleted_at = excluded.deleted_at
  returning record_id`;
const binValues = (d: Deletion, entity: string, root: boolean) => [entity, d.id, root, d.rootEntity, d.rootId, d.userId];

/**
 * Puts a just soft-deleted record into the recycle bin and soft-deletes what its cascade would
 * have removed, in the caller's transaction, all under one deletion id. What a hard delete does
 * through foreign keys is done here level by level (one statement per child relation and level):
 * `cascade` children that keep deleted records follow their parent; a live `restrict` child
 * refuses the delete (409), as the foreign key would; `set-null` children keep pointing at the
 * record, which the purge then clears. Children of an entity that does not keep deleted records
 * stay until the purge removes them with their parent.
 */
export async function moveToBin(trx: Knex.Transaction, state: AppState | undefined, entity: CompiledEntity, deletion: Deletion): Promise<void> {
  await trx.raw(`with moved as (select ?::uuid as id) ${BIN_INSERT}`, [deletion.rootId, ...binValues(deletion, entity.entity['x-name'], true)]);
  if (!state) return;
  let level: { entity: CompiledEntity; ids: string[] }[] = [{ entity, ids: [deletion.rootId] }];
  while (level.length > 0) {
    const next: typeof level = [];
    for (const { entity: parent, ids } of level) {
      for (const edge of edgesInto(state, parent.entity['x-name'])) {
        const live = keepsDeleted(edge.child) ? 'and deleted_at is null' : '';
        if (edge.onDelete === 'restrict') {
          const blocking = await trx.raw(`select 1 from ??.?? where ?? = any(?::uuid[]) ${live} limit 1`, [edge.child.schema, edge.child.table, edge.column, uuidArray(ids)]);
          if (blocking.rows.length > 0) throw stillReferenced(parent, edge.child);
        }
        if (edge.onDelete !== 'cascade' || !keepsDeleted(edge.child)) continue;
        const moved = await trx.raw(
          `with moved as (update ??.?? set deleted_at = now(), updated_at = now(), version = version + 1 where ?? = any(?::uuid[]) and deleted_at is null returning id)
           ${BIN_INSERT}`,
          [edge.child.schema, edge.child.table, edge.column, uuidArray(ids), ...binValues(deletion, edge.child.entity['x-name'], false)],
        );
        const childIds = (moved.rows as { record_id: string }[]).map((r) => r.record_id);
        if (childIds.length > 0) next.push({ entity: edge.child, ids: childIds });
      }
    }
    level = next;
  }
}

function stillReferenced(parent: CompiledEntity, child: CompiledEntity): HttpError {
  const children = child.entity['x-label-plural']?.en.toLowerCase() ?? child.entity['x-plural'];
  return new HttpError(409, 'conflict', `This ${nounOf(parent, '')} still has ${children}; remove those first`, [
    { field: 'id', rule: 'referenced', message: `still referenced by ${children}` },
  ]);
}
