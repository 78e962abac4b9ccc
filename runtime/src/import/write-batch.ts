import { randomUUID } from 'node:crypto';
import type { Knex } from 'knex';
import { setAuditContext } from '../audit/set-audit-context';
import { readConfig } from '../config/read-config';
import type { CompiledEntity } from '../meta/compile-app-state';
import type { RecordAccess } from '../permissions/record-access';
import { createRecord } from '../records/create-record';
import { insertMany, queueCreate, type QueuedCreate } from '../records/insert-many';
import { rowToRecord } from '../records/row-to-record';
import { updateRecord } from '../records/update-record';
import { admitWrite } from '../records/write-door';
import { RetryWithSavepoints, type BatchRun } from './batch-run';
import { importMessage, labelOf } from './import-messages';
import { IMPORT_LEASE_SECONDS } from './import-store';
import type { CellError, RawCell } from './import-types';
import { findMatches, rememberKeys, withEarlierRows } from './match-rows';
import { cellText } from './parse-cell';
import { planCreates, type PlannedCreate } from './plan-creates';
import { createReferenceResolver } from './resolve-references';
import { refusalToErrors, rowsToInputs, type RowInput } from './rows-to-inputs';

type Done = { import_id: string; row_number: number; record_id: string; action: string; version_after: number; before: string | null };

/**
 * One batch in one transaction, its audit context set once. `careful: false` (most batches):
 * rows to create pass validation, permissions and every before-hook one by one, then go in
 * together as ONE multi-row insert (records/insert-many; ADR 0051) — a row another row updates
 * (a repeated key) is inserted before that update. Any write that fails there has aborted the
 * transaction (PostgreSQL), so it throws RetryWithSavepoints and the batch runs again with
 * `careful: true`: each write on its own savepoint through createRecord/updateRecord, which
 * rolls back only the failing row and keeps the rest. Rows refused before any write (cells,
 * validation, permissions, a batch hook) are rejected on either path without a retry.
 */
