import type { Knex } from 'knex';
import type { AppState } from '../meta/compile-app-state';
import { recordAccess } from '../permissions/record-access';
import type { RecordHooks } from '../plugins/record-hooks-types';
import { RetryWithSavepoints, type BatchRun } from './batch-run';
import { claimStaleImport, importUser } from './import-store';
import type { ImportRow, RawCell } from './import-types';
import { matchKeys } from './match-rows';
import { readImportBatches } from './read-import-file';
import { writeBatch } from './write-batch';

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

async function runImport(deps: ImportJobDeps, id: string): Promise<void> {
  const { knex } = deps;
  const row: ImportRow = await knex('tessera.imports').where({ id }).first();
  if (!row || row.status !== 'running') return;
  const state = deps.getState();
  const entity = [...state.byPlural.values()].find((e) => e.entity['x-name'] === row.entity);
  const user = await importUser(knex, row.created_by);
  if (!entity) throw new Error(`the entity "${row.entity}" is no longer published`);
  if (!user) throw new Error('the user who started the import is no longer active');
  const run: BatchRun = {
    knex, state, entity, user, hooks: deps.hooks, importId: id,
    mode: row.mode!, mapping: row.mapping!, columns: row.columns, locale: row.locale,
    create: recordAccess(user, state, entity, 'create'),
    update: row.mode === 'update' ? recordAccess(user, state, entity, 'update') : undefined,
    keys: matchKeys(entity, row.mapping!),
    seen: new Map(),
  };
  // The file is read a batch at a time (CSV): memory stays the same whatever its row count.
  let start = row.processed;
  for await (const cells of readImportBatches(row.content, row.file_name, row.columns.length, row.processed, IMPORT_BATCH_ROWS)) {
    const current = await knex('tessera.imports').where({ id }).first('status');
    if (current?.status !== 'running') return; // reverted or failed elsewhere: stop quietly
    await runBatch(run, cells, start);
    start += cells.length;
    // Let waiting requests have the connection between batches (PGlite has only one).
    await new Promise((resolve) => setImmediate(resolve));
  }
  await knex('tessera.imports').where({ id, status: 'running' }).update({ status: 'done', finished_at: knex.fn.now(), lease_until: null });
}

/**
 * One batch in one transaction. Most rows of most files go in cleanly, so the batch first runs
 * on the fast path (its creates in one multi-row insert); when a write fails (a unique key
 * taken, a rule, a hook refusing) PostgreSQL has aborted the transaction, so the batch runs
 * again with a savepoint per row, which rolls back only the failing row and keeps the rest.
 */
async function runBatch(run: BatchRun, cells: RawCell[][], offset: number): Promise<void> {
  const seen = new Map(run.seen);
  try {
    await writeBatch(run, cells, offset, false);
  } catch (err) {
    if (!(err instanceof RetryWithSavepoints)) throw err;
    run.seen = seen;
    await writeBatch(run, cells, offset, true);
  }
}
