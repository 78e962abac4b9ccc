/**
 * A query the runtime runs right before its step, inside the plan's transaction. It returns
 * one row `{ count: number, samples: string[] }`; a count above 0 means the step would lose
 * or break data, so the runtime rolls back and reports `failure`, the count and the samples
 * (record ids, or the duplicated values for a unique index).
 */
export interface PrecheckQuery {
  description: string;
  sql: string;
  /** Phrased for the implementer; the runtime appends the count and samples. */
  failure: string;
}

export type MigrationStepKind =
  | 'create-schema'
  /** A rollup's trigger and function, before anything can fire them with stale names. */
  | 'drop-rollup'
  | 'drop-foreign-key'
  | 'drop-index'
  | 'rename-table'
  | 'rename-index'
  | 'rename-foreign-key'
  | 'rename-column'
  | 'remap-select-values'
  | 'alter-column-type'
  | 'archive-column'
  | 'archive-table'
  | 'create-table'
  | 'add-column'
  /** A relation field changing kind: its links copied from the archived storage into the new one. */
  | 'copy-links'
  | 'set-required'
  | 'add-foreign-key'
  | 'add-index'
  /** A rollup's trigger function and trigger, then the column recomputed for every row. */
  | 'create-rollup';

export interface MigrationStep {
  kind: MigrationStepKind;
  /** Needs no precheck and cannot lose data. */
  safe: boolean;
  /** Loses or rewrites existing data (recoverably, from the archive schema); needs confirmDestructive. */
  destructive: boolean;
  description: string;
  sql: string[];
  checks?: PrecheckQuery[];
  /** The stable field id the step is about, when it is about one field. */
  fieldId?: string;
}

export interface MigrationPlan {
  /** In the order they must run, all in one transaction. */
  steps: MigrationStep[];
  /**
   * Why the plan may not be applied as it is (a destructive step without confirmation, a
   * type change with no cast, a mapping to an unknown option). Empty when it may be applied,
   * subject to the steps' prechecks.
   */
  blockers: string[];
}

export interface PlanMigrationOptions {
  /** fieldId → removed option value → the value its records get instead (null clears it). */
  valueMappings?: Record<string, Record<string, string | null>>;
  /** fieldId → the value written into empty rows when the field becomes required. */
  backfills?: Record<string, unknown>;
  /** The implementer confirmed the destructive steps (archiving, lossy casts, remapping). */
  confirmDestructive?: boolean;
  /**
   * Names this plan's archive tables (`deal__stage__<tag>`), e.g. the target version and
   * the publish time `v12_20250131t0930`. Lowercase letters, digits and _; injected because
   * the engine has no clock.
   */
  archiveTag?: string;
}
