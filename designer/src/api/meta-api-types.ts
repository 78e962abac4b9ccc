import type { AppDefinition } from '@tessera/metadata';

/** What the implementer decides for a plan (mirrors the runtime's `MigrationChoices`). */
export interface MigrationChoices {
  confirmDestructive?: boolean;
  /** field id → { removed option → new option, or null to empty it }. */
  valueMappings?: Record<string, Record<string, string | null>>;
  /** field id → the value written into rows where a now-required field is empty. */
  backfills?: Record<string, unknown>;
}

export interface PlanStep {
  kind: string;
  safe: boolean;
  destructive: boolean;
  description: string;
  sql: string[];
}

export interface PlanCheck {
  step: number;
  fieldId?: string;
  description: string;
  failure: string;
  count: number;
  samples: string[];
}

/** `POST /api/_meta/plan`'s answer. */
export interface PlanPreview {
  steps: PlanStep[];
  blockers: string[];
  checks: PlanCheck[];
}

/** `POST /api/_meta/rollback/plan`'s answer: the steps a rollback would run, or why it cannot. */
export type RollbackPlan =
  | { possible: true; fromVersion: number; restoredVersion: number; steps: PlanStep[]; blockers: string[]; checks: PlanCheck[]; destructive: boolean }
  | { possible: false; fromVersion: number; reason: string; details: { message: string; field?: string }[] };

export interface HistoryEntry {
  id: number;
  fromVersion: number;
  toVersion: number;
  kind: 'apply' | 'rollback' | 'purge';
  steps: PlanStep[];
  restoresVersion: number | null;
  appliedAt: string;
  appliedBy: string;
}

/** A module as one JSON file: entities and everything bound to them. */
export interface AppPackage {
  format: 'tessera-package';
  version: 1;
  entities: AppDefinition['entities'];
  layouts: AppDefinition['layouts'];
  workflows: NonNullable<AppDefinition['workflows']>;
  permissions?: AppDefinition['permissions'];
}

/** A call's outcome: the body, or the error the UI explains. */
export type ApiResult<T> = { ok: true; value: T } | { ok: false; status: number; code?: string; message: string; details: { message: string; pointer?: string }[] };

/** A guard or action as `GET /api/_meta/registry` lists it. */
export interface RegistryCall {
  name: string;
  description?: string;
  paramsSchema: Record<string, unknown>;
}

export interface WorkflowRegistryView {
  guards: RegistryCall[];
  actions: RegistryCall[];
  channels: string[];
  fieldTypes: { name: string; label: unknown; widget?: string }[];
}
