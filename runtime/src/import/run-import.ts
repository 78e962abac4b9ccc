import type { Knex } from 'knex';
import { setAuditContext } from '../audit/set-audit-context';
import type { AuthUser } from '../auth/auth-types';
import { readConfig } from '../config/read-config';
import type { AppState, CompiledEntity } from '../meta/compile-app-state';
import { recordAccess, type RecordAccess } from '../permissions/record-access';
import type { RecordHooks } from '../plugins/record-hooks-types';
import { createRecord } from '../records/create-record';
import { rowToRecord } from '../records/row-to-record';
import { updateRecord } from '../records/update-record';
import { admitWrite } from '../records/write-door';
import { uniqueKeys } from './import-fields';
import { importMessage, labelOf } from './import-messages';
import { claimStaleImport, IMPORT_LEASE_SECONDS, importUser } from './import-store';
import type { CellError, DuplicateMode, ImportLocale, ImportMapping, ImportRow, RawCell } from './import-types';
import { cellText } from './parse-cell';
import { readImportFile } from './read-import-file';
import { createReferenceResolver } from './resolve-references';
import { refusalToErrors, rowsToInputs, type RowInput } from './rows-to-inputs';

/** Rows per transaction: progress is committed with each batch, and a crash loses at most one. */
export const IMPORT_BATCH_ROWS = 500;

export interface ImportJobDeps {
  knex: Knex;
  getState(): AppState;
  /** The starting request's plugin hooks (absent when a process takes over a stalled import). */
  hooks?: RecordHooks;
  logger?: Pick<Console, 'error'>;
}

/** Imports running in this process: one runner per import. */
const running = new Map<string, Promise<void>>();

/**
 * Runs an import in this process, in the background: the request that starts it answers at
 * once and the client polls its progress. Progress is in the database, committed with each
 * batch, so any process can report it, and a process that finds a running import whose lease
 * ran out (its runner died) continues it from the last committed batch (`resumeIfStalled`).
 */
export function runImportInBackground(deps: ImportJobDeps, id: string): Promise<void> {
  const existing = running.get(id);
  if (existing) return existing;
  const job = runImport(deps, id)
    .catch(async (err: Error) => {
      deps.logger?.error(`import ${id} failed: ${err.stack ?? err.message}`);
      await deps.knex('tessera.imports').where({ id }).update({ status: 'failed', error: err.message.slice(0, 2000), finished_at: deps.knex.fn.now(), lease_until: null }).catch(() => undefined);
    })
    .finally(() => running.delete(id));
  running.set(id, job);
  return job;
}

/** Continues a running import nobody is working on (its lease expired). */
export async function resumeIfStalled(deps: ImportJobDeps, row: Pick<ImportRow, 'id' | 'status' | 'lease_until'>): Promise<void> {
  if (row.status !== 'running' || running.has(row.id)) return;
  if (row.lease_until && row.lease_until.getTime() > Date.now()) return;
  if (await claimStaleImport(deps.knex, row.id)) void runImportInBackground({ ...deps, hooks: undefined }, row.id);
}

/** The import in this process until its last row (tests and the CLI await it). */
export const importFinished = (id: string): Promise<void> => running.get(id) ?? Promise.resolve();

interface KeyMatch {
  ids: string[];
  keys: string;
}

