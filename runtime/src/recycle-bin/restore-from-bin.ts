import type { Knex } from 'knex';
import { HttpError } from '../errors/http-error';
import type { AppState, CompiledEntity } from '../meta/compile-app-state';
import { withDbErrors } from '../records/with-db-errors';
import { keepsDeleted } from './cascade-edges';

interface BinRow {
  deletion_id: string;
  root: boolean;
  root_entity: string;
}

/** The entity as an end user names it (English, lower case: errors are English; the web app words its own). */
export const nounOf = (entity: CompiledEntity | undefined, fallback: string) => entity?.entity['x-label'].en.toLowerCase() ?? fallback;
const label = nounOf;

/**
 * Before a restore: a record that went to the bin with its parent comes back only with that
 * parent (409 naming it), so a contact never reappears under a customer still in the bin.
 * Returns the record's bin row (undefined for one deleted before the bin existed).
 */
export async function binEntryFor(trx: Knex.Transaction, state: AppState | undefined, entity: CompiledEntity, id: string): Promise<BinRow | undefined> {
  const row = (await trx('tessera.recycle_bin').where({ entity: entity.entity['x-name'], record_id: id }).forUpdate().first('deletion_id', 'root', 'root_entity')) as BinRow | undefined;
  if (row && !row.root) {
    const parent = nounOf(state && [...state.byPlural.values()].find((e) => e.entity['x-name'] === row.root_entity), row.root_entity);
    throw new HttpError(409, 'deleted_with_parent', `This ${nounOf(entity, '')} was deleted together with its ${parent}; restore the ${parent} to bring it back`);
  }
  return row;
}

/**
 * After the record itself came back: a cascade parent it points at must be live (409 otherwise:
 * restore the parent first), and the records its deletion took along come back too — exactly
 * those, by deletion id, one statement per entity — and leave the bin.
 */
export async function restoreDeletion(trx: Knex.Transaction, state: AppState | undefined, entity: CompiledEntity, row: Record<string, unknown>, bin: BinRow | undefined): Promise<void> {
  if (state) await assertParentsLive(trx, state, entity, row);
  if (!bin) return;
  const entities = (await trx('tessera.recycle_bin').where({ deletion_id: bin.deletion_id, root: false }).distinct('entity')) as { entity: string }[];
  for (const { entity: name } of entities) {
    const child = state && [...state.byPlural.values()].find((e) => e.entity['x-name'] === name);
    if (!child || !keepsDeleted(child)) continue; // unpublished since, or no longer soft-deleting: nothing to bring back
    await withDbErrors(child, 'write', () => trx.raw(
      `update ??.?? set deleted_at = null, updated_at = now(), version = version + 1
       where deleted_at is not null and id in (select record_id from tessera.recycle_bin where deletion_id = ? and entity = ?)`,
      [child.schema, child.table, bin.deletion_id, name],
    ));
  }
  await trx('tessera.recycle_bin').where({ deletion_id: bin.deletion_id }).delete();
}

async function assertParentsLive(trx: Knex.Transaction, state: AppState, entity: CompiledEntity, row: Record<string, unknown>): Promise<void> {
  for (const [field, def] of Object.entries(entity.entity.properties)) {
    const relation = def['x-relation'];
    if (relation?.kind !== 'many-to-one' || relation.onDelete !== 'cascade') continue;
    const column = entity.fieldsByName.get(field)?.column ?? field;
    const parentId = row[column];
    const parent = [...state.byPlural.values()].find((e) => e.entity['x-name'] === relation.entity);
    if (typeof parentId !== 'string' || !parent || !keepsDeleted(parent)) continue;
    const gone = await trx.withSchema(parent.schema).table(parent.table).where({ id: parentId }).whereNotNull('deleted_at').first('id');
    if (gone) throw new HttpError(409, 'parent_deleted', `${field}: its ${label(parent, relation.entity)} is in the recycle bin; restore the ${label(parent, relation.entity)} first`, [{ field, rule: 'parent_deleted', message: `the ${label(parent, relation.entity)} is in the recycle bin` }]);
  }
}
