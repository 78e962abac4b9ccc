import type { StateMappings } from '@tessera/engine';
import type { MigrationStep, PlanMigrationOptions } from '@tessera/engine/sql';
import type { AppDefinition } from '@tessera/metadata';
import type { Knex } from 'knex';

/** What an implementer decides when a plan needs it (mirrors the engine's options). */
export interface MigrationChoices {
  confirmDestructive?: boolean;
  valueMappings?: PlanMigrationOptions['valueMappings'];
  backfills?: PlanMigrationOptions['backfills'];
  /** Records in workflow states the change removes: `{ entity: { old state: new state } }` (issue 6). */
  stateMappings?: StateMappings;
}

/** One removed workflow state at publish: its records and where they go (`to` null: no mapping yet). */
export interface StateMappingView {
  entity: string;
  workflow: string;
  from: string;
  to: string | null;
  count: number;
  samples: string[];
}

/**
 * Runs in the publish transaction before the plan's steps, while the tables still have the
 * published shape: the workflow host moves records out of removed states (or, on a dry run,
 * only reports them). Throws to refuse the publish.
 */
export type WorkflowStatesHook = (trx: Knex.Transaction, info: { from: AppDefinition | undefined; app: AppDefinition; choices: MigrationChoices; dryRun: boolean; toVersion: number; appliedBy: string }) => Promise<StateMappingView[]>;

/** A step as the runtime runs it: the engine's kinds, plus `restore-archive` (rollback only) and `purge-archive` (purge only). */
export type RunStep = Omit<MigrationStep, 'kind'> & { kind: MigrationStep['kind'] | 'restore-archive' | 'purge-archive' };

/** The outcome of one precheck: `step` is the index in the plan's steps. */
export interface CheckResult {
  step: number;
  fieldId?: string;
  description: string;
  failure: string;
  count: number;
  samples: string[];
}

/** The steps as the API shows them. */
export interface StepView {
  kind: RunStep['kind'];
  safe: boolean;
  destructive: boolean;
  description: string;
  sql: string[];
}

export interface MigrationPreview {
  steps: StepView[];
  blockers: string[];
  checks: CheckResult[];
  /** Workflow states the change removes that still hold records, with the mapping used (if any). */
  stateMappings?: StateMappingView[];
}

export interface MigrationResult {
  version: number;
  fromVersion: number;
  steps: StepView[];
}

export type MigrationKind = 'apply' | 'rollback' | 'purge';

export const stepView = ({ kind, safe, destructive, description, sql }: RunStep): StepView => ({ kind, safe, destructive, description, sql });
