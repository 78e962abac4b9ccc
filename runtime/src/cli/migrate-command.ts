import { validateAppWithRegistry } from '@tessera/engine';
import { formatMetadataError } from '@tessera/metadata';
import { loadAppDir } from '../app-files/load-app-dir';
import { createDatabase } from '../db/create-database';
import { isHttpError } from '../errors/http-error';
import { ensureMetadataSchema } from '../meta/create-metadata-store';
import { hashApp } from '../meta/hash-app';
import { applyMigration, previewMigration } from '../migrate/apply-migration';
import { listMigrations } from '../migrate/migration-history';
import type { StepView } from '../migrate/migrate-types';
import { rollbackMigration } from '../migrate/rollback-migration';
import type { CliIo } from './cli-types';

const USAGE = `Usage: tessera migrate plan <appDir>            steps, SQL and precheck results (changes nothing)
       tessera migrate apply <appDir> [--yes]     apply the files' metadata (--yes confirms destructive steps)
       tessera migrate rollback <appDir> [--yes]  return to the version before the current one
       tessera migrate history <appDir>           the migrations applied, newest first
Against DATABASE_URL, else the PGlite folder TESSERA_DATA_DIR.`;

const printSteps = (steps: readonly StepView[], io: CliIo) => {
  if (steps.length === 0) io.out('Nothing to do.');
  steps.forEach((step, i) => {
    io.out(`${i + 1}. ${step.kind} [${step.destructive ? 'DESTRUCTIVE' : step.safe ? 'safe' : 'checked'}] ${step.description}`);
    for (const sql of step.sql) io.out(`     ${sql};`);
  });
};

/** `tessera migrate plan|apply|rollback|history <appDir>`, straight against the database. */
export async function migrateCommand(action: string | undefined, appDir: string | undefined, opts: { yes: boolean }, io: CliIo): Promise<number> {
  if (!action || !['plan', 'apply', 'rollback', 'history'].includes(action) || !appDir) {
    io.err(USAGE);
    return 1;
  }
  const loaded = await loadAppDir(appDir);
  const checked = loaded.ok ? validateAppWithRegistry(loaded.app, loaded.registry) : loaded;
  if (!loaded.ok || !checked.ok) {
    for (const error of checked.ok ? [] : checked.errors) io.err(formatMetadataError(error));
    return 1;
  }
  const { registry } = loaded;
  const app = checked.value;
  const knex = createDatabase({ url: process.env.DATABASE_URL || undefined, dataDir: process.env.TESSERA_DATA_DIR || undefined });
  const base = { knex, registry, appliedBy: `cli:${process.env.USER ?? 'unknown'}` };
  try {
    await ensureMetadataSchema(knex);
    switch (action) {
      case 'plan': {
        const preview = await previewMigration({ ...base, app, source: 'files', hash: hashApp(app) });
        printSteps(preview.steps, io);
        for (const blocker of preview.blockers) io.out(`BLOCKED: ${blocker}`);
        for (const check of preview.checks) {
          io.out(`precheck (step ${check.step + 1}) ${check.description}: ${check.count === 0 ? 'ok' : `${check.count} record(s) fail, e.g. ${check.samples.join(', ')} — ${check.failure}`}`);
        }
        return preview.blockers.length > 0 || preview.checks.some((c) => c.count > 0) ? 2 : 0;
      }
      case 'apply': {
        // No baseVersion: the lock decides; a second apply of the same files finds nothing to do.
        const outcome = await applyMigration({ ...base, app, source: 'files', hash: hashApp(app), skipIfUnchanged: true, choices: { confirmDestructive: opts.yes } });
        if (outcome.unchanged) io.out(`Nothing to do: ${app.name} is at version ${outcome.version} with these files.`);
        else {
          printSteps(outcome.steps, io);
          io.out(`Applied: ${app.name} is now at version ${outcome.version} (was ${outcome.fromVersion}).`);
        }
        return 0;
      }
      case 'rollback': {
        const outcome = await rollbackMigration({ ...base, appName: app.name, confirmDestructive: opts.yes });
        printSteps(outcome.steps, io);
        io.out(`Rolled back: ${app.name} is now at version ${outcome.version}, with the definition of version ${outcome.restoredVersion}.`);
        return 0;
      }
      default: {
        const history = await listMigrations(knex, app.name);
        if (history.length === 0) io.out('No migrations recorded.');
        for (const entry of history) {
          io.out(`v${entry.toVersion} ${entry.kind.padEnd(8)} from v${entry.fromVersion}  ${entry.appliedAt}  ${entry.appliedBy}  ${entry.steps.length} step(s)${entry.restoresVersion ? `  (restores v${entry.restoresVersion})` : ''}`);
        }
        return 0;
      }
    }
  } catch (err) {
    if (!isHttpError(err)) throw err;
    io.err(`${err.code}: ${err.message}`);
    for (const detail of err.details ?? []) io.err(`  - ${JSON.stringify(detail)}`);
    if (err.code === 'confirmation_required') io.err('Run again with --yes to confirm (archived data stays recoverable).');
    return 2;
  } finally {
    await knex.destroy();
  }
}
