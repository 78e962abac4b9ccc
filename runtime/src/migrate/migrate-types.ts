import type { MigrationStep, PlanMigrationOptions } from '@tessera/engine/sql';

/** What an implementer decides when a plan needs it (mirrors the engine's options). */
export interface MigrationChoices {
  confirmDestructive?: boolean;
  valueMappings?: PlanMigrationOptions['valueMappings'];
  backfills?: PlanMigrationOptions['backfills'];
}

/** A step as the runtime runs it: the engine's kinds, plus `restore-archive` (rollback only). */
export type RunStep = Omit<MigrationStep, 'kind'> & { kind: MigrationStep['kind'] | 'restore-archive' };

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
}

export interface MigrationResult {
  version: number;
  fromVersion: number;
  steps: StepView[];
}

export type MigrationKind = 'apply' | 'rollback';

export const stepView = ({ kind, safe, destructive, description, sql }: RunStep): StepView => ({ kind, safe, destructive, description, sql });
