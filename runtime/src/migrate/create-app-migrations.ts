import { validateAppWithRegistry, type FieldTypeRegistry } from '@tessera/engine';
import type { AppDefinition, MetadataError } from '@tessera/metadata';
import type { Knex } from 'knex';
import { HttpError } from '../errors/http-error';
import { compileAppState, type AppState } from '../meta/compile-app-state';
import { createMetadataStore } from '../meta/create-metadata-store';
import { hashApp } from '../meta/hash-app';
import { applyMigration, previewMigration } from './apply-migration';
import { listMigrations, type HistoryEntry } from './migration-history';
import type { MigrationChoices, MigrationPreview, MigrationResult, WorkflowStatesHook } from './migrate-types';
import { rollbackMigration } from './rollback-migration';
import { planRollback, type RollbackPlan } from './rollback-plan';

export interface AppMigrationsDeps {
  knex: Knex;
  registry: FieldTypeRegistry;
  getState(): AppState;
  setState(state: AppState): void;
  now?: () => Date;
  /** Checks beyond the field-type registry's, e.g. workflow guards/actions by name (issue 6). */
  checkApp?(app: AppDefinition): MetadataError[];
  /** Carries records in flight across workflow changes at plan/publish (the workflow host's). */
  workflowStates?: WorkflowStatesHook;
}

/** Who asked, for the history (`username`, or `cli`, `files`). */
export interface Actor {
  appliedBy?: string;
}

export interface AppMigrations {
  plan(app: unknown, choices?: MigrationChoices): Promise<MigrationPreview>;
  publish(app: unknown, baseVersion: number, choices?: MigrationChoices & Actor): Promise<MigrationResult>;
  rollback(opts?: { confirmDestructive?: boolean; baseVersion?: number } & Actor): Promise<MigrationResult & { restoredVersion: number }>;
  /** What `rollback` would run (or why it cannot), in a transaction that is rolled back. */
  rollbackPlan(opts?: { baseVersion?: number }): Promise<RollbackPlan>;
  history(): Promise<HistoryEntry[]>;
  /** Re-reads the latest stored version (after a NOTIFY from another process). */
  reload(): Promise<void>;
}

export const invalidMetadata = (errors: MetadataError[]) =>
  new HttpError(422, 'invalid_metadata', `The metadata has ${errors.length} error(s): ${errors.map((e) => `${e.pointer} ${e.message}`).join('; ')}`,
    errors.map(({ pointer, code, message, hint }) => ({ pointer, code, message, hint })));

/** The publish/plan/rollback operations of one running app; each swaps the state it serves on success. */
export function createAppMigrations(deps: AppMigrationsDeps): AppMigrations {
  const { knex, registry } = deps;
  const appName = () => deps.getState().app.name;

  const checked = (app: unknown): AppDefinition => {
    const result = validateAppWithRegistry(app, registry);
    if (!result.ok) throw invalidMetadata(result.errors);
    const extra = deps.checkApp?.(result.value) ?? [];
    if (extra.length > 0) throw invalidMetadata(extra);
    const name = appName();
    if (result.value.name !== name) {
      throw invalidMetadata([{ pointer: '/name', code: 'app-name-changed', message: `The app is "${name}"; a publish cannot rename it to "${result.value.name}"`, hint: `Keep "name": "${name}"` }]);
    }
    return result.value;
  };
  const adopt = (definition: AppDefinition, version: number) => {
    // Requests read the state per call, so swapping it changes the API at once.
    if (version > deps.getState().version) deps.setState(compileAppState(definition, version, registry));
  };

  return {
    async plan(app, choices = {}) {
      const value = checked(app);
      return previewMigration({ knex, registry, app: value, source: 'designer', hash: hashApp(value), choices, appliedBy: 'preview', now: deps.now, workflowStates: deps.workflowStates });
    },
    async publish(app, baseVersion, { appliedBy = 'api', ...choices } = {}) {
      const value = checked(app);
      const outcome = await applyMigration({ knex, registry, app: value, baseVersion, source: 'designer', hash: hashApp(value), choices, appliedBy, now: deps.now, workflowStates: deps.workflowStates });
      adopt(outcome.stored.definition, outcome.version);
      return { version: outcome.version, fromVersion: outcome.fromVersion, steps: outcome.steps };
    },
    async rollback({ appliedBy = 'api', ...opts } = {}) {
      const outcome = await rollbackMigration({ knex, registry, appName: appName(), appliedBy, now: deps.now, ...opts });
      adopt(outcome.stored.definition, outcome.version);
      return { version: outcome.version, fromVersion: outcome.fromVersion, steps: outcome.steps, restoredVersion: outcome.restoredVersion };
    },
    rollbackPlan: (opts = {}) => planRollback({ knex, registry, appName: appName(), now: deps.now, fromVersion: deps.getState().version, ...opts }),
    history: () => listMigrations(knex, appName()),
    async reload() {
      const latest = await createMetadataStore(knex).latest(appName());
      if (latest) adopt(latest.definition, latest.version);
    },
  };
}