async function runImport(deps: ImportJobDeps, id: string): Promise<void> {
  const { knex } = deps;
  const row: ImportRow = await knex('tessera.imports').where({ id }).first();
  if (!row || row.status !== 'running') return;
  const state = deps.getState();
  const entity = [...state.byPlural.values()].find((e) => e.entity['x-name'] === row.entity);
  const user = await importUser(knex, row.created_by);
  if (!entity) throw new Error(`the entity "${row.entity}" is no longer published`);
  if (!user) throw new Error('the user who started the import is no longer active');
  const table = await readImportFile(row.content, row.file_name);
  const run: BatchRun = {
    knex, state, entity, user, hooks: deps.hooks, importId: id,
    mode: row.mode!, mapping: row.mapping!, columns: table.columns, locale: row.locale,
    create: recordAccess(user, state, entity, 'create'),
    update: row.mode === 'update' ? recordAccess(user, state, entity, 'update') : undefined,
    keys: matchKeys(entity, row.mapping!),
    seen: new Map(),
  };
  for (let start = row.processed; start < table.rows.length; start += IMPORT_BATCH_ROWS) {
    const current = await knex('tessera.imports').where({ id }).first('status');
    if (current?.status !== 'running') return; // reverted or failed elsewhere: stop quietly
    await runBatch(run, table.rows.slice(start, start + IMPORT_BATCH_ROWS), start);
    // Let waiting requests have the connection between batches (PGlite has only one).
    await new Promise((resolve) => setImmediate(resolve));
  }
  await knex('tessera.imports').where({ id, status: 'running' }).update({ status: 'done', finished_at: knex.fn.now(), lease_until: null });
}

interface BatchRun {
  knex: Knex;
  state: AppState;
  entity: CompiledEntity;
  user: AuthUser;
  hooks?: RecordHooks;
  importId: string;
  mode: DuplicateMode;
  mapping: ImportMapping;
  columns: string[];
  locale: ImportLocale;
  create: RecordAccess;
  update?: RecordAccess;
  /** The unique keys whose every field has a column, and `id` when one maps to it. */
  keys: string[][];
  /** Key value → record id of rows this run created: a later row with the same key matches it. */
  seen: Map<string, { id: string; rowNumber: number }>;
}

/** The entity's unique keys the mapping fills completely; `id` first when an ID column is mapped. */
function matchKeys(entity: CompiledEntity, mapping: ImportMapping): string[][] {
  const mapped = new Set(Object.values(mapping).filter((f): f is string => f !== null));
  return [...(mapped.has('id') ? [['id']] : []), ...uniqueKeys(entity.entity).filter((key) => key.every((f) => mapped.has(f)))];
}

const keyValue = (fields: string[], input: RowInput): string | undefined => {
  const values = fields.map((f) => (f === 'id' ? input.id : input.data[f]));
  return values.some((v) => v === undefined || v === null || v === '') ? undefined : JSON.stringify([fields, values]);
};

/** A write failed in a batch run without savepoints: PostgreSQL aborted the transaction. */
class RetryWithSavepoints extends Error {}

/**
 * One batch in one transaction. Most rows of most files go in cleanly, so the batch first runs
 * with one statement per row; when a write fails (a unique key taken, a rule, a hook refusing)
 * PostgreSQL has aborted the transaction, so the batch runs again with a savepoint per row,
 * which rolls back only the failing row and keeps the rest.
 */
async function runBatch(run: BatchRun, cells: RawCell[][], offset: number): Promise<void> {
  const seen = new Map(run.seen);
  try {
    await attemptBatch(run, cells, offset, false);
  } catch (err) {
    if (!(err instanceof RetryWithSavepoints)) throw err;
    run.seen = seen;
    await attemptBatch(run, cells, offset, true);
  }
}

async function attemptBatch(run: BatchRun, cells: RawCell[][], offset: number, careful: boolean): Promise<void> {
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
    const done: { import_id: string; row_number: number; record_id: string; action: string; version_after: number; before: string | null }[] = [];
    const reject = (input: RowInput, errors: CellError[]) => {
      counts.rejected += 1;
      rejects.push({ import_id: run.importId, row_number: input.rowNumber, cells: JSON.stringify(input.cells.map(cellText)), reasons: errors.map((e) => e.message).join('; ') });
    };
    const ctx = (sp: Knex.Transaction) => ({ trx: sp, entity, user, ...(run.hooks ? { hooks: run.hooks } : {}) });
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
          const { data } = await admitWrite(trx, state, user, entity, 'update', input.data, run.update);
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
          const { data } = await admitWrite(trx, state, user, entity, 'create', input.data, run.create);
          const created = await write((sp) => createRecord(ctx(sp), data));
          counts.created += 1;
          done.push({ import_id: run.importId, row_number: input.rowNumber, record_id: created.id as string, action: 'created', version_after: Number(created.version), before: null });
          for (const key of run.keys) {
            const value = keyValue(key, input);
            if (value && key[0] !== 'id' && !run.seen.has(value)) run.seen.set(value, { id: created.id as string, rowNumber: input.rowNumber });
          }
        }
      } catch (err) {
        if (err instanceof RetryWithSavepoints) throw err;
        reject(input, refusalToErrors(err, entity.entity, run.mapping, locale));
      }
    }
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

