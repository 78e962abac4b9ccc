import type { Knex } from 'knex';
import type { AuthUser } from '../auth/auth-types';
import { HttpError } from '../errors/http-error';
import type { AppState, CompiledEntity } from '../meta/compile-app-state';
import type { RecordHooks } from '../plugins/record-hooks-types';
import { personalFields, referrersOf } from './personal-fields';
import { personRow } from './person-data';

/** What an erased text field holds when it may not be empty (a required name). */
export const ERASED = '[erased]';

export interface ErasureResult {
  fields: string[];
  related: number;
  files: number;
  /** Storage keys no other file uses any more: removed from storage once the transaction committed. */
  orphanedKeys: string[];
}

/**
 * Erases one person (PIPL art. 47 / GDPR art. 17) in ONE transaction: their record's personal
 * fields are emptied (a required one gets ERASED), the declared personal fields (`x-personal:
 * true`) of records referring to them too, every audit entry of those records has the old and
 * new values of those fields replaced by ERASED, the records' import snapshots likewise, their
 * files' rows deleted — and one audit entry says who erased whom, when and why. The record
 * itself stays (with its id and relations), so the CRM's history keeps its shape.
 */
export async function erasePerson(knex: Knex, state: AppState, entity: CompiledEntity, id: string, user: AuthUser, reason: string, requestId: string | undefined, hooks?: RecordHooks): Promise<ErasureResult> {
  const fields = personalFields(entity.entity);
  if (fields.length === 0) throw new HttpError(422, 'no_personal_fields', `A ${entity.entity['x-name']} holds no personal data to erase`);
  return knex.transaction(async (trx) => {
    const row = await personRow(trx, entity, id).forUpdate().first('id');
    if (!row) throw new HttpError(404, 'not_found', `No ${entity.entity['x-name']} ${id}`);
    // Only this transaction may rewrite audit entries (the append-only trigger checks the flag).
    await trx.raw("select set_config('tessera.actor_id', ?, true), set_config('tessera.request_id', ?, true), set_config('tessera.audit_action', 'erase', true), set_config('tessera.erasure', 'on', true)", [user.id, requestId ?? '']);
    const blanks = (target: CompiledEntity, names: string[]) => {
      const required = new Set(target.entity.required ?? []);
      return Object.fromEntries(names.map((f) => {
        const compiled = target.fieldsByName.get(f)!;
        const kind = target.entity.properties[f]['x-type'];
        return [compiled.column, required.has(f) && ['text', 'textarea'].includes(kind) ? ERASED : null];
      }));
    };
    const bump = (db: Knex.Transaction) => ({ version: db.raw('version + 1'), updated_at: db.fn.now() });
    // Plugins that keep copies of field values (dedup's normalized phone/email keys) see the
    // erasure as the update it is and drop them; what they return is not stored (raw SQL below).
    if (hooks?.declares(entity, ['beforeUpdate'])) {
      const blank = blanks(entity, fields);
      await hooks.beforeUpdate({ trx, entity }, id, Object.fromEntries(fields.map((f) => [f, blank[entity.fieldsByName.get(f)!.column]])));
    }
    await personRow(trx, entity, id).update({ ...blanks(entity, fields), ...bump(trx) });
    await redactAudit(trx, entity, [id], fields);
    await redactImports(trx, [id], fields);

    let related = 0;
    for (const ref of referrersOf(state, entity.entity['x-name'])) {
      const declared = personalFields(ref.entity.entity, true);
      if (declared.length === 0) continue;
      const ids = (await trx.withSchema(ref.entity.schema).table(ref.entity.table).where(ref.column, id).forUpdate().select('id')).map((r: { id: string }) => r.id);
      if (ids.length === 0) continue;
      await trx.withSchema(ref.entity.schema).table(ref.entity.table).whereIn('id', ids).update({ ...blanks(ref.entity, declared), ...bump(trx) });
      await redactAudit(trx, ref.entity, ids, declared);
      await redactImports(trx, ids, declared);
      related += ids.length;
    }

    const files = await trx('tessera.files').where({ app: state.app.name, entity: entity.entity['x-name'], record_id: id }).del().returning('storage_key');
    const keys = [...new Set(files.map((f: { storage_key: string }) => f.storage_key))];
    const kept = keys.length ? new Set((await trx('tessera.files').whereIn('storage_key', keys).distinct('storage_key')).map((r: { storage_key: string }) => r.storage_key)) : new Set<string>();

    // The record's own entry from the trigger (action `erase`) carries the reason.
    const meta = JSON.stringify({ reason, fields, related, files: files.length });
    const updated = await trx.raw(
      `update tessera.audit_log set meta = meta || ?::jsonb where id = (select max(id) from tessera.audit_log where entity = ? and record_id = ? and action = 'erase')`,
      [meta, entity.entity['x-name'], id],
    );
    // Nothing changed (every personal field was already empty): the trigger wrote no entry.
    if ((updated.rowCount ?? 0) === 0) {
      await trx('tessera.audit_log').insert({ actor_id: user.id, request_id: requestId ?? null, action: 'erase', entity: entity.entity['x-name'], record_id: id, meta });
    }
    return { fields, related, files: files.length, orphanedKeys: keys.filter((k) => !kept.has(k)) };
  });
}

/** Every audit entry of the records: the old and new values of the erased columns become ERASED. */
async function redactAudit(trx: Knex.Transaction, entity: CompiledEntity, ids: string[], fields: string[]): Promise<void> {
  const columns = fields.map((f) => entity.fieldsByName.get(f)!.column);
  const redact = (side: string) => `case when c -> '${side}' = 'null'::jsonb then 'null'::jsonb else to_jsonb(?::text) end`;
  for (let i = 0; i < ids.length; i += 1000) {
    await trx.raw(
      `update tessera.audit_log a set changes = (
          select coalesce(jsonb_agg(case when c ->> 'field' = any(?::text[])
                   then jsonb_build_object('field', c -> 'field', 'old', ${redact('old')}, 'new', ${redact('new')})
                   else c end order by n), '[]'::jsonb)
            from jsonb_array_elements(a.changes) with ordinality as e(c, n))
        where a.entity = ? and a.record_id = any(?::uuid[])
          and exists (select 1 from jsonb_array_elements(a.changes) c where c ->> 'field' = any(?::text[]))`,
      [columns, ERASED, ERASED, entity.entity['x-name'], ids.slice(i, i + 1000), columns],
    );
  }
}

/** An import's record of what it replaced keeps old values (for its revert): those go too. */
async function redactImports(trx: Knex.Transaction, ids: string[], fields: string[]): Promise<void> {
  await trx.raw(
    `update tessera.import_records set before = before - ?::text[] where record_id = any(?::uuid[]) and before is not null and jsonb_exists_any(before, ?::text[])`,
    [fields, ids, fields],
  );
}
