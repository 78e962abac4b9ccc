import type { HookName } from '@tessera/engine';
import type { Knex } from 'knex';
import type { HttpError } from '../errors/http-error';
import type { CompiledEntity } from '../meta/compile-app-state';

type Row = Record<string, unknown>;

/** Where a write is: its transaction, entity and (for hooks) nothing more. */
export interface HookWrite {
  trx: Knex.Transaction;
  entity: CompiledEntity;
}

/**
 * The plugin hooks of ONE request, as the write paths call them. Before-calls run in the
 * write's transaction and may throw (reject, fail, time out), which rolls the write back;
 * after-calls are queued for after the commit and never fail the request.
 */
export interface RecordHooks {
  /**
   * Whether a loaded plugin declares one of `hooks` for the entity (from the last-read plugin
   * states: no query). With `changing` (an update's fields), a plugin whose `updateFields` names
   * none of them does not count.
   */
  declares(entity: CompiledEntity, hooks: HookName[], changing?: readonly string[]): boolean;
  /** `id`: the id the record will get. */
  beforeCreate(w: HookWrite, data: Row, id: string): Promise<Row>;
  /**
   * A batch of creates (an import batch) before any is written: the plugins that declare
   * `beforeCreateMany` check them all at once. Returns each item's refusal or undefined; the
   * items not refused must then be created with these ids through `forBatchItems()`.
   */
  beforeCreateMany?(w: HookWrite, items: readonly { id: string; data: Row }[]): Promise<(HttpError | undefined)[]>;
  /** These hooks for the items of a batch `beforeCreateMany` saw: the batching plugins' `beforeCreate` is left out. */
  forBatchItems?(): RecordHooks;
  afterCreate(w: HookWrite, row: Row): void;
  /** Returns the (re-validated) data to store. */
  beforeUpdate(w: HookWrite, id: string, data: Row): Promise<Row>;
  afterUpdate(w: HookWrite, row: Row): void;
  beforeDelete(w: HookWrite, id: string): Promise<void>;
  afterDelete(w: HookWrite, id: string): void;
  beforeTransition(w: HookWrite, id: string, event: string, from: string, previous: Row): Promise<void>;
  afterTransition(w: HookWrite, record: Row, event: string, from: string, to: string): void;
}
