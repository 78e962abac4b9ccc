import type { FieldTypeRegistry } from '@tessera/engine';
import { planMigration } from '@tessera/engine/sql';
import type { AppDefinition } from '@tessera/metadata';
import type { Knex } from 'knex';
import { createMetadataStore } from '../meta/create-metadata-store';
import type { StoredVersion, VersionSource } from '../meta/meta-types';
import { archiveTag } from './archive-tag';
import { recordMigration } from './migration-history';
import { confirmationRequired, migrationBlocked, precheckFailed, versionConflict } from './migration-errors';
import { stepView, type CheckResult, type MigrationChoices, type MigrationKind, type MigrationPreview, type MigrationResult, type RunStep, type WorkflowStatesHook } from './migrate-types';
import { runMigrationSteps, type RunOptions } from './run-migration-steps';

/** The channel every runtime process LISTENs on; the payload is `<app>:<version>`. */
export const METADATA_CHANNEL = 'tessera_metadata';

export interface ApplyMigrationInput {
  knex: Knex;
  registry: FieldTypeRegistry;
  /** The definition to migrate to. */
  app: AppDefinition;
  /** The version the change was based on; undefined: whatever is current once the lock is held. */
  baseVersion?: number;
  source: VersionSource;
  hash: string;
  choices?: MigrationChoices;
  appliedBy: string;
  now?: () => Date;
  /** Nothing to do when the current version already has this hash (the CLI's apply, run twice). */
  skipIfUnchanged?: boolean;
  kind?: MigrationKind;
  restoresVersion?: number;
  /** More steps after the plan's, computed inside the lock (a rollback's archive restores). */
  extraSteps?: (from: StoredVersion | undefined, archiveTag: string, trx: Knex.Transaction) => Promise<RunStep[]>;
  run?: RunOptions;
  /** Moves records out of workflow states the change removes, before the plan's steps (issue 6). */
  workflowStates?: WorkflowStatesHook;
}

export interface ApplyOutcome extends MigrationResult {
  stored: StoredVersion;
  /** True when skipIfUnchanged found the app already at this definition. */
  unchanged: boolean;
}

/** Thrown inside the transaction to roll a dry run back with its findings. */
class DryRun extends Error {
  constructor(readonly preview: MigrationPreview) {
    super('dry run');
  }
}

const LATE_KINDS = new Set<string>(['set-required', 'add-foreign-key', 'add-index']);
/** The advisory lock every schema change of an app takes: apply, rollback and purge. */
export const appLockKey = (appName: string) => `tessera:app:${appName}`;
const LOCK = appLockKey;

/**
 * Plans the migration from the stored latest version to `app` and applies it, all in ONE
 * transaction under the app's advisory lock: version check, plan, prechecks, DDL/DML, the
 * new version row, the history row and the NOTIFY (delivered on commit). A second process
 * waits on the lock and then sees the new version (a conflict, or nothing to do).
 */
export async function applyMigration(input: ApplyMigrationInput): Promise<ApplyOutcome> {
  const result = await migrate(input, false);
  return result as ApplyOutcome;
}

/** The same run as applyMigration, always rolled back: the plan, its blockers and every precheck's result. */
export async function previewMigration(input: ApplyMigrationInput): Promise<MigrationPreview> {
  try {
    await migrate(input, true);
  } catch (err) {
    if (err instanceof DryRun) return err.preview;
    throw err;
  }
  throw new Error('unreachable: a dry run always rolls back');
}

async function migrate(input: ApplyMigrationInput, dryRun: boolean): Promise<ApplyOutcome> {
  const { knex, registry, app, choices = {}, now = () => new Date() } = input;
  return knex.transaction(async (trx) => {
    await trx.raw('select pg_advisory_xact_lock(hashtext(?))', [LOCK(app.name)]);
    const store = createMetadataStore(trx);
    const previous = await store.latest(app.name);
    const fromVersion = previous?.version ?? 0;
    if (input.baseVersion !== undefined && input.baseVersion !== fromVersion && !dryRun) throw versionConflict(fromVersion, input.baseVersion);
    if (input.skipIfUnchanged && previous && previous.sourceHash === input.hash && !dryRun) {
      return { version: fromVersion, fromVersion, steps: [], stored: previous, unchanged: true };
    }
    const toVersion = fromVersion + 1;
    const appliedAt = now();
    const tag = archiveTag(toVersion, appliedAt);
    const apps = [app, previous?.definition];
    // Planned as confirmed so the blockers are only what no answer can fix; confirmation is asked below.
    const plan = planMigration(previous?.definition ?? null, app, registry, { ...choices, confirmDestructive: true, archiveTag: tag });
    if (plan.blockers.length > 0 && !dryRun) throw migrationBlocked(plan.blockers, apps);
    const steps: RunStep[] = [...plan.steps];
    if (input.extraSteps) {
      // Restored values land right after the columns exist, before required/foreign key/unique checks see them.
      const at = steps.findIndex((s) => LATE_KINDS.has(s.kind));
      steps.splice(at < 0 ? steps.length : at, 0, ...(await input.extraSteps(previous, tag, trx)));
    }
    // Before the steps: records still sit in the published tables, and a removed state option's precheck then finds none left.
    const stateMappings = input.workflowStates ? await input.workflowStates(trx, { from: previous?.definition, app, choices, dryRun, toVersion, appliedBy: input.appliedBy }) : [];
    const checks: CheckResult[] = plan.blockers.length > 0 && dryRun ? [] : await runMigrationSteps(trx, steps, dryRun ? {} : input.run);
    if (dryRun) throw new DryRun({ steps: steps.map(stepView), blockers: plan.blockers, checks, ...(stateMappings.length ? { stateMappings } : {}) });
    if (checks.some((c) => c.count > 0)) throw precheckFailed(checks, steps, apps);
    if (steps.some((s) => s.destructive) && !choices.confirmDestructive) throw confirmationRequired(steps, apps);

    const version = await store.save(app, { source: input.source, hash: input.hash }, trx);
    const views = steps.map(stepView);
    await recordMigration(trx, {
      appName: app.name, fromVersion, toVersion: version, kind: input.kind ?? 'apply', steps: views, archiveTag: tag,
      restoresVersion: input.restoresVersion ?? null, appliedAt: appliedAt.toISOString(), appliedBy: input.appliedBy,
    });
    // Delivered to listeners only when this transaction commits (PostgreSQL's NOTIFY rule).
    await trx.raw('select pg_notify(?, ?)', [METADATA_CHANNEL, `${app.name}:${version}`]);
    const stored: StoredVersion = { id: 0, appName: app.name, version, definition: app, source: input.source, sourceHash: input.hash, createdAt: appliedAt.toISOString() };
    return { version, fromVersion, steps: views, stored, unchanged: false };
  });
}