/** A row repeating the key of a row this run created (same batch or earlier) matches that record. */
function withEarlierRows(run: BatchRun, input: RowInput, match: KeyMatch): KeyMatch {
  if (run.mode === 'create') return match;
  const ids = new Set(match.ids);
  const keys = match.keys ? [match.keys] : [];
  for (const key of run.keys) {
    const value = keyValue(key, input);
    const earlier = value ? run.seen.get(value) : undefined;
    if (earlier && !ids.has(earlier.id)) {
      ids.add(earlier.id);
      keys.push(importMessage('duplicateInFile', run.locale, { row: earlier.rowNumber, keys: key.join(', ') }));
    }
  }
  return { ids: [...ids], keys: keys.join('; ') };
}

async function inWriteScope(trx: Knex.Transaction, entity: CompiledEntity, ra: RecordAccess, id: string): Promise<boolean> {
  return Boolean(await trx.withSchema(entity.schema).table(entity.table).where(`${entity.table}.id`, id).modify((qb) => ra.restrict(qb, entity.table, 'write')).first(`${entity.table}.id`));
}

/**
 * For each row, the existing records its unique keys name (one query per key for the whole
 * batch). Only live records count:
 * a soft-deleted one frees its key, as the partial unique index does.
 */
async function findMatches(trx: Knex.Transaction, run: BatchRun, inputs: RowInput[]): Promise<KeyMatch[]> {
  const { entity, locale } = run;
  const found: { ids: Set<string>; keys: string[] }[] = inputs.map(() => ({ ids: new Set(), keys: [] }));
  const describe = (key: string[], input: RowInput) =>
    key.map((f) => `${f === 'id' ? 'ID' : labelOf(entity.entity.properties[f]['x-label'], f, locale)} = ${f === 'id' ? input.id : cellText(input.data[f] as RawCell)}`).join(', ');
  for (const key of run.keys) {
    const columns = key.map((f) => (f === 'id' ? 'id' : entity.fieldsByName.get(f)!.column));
    const wanted = inputs.map((input) => ({ input, value: keyValue(key, input) })).filter((w) => w.value !== undefined && w.input.errors.length === 0);
    const rows: Record<string, unknown>[] = [];
    const tuples = [...new Map(wanted.map((w) => [w.value!, key.map((f) => (f === 'id' ? w.input.id : w.input.data[f]))])).values()];
    for (let i = 0; i < tuples.length; i += 1000) {
      const chunk = tuples.slice(i, i + 1000);
      const query = trx.withSchema(entity.schema).table(entity.table).select(['id', ...columns]);
      if (entity.entity['x-soft-delete']) query.whereNull('deleted_at');
      if (columns.length === 1) query.whereIn(columns[0], chunk.map((t) => t[0] as string));
      else query.whereIn(columns, chunk as never);
      rows.push(...(await query));
    }
    const byValue = new Map<string, string[]>();
    for (const row of rows) {
      const record = rowToRecord(row, entity);
      const value = JSON.stringify([key, key.map((f) => (f === 'id' ? row.id : record[f]))]);
      byValue.set(value, [...(byValue.get(value) ?? []), row.id as string]);
    }
    for (const { input, value } of wanted) {
      const index = inputs.indexOf(input);
      const ids = byValue.get(value!) ?? [];
      if (ids.length === 0) continue;
      for (const id of ids) found[index].ids.add(id);
      found[index].keys.push(describe(key, input));
    }
  }
  return found.map((f) => ({ ids: [...f.ids], keys: f.keys.join('; ') }));
}