export async function writeBatch(run: BatchRun, cells: RawCell[][], offset: number, careful: boolean): Promise<void> {
  const { knex, state, entity, user, locale } = run;
  const counts = { created: 0, updated: 0, skipped: 0, rejected: 0 };
  await knex.transaction(async (trx) => {
    const write = async <T>(fn: (t: Knex.Transaction) => Promise<T>): Promise<T> => {
      if (careful) return trx.transaction(fn);
      try {
        return await fn(trx);
      } catch {
        throw new RetryWithSavepoints();
      }
    };
    await setAuditContext(trx, { actorId: user.id, requestId: `import:${run.importId}` });
    const references = createReferenceResolver(trx, state, user, locale);
    const inputs = await rowsToInputs({ state, entity: entity.entity, mapping: run.mapping, columns: run.columns, zone: readConfig().TESSERA_JOBS_TZ, locale, references }, cells, offset + 2);
    const matches = await findMatches(trx, run, inputs);
    const rejects: { import_id: string; row_number: number; cells: string; reasons: string }[] = [];
    const done: Done[] = [];
    const reject = (input: RowInput, errors: CellError[]) => {
      counts.rejected += 1;
      rejects.push({ import_id: run.importId, row_number: input.rowNumber, cells: JSON.stringify(input.cells.map(cellText)), reasons: errors.map((e) => e.message).join('; ') });
    };
    const ctx = (sp: Knex.Transaction) => ({ trx: sp, entity, user, ...(run.hooks ? { hooks: run.hooks } : {}) });
    // The fast path checks the batch's creates with the plugins' batch hooks first (ADR 0047).
    const planned = careful ? new Map<number, PlannedCreate>() : await planCreates(run, trx, inputs, matches);
    const batchItems = run.hooks?.forBatchItems?.() ?? run.hooks;
    // Creates waiting for the batch's insert (fast path), in row order.
    const queued: { rowNumber: number; create: QueuedCreate }[] = [];
    const queuedIds = new Set<string>();
    const flush = async () => {
      if (queued.length === 0) return;
      const items = queued.splice(0);
      queuedIds.clear();
      const rows = await write((t) => insertMany(ctx(t), items.map((q) => q.create)));
      for (const [k, { rowNumber, create }] of items.entries()) {
        counts.created += 1;
        done.push({ import_id: run.importId, row_number: rowNumber, record_id: create.id, action: 'created', version_after: Number(rows[k].version), before: null });
      }
    };
    for (const [i, input] of inputs.entries()) {
      if (input.errors.length > 0) {
        reject(input, input.errors);
        continue;
      }
      const match = withEarlierRows(run, input, matches[i]);
      if (match.ids.length > 1) {
        reject(input, [{ message: importMessage('ambiguousMatch', locale, { count: match.ids.length, keys: match.keys }) }]);
        continue;
      }
      if (input.id && match.ids.length === 0) {
        reject(input, [{ message: importMessage('missingTarget', locale, { value: input.id, target: labelOf(entity.entity['x-label'], entity.entity['x-name'], locale) }) }]);
        continue;
      }
      const target = match.ids[0];
      try {
        if (target && run.mode === 'skip') {
          counts.skipped += 1;
        } else if (target && run.mode === 'update') {
          // The row updates a record this batch creates: that record goes in first.
          if (queuedIds.has(target)) await flush();
          const { data } = await admitWrite(trx, state, user, entity, 'update', input.data, run.update, target);
          if (!(await inWriteScope(trx, entity, run.update!, target))) {
            reject(input, [{ message: importMessage('outOfScope', locale, { keys: match.keys }) }]);
            continue;
          }
          const [old] = await trx.withSchema(entity.schema).table(entity.table).where({ id: target }).select('*');
          const previous = rowToRecord(old, entity);
          const updated = await write((sp) => updateRecord(ctx(sp), target, data));
          counts.updated += 1;
          done.push({ import_id: run.importId, row_number: input.rowNumber, record_id: target, action: 'updated', version_after: Number(updated.version), before: JSON.stringify(Object.fromEntries(Object.keys(data).map((f) => [f, previous[f] ?? null]))) });
        } else {
          const plan = planned.get(i);
          if (plan?.refused) throw plan.refused;
          const { data } = plan ?? (await admitWrite(trx, state, user, entity, 'create', input.data, run.create));
          // A planned item was checked by the batch hooks: only the plugins without one still run per item.
          const hooked = (sp: Knex.Transaction) => (plan && batchItems ? { ...ctx(sp), hooks: batchItems } : ctx(sp));
          let id: string;
          if (careful) {
            const created = await write((sp) => createRecord(hooked(sp), data, plan?.id));
            id = created.id as string;
            counts.created += 1;
            done.push({ import_id: run.importId, row_number: input.rowNumber, record_id: id, action: 'created', version_after: Number(created.version), before: null });
          } else {
            const create = await write((t) => queueCreate(hooked(t), data, plan?.id ?? randomUUID()));
            id = create.id;
            queued.push({ rowNumber: input.rowNumber, create });
            queuedIds.add(id);
          }
          rememberKeys(run, input, id);
        }
      } catch (err) {
        if (err instanceof RetryWithSavepoints) throw err;
        reject(input, refusalToErrors(err, entity.entity, run.mapping, locale));
      }
    }
    await flush();
    for (let i = 0; i < rejects.length; i += 500) await trx('tessera.import_rejects').insert(rejects.slice(i, i + 500));
    for (let i = 0; i < done.length; i += 500) await trx('tessera.import_records').insert(done.slice(i, i + 500));
    await trx('tessera.imports')
      .where({ id: run.importId })
      .update({
        processed: offset + cells.length,
        created: trx.raw('created + ?', [counts.created]),
        updated: trx.raw('updated + ?', [counts.updated]),
        skipped: trx.raw('skipped + ?', [counts.skipped]),
        rejected: trx.raw('rejected + ?', [counts.rejected]),
        lease_until: trx.raw(`now() + interval '${IMPORT_LEASE_SECONDS} seconds'`),
      });
  });
}

async function inWriteScope(trx: Knex.Transaction, entity: CompiledEntity, ra: RecordAccess, id: string): Promise<boolean> {
  return Boolean(await trx.withSchema(entity.schema).table(entity.table).where(`${entity.table}.id`, id).modify((qb) => ra.restrict(qb, entity.table, 'write')).first(`${entity.table}.id`));
}
