import type { Knex } from 'knex';
import { setAuditContext } from '../audit/set-audit-context';
import type { AuthUser } from '../auth/auth-types';
import { HttpError } from '../errors/http-error';
import type { CompiledEntity } from '../meta/compile-app-state';
import type { RecordHooks } from '../plugins/record-hooks-types';
import { deleteRecord } from '../records/delete-record';
import { updateRecord } from '../records/update-record';
import type { ImportRow } from './import-types';

interface DoneRow {
  row_number: number;
  record_id: string;
  action: 'created' | 'updated';
  version_after: number;
  before: Record<string, unknown> | null;
}

/**
 * Undoes a finished (or failed) import in one transaction: records it created are deleted,
 * records it updated get back the values it replaced — but only while each is still at the
 * version the import left it. If anyone wrote to one since (or deleted one it updated), the
 * revert is refused with 409 naming those rows, and nothing changes: undoing would discard
 * that later work. Records already deleted since are left as they are.
 */
export async function revertImport(knex: Knex, entity: CompiledEntity, row: ImportRow, user: AuthUser, requestId: string | undefined, hooks?: RecordHooks): Promise<{ deleted: number; restored: number }> {
  if (row.status === 'running' || row.status === 'uploaded') throw new HttpError(409, 'import_not_finished', `The import is ${row.status === 'running' ? 'still running' : 'not started'}; only a finished import can be reverted`);
  if (row.status === 'reverted') throw new HttpError(409, 'import_reverted', 'The import was already reverted');
  return knex.transaction(async (trx) => {
    // Two reverts at once: the second waits here, then finds the status changed.
    const locked = await trx('tessera.imports').where({ id: row.id }).forUpdate().first('status');
    if (locked?.status === 'reverted') throw new HttpError(409, 'import_reverted', 'The import was already reverted');
    await setAuditContext(trx, { actorId: user.id, requestId: `import:${row.id}:revert${requestId ? ` ${requestId}` : ''}` });
    const done: DoneRow[] = await trx('tessera.import_records').where({ import_id: row.id }).orderBy('row_number').select('row_number', 'record_id', 'action', 'version_after', 'before');
    const versions = new Map<string, number>();
    for (let i = 0; i < done.length; i += 1000) {
      const ids = done.slice(i, i + 1000).map((d) => d.record_id);
      const query = trx.withSchema(entity.schema).table(entity.table).whereIn('id', ids).forUpdate().select('id', 'version');
      if (entity.entity['x-soft-delete']) query.whereNull('deleted_at');
      for (const r of await query) versions.set(r.id, Number(r.version));
    }
    const changed = done.filter((d) => (versions.has(d.record_id) ? versions.get(d.record_id) !== d.version_after : d.action === 'updated'));
    if (changed.length > 0) {
      throw new HttpError(
        409,
        'import_changed_since',
        `${changed.length} record(s) of this import were changed since (rows ${changed.slice(0, 10).map((d) => d.row_number).join(', ')}${changed.length > 10 ? ', …' : ''}); nothing was reverted`,
        changed.map((d) => ({ row: d.row_number, id: d.record_id, message: 'changed after the import' })),
      );
    }
    const ctx = { trx, entity, user, ...(hooks ? { hooks } : {}) };
    let deleted = 0;
    let restored = 0;
    // Last row first: a record the import created and then updated (a repeated key) unwinds in order.
    for (const d of [...done].reverse()) {
      if (!versions.has(d.record_id)) continue;
      if (d.action === 'created') {
        await deleteRecord(ctx, d.record_id, versions.get(d.record_id));
        versions.delete(d.record_id);
        deleted += 1;
      } else {
        const after = await updateRecord(ctx, d.record_id, d.before ?? {}, versions.get(d.record_id));
        versions.set(d.record_id, Number(after.version));
        restored += 1;
      }
    }
    await trx('tessera.imports').where({ id: row.id }).update({ status: 'reverted', reverted_at: trx.fn.now() });
    return { deleted, restored };
  });
}
