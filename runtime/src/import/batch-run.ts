import type { Knex } from 'knex';
import type { AuthUser } from '../auth/auth-types';
import type { AppState, CompiledEntity } from '../meta/compile-app-state';
import type { RecordAccess } from '../permissions/record-access';
import type { RecordHooks } from '../plugins/record-hooks-types';
import type { DuplicateMode, ImportLocale, ImportMapping } from './import-types';

/** What every batch of one import shares: where it writes, as whom, and how it matches rows. */
export interface BatchRun {
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

/** The stored records a row's unique keys name, and the keys that named them (for messages). */
export interface KeyMatch {
  ids: string[];
  keys: string;
}

/** A write failed in a batch run without savepoints: PostgreSQL aborted the transaction. */
export class RetryWithSavepoints extends Error {}
