import type { FieldTypeRegistry } from '@tessera/engine';
import type { Knex } from 'knex';
import { HttpError } from '../errors/http-error';
import { createMetadataStore } from '../meta/create-metadata-store';
import { hashApp } from '../meta/hash-app';
import { applyMigration, previewMigration, type ApplyMigrationInput, type ApplyOutcome } from './apply-migration';
import { archiveRestoreSteps } from './archive-restore-steps';
import { listMigrations, parentVersion } from './migration-history';
import { purgedArchives } from './purge-archives';
import type { MigrationPreview } from './migrate-types';
import type { RunOptions } from './run-migration-steps';

export interface RollbackInput {
  knex: Knex;
  registry: FieldTypeRegistry;
  appName: string;
  appliedBy: string;
  confirmDestructive?: boolean;
  /** The version the caller saw; undefined: whatever is current. */
  baseVersion?: number;
  now?: () => Date;
  run?: RunOptions;
}

const notPossible = (message: string) => new HttpError(409, 'rollback_not_possible', message, [{ field: '', rule: 'rollback', message }]);

/**
 * Returns the app to the version the current one was made from: a new version whose
 * definition is that one's, planned as planMigration(current, previous) and applied like
 * any publish (one transaction, lock, prechecks, confirmation for destructive steps), with
 * dropped columns and tables copied back from the archive. Says why when it cannot.
 */
async function rollbackInput(input: RollbackInput): Promise<ApplyMigrationInput> {
  const { knex, registry, appName } = input;
  const store = createMetadataStore(knex);
  const current = await store.latest(appName);
  if (!current) throw notPossible(`The app "${appName}" has no published version`);
  if (input.baseVersion !== undefined && input.baseVersion !== current.version) {
    throw new HttpError(409, 'version_conflict', `The app is at version ${current.version}, but the rollback was asked for version ${input.baseVersion}; reload and try again`);
  }
  const parent = await parentVersion(knex, appName, current.version);
  if (parent < 1) throw notPossible(`Version ${current.version} is the first version of "${appName}"; there is nothing to roll back to`);
  const target = await store.get(appName, parent);
  if (!target) throw notPossible(`Version ${parent} of "${appName}" is no longer stored`);
  const history = await listMigrations(knex, appName);
  const tags = history.filter((m) => m.kind !== 'purge').map((m) => m.archiveTag);
  const purged = purgedArchives(history);
  return {
    knex, registry, app: target.definition, baseVersion: current.version,
    // `designer`, not the restored version's source: a restart must keep the rollback (chooseStartupVersion).
    source: 'designer', hash: hashApp(target.definition),
    choices: { confirmDestructive: input.confirmDestructive },
    appliedBy: input.appliedBy, now: input.now, kind: 'rollback', restoresVersion: parent, run: input.run,
    extraSteps: (from, _tag, trx) => archiveRestoreSteps(trx, registry, from?.definition ?? current.definition, target.definition, tags, purged),
  };
}

export async function rollbackMigration(input: RollbackInput): Promise<ApplyOutcome & { restoredVersion: number }> {
  const args = await rollbackInput(input);
  return { ...(await applyMigration(args)), restoredVersion: args.restoresVersion! };
}

export async function previewRollback(input: RollbackInput): Promise<MigrationPreview & { restoredVersion: number }> {
  const args = await rollbackInput(input);
  return { ...(await previewMigration(args)), restoredVersion: args.restoresVersion! };
}
