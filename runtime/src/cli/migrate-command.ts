import { userInfo } from 'node:os';
import { readConfig } from '../config/read-config';
import { validateAppWithRegistry } from '@tessera/engine';
import { formatMetadataError } from '@tessera/metadata';
import { loadAppDir } from '../app-files/load-app-dir';
import { createDatabase } from '../db/create-database';
import { isHttpError } from '../errors/http-error';
import { applyInternalMigrations } from '../db/internal-migrations';
import { hashApp } from '../meta/hash-app';
import { applyMigration, previewMigration } from '../migrate/apply-migration';
import { listArchives, type ArchiveEntry } from '../migrate/list-archives';
import { listMigrations } from '../migrate/migration-history';
import { purgeArchives } from '../migrate/purge-archives';
import type { StepView } from '../migrate/migrate-types';
import { rollbackMigration } from '../migrate/rollback-migration';
import type { CliIo } from './cli-types';

const USAGE = `Usage: tessera migrate plan <appDir>            steps, SQL and precheck results (changes nothing)
       tessera migrate apply <appDir> [--yes]     apply the files' metadata (--yes confirms destructive steps)
       tessera migrate rollback <appDir> [--yes]  return to the version before the current one
       tessera migrate history <appDir>           the migrations applied, newest first
       tessera migrate purge <appDir> [--older-than <days>] [--yes]
                                                  list archived data; --yes deletes it for good
Against DATABASE_URL, else the PGlite folder TESSERA_DATA_DIR.`;

const printSteps = (steps: readonly StepView[], io: CliIo) => {
  if (steps.length === 0) io.out('Nothing to do.');
  steps.forEach((step, i) => {
    io.out(`${i + 1}. ${step.kind} [${step.destructive ? 'DESTRUCTIVE' : step.safe ? 'safe' : 'checked'}] ${step.description}`);
    for (const sql of step.sql) io.out(`     ${sql};`);
  });
};

const archiveLine = (a: ArchiveEntry) =>
  `${a.table}  ${a.kind} ${a.source}  archived by v${a.version} at ${a.archivedAt}  ${a.rows} ${a.kind === 'column' ? 'non-null value(s)' : 'row(s)'}`;

/** `--older-than <days>`: a number of days, 0 or more; undefined when not given. */
function readDays(text: string | undefined): number | undefined | Error {
  if (text === undefined) return undefined;
  const days = Number(text);
  return text.trim() !== '' && Number.isFinite(days) && days >= 0 ? days : new Error(`--older-than: must be a number of days (0 or more), got "${text}"`);
}

/** `tessera migrate plan|apply|rollback|history|purge <appDir>`, straight against the database. */
export async function migrateCommand(action: string | undefined, appDir: string | undefined, opts: { yes: boolean; olderThan?: string }, io: CliIo): Promise<number> {
  if (!action || !['plan', 'apply', 'rollback', 'history', 'purge'].includes(action) || !appDir) {
    io.err(USAGE);
    return 1;
  }
  const olderThanDays = readDays(opts.olderThan);
  if (olderThanDays instanceof Error) {
    io.err(olderThanDays.message);
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
  const knex = createDatabase({ url: readConfig().DATABASE_URL, dataDir: readConfig().TESSERA_DATA_DIR });
  const base = { knex, registry, appliedBy: `cli:${process.env.USER ?? userInfo().username}` /* the OS account, not a setting */ };
  try {
    await applyInternalMigrations(knex);
    switch (action) {
      case 'plan': {
        const preview = await previewMigration({ ...base, app, source: 'files', hash: hashApp(app) });
        printSteps(preview.steps, io);
        io.result?.({ steps: preview.steps, blockers: preview.blockers, checks: preview.checks });
        for (const blocker of preview.blockers) io.out(`BLOCKED: ${blocker}`);
        for (const check of preview.checks) {
          io.out(`precheck (step ${check.step + 1}) ${check.description}: ${check.count === 0 ? 'ok' : `${check.count} record(s) fail, e.g. ${check.samples.join(', ')} — ${check.failure}`}`);
        }
        return preview.blockers.length > 0 || preview.checks.some((c) => c.count > 0) ? 2 : 0;
      }
      case 'apply': {
        // No baseVersion: the lock decides; a second apply of the same files finds nothing to do.
        const outcome = await applyMigration({ ...base, app, source: 'files', hash: hashApp(app), skipIfUnchanged: true, choices: { confirmDestructive: opts.yes } });
        io.result?.({ version: outcome.version, unchanged: Boolean(outcome.unchanged), steps: outcome.steps });
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
      case 'purge': {
        if (!opts.yes) {
          const archives = await listArchives(knex, app.name, { olderThanDays });
          if (archives.length === 0) {
            io.out(`Nothing is archived${olderThanDays === undefined ? '' : ` for ${olderThanDays} day(s) or more`}.`);
            return 0;
          }
          io.out(`Archived data of ${app.name}:`);
          for (const archive of archives) io.out(`  ${archiveLine(archive)}`);
          io.out(`Nothing was dropped. Run again with --yes to delete these ${archives.length} archive(s) for good; a rollback that needs them will then refuse.`);
          return 2;
        }
        const outcome = await purgeArchives({ ...base, appName: app.name, olderThanDays, onDrop: (a) => io.out(`Dropping ${archiveLine(a)}`) });
        io.out(outcome.dropped.length === 0
          ? 'Nothing to purge.'
          : `Purged ${outcome.dropped.length} archive(s) of ${app.name} at version ${outcome.version}, in one transaction (recorded in the history).`);
        return 0;
      }
      default: {
        const history = await listMigrations(knex, app.name);
        io.result?.({ migrations: history });
        if (history.length === 0) io.out('No migrations recorded.');
        for (const entry of history) {
          io.out(`v${entry.toVersion} ${entry.kind.padEnd(8)} from v${entry.fromVersion}  ${entry.appliedAt}  ${entry.appliedBy}  ${entry.steps.length} ${entry.kind === 'purge' ? 'archive(s) dropped' : 'step(s)'}${entry.restoresVersion ? `  (restores v${entry.restoresVersion})` : ''}`);
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
