import { ident } from '@tessera/engine/sql';
import type { Knex } from 'knex';
import { createMetadataStore } from '../meta/create-metadata-store';
import { appLockKey } from './apply-migration';
import { archiveSchemaOf, listArchives, type ArchiveEntry } from './list-archives';
import { recordMigration, type HistoryEntry } from './migration-history';
import type { StepView } from './migrate-types';

export interface PurgeInput {
  knex: Knex;
  appName: string;
  appliedBy: string;
  /** Only archives made at least this many days ago; undefined: all of them. */
  olderThanDays?: number;
  now?: () => Date;
  /** Called before each table is dropped (the CLI's progress line). */
  onDrop?: (entry: ArchiveEntry) => void;
}

export interface PurgeResult {
  /** The archives dropped; empty when there was nothing (then nothing is recorded). */
  dropped: ArchiveEntry[];
  /** The app's version the purge ran on (its history entry's version). */
  version: number;
}

const DROP = /^drop table "((?:[^"]|"")+)"\."((?:[^"]|"")+)"$/;

const purgeStep = (schema: string, entry: ArchiveEntry): StepView => ({
  kind: 'purge-archive', safe: false, destructive: true,
  description: `Drop archive ${schema}.${entry.table} (${entry.source}, archived by v${entry.version}, ${entry.rows} row(s))`,
  sql: [`drop table ${ident(schema)}.${ident(entry.table)}`],
});

/**
 * Deletes archived data for good: every archive table (or those older than `olderThanDays`)
 * is dropped in ONE transaction under the app's advisory lock, so no apply or rollback runs
 * halfway through, and a `purge` history entry lists what went. The archive list is read
 * inside the lock, so what is dropped is exactly what is reported.
 */
export async function purgeArchives(input: PurgeInput): Promise<PurgeResult> {
  const { knex, appName, now = () => new Date() } = input;
  return knex.transaction(async (trx) => {
    await trx.raw('select pg_advisory_xact_lock(hashtext(?))', [appLockKey(appName)]);
    const at = now();
    const entries = await listArchives(trx, appName, { olderThanDays: input.olderThanDays, now: at });
    const version = (await createMetadataStore(trx).latest(appName))?.version ?? 0;
    if (entries.length === 0) return { dropped: [], version };
    const schema = archiveSchemaOf(appName);
    const steps: StepView[] = [];
    for (const entry of entries) {
      input.onDrop?.(entry);
      const step = purgeStep(schema, entry);
      for (const sql of step.sql) await trx.raw(sql);
      steps.push(step);
    }
    await recordMigration(trx, {
      appName, fromVersion: version, toVersion: version, kind: 'purge', steps, archiveTag: '',
      restoresVersion: null, appliedAt: at.toISOString(), appliedBy: input.appliedBy,
    });
    return { dropped: entries, version };
  });
}

/**
 * Archive tables purge entries dropped → "purged <when> by <who>", so a rollback that needs
 * one can say where its data went.
 */
export function purgedArchives(history: readonly HistoryEntry[]): Map<string, string> {
  const purged = new Map<string, string>();
  for (const entry of history) {
    if (entry.kind !== 'purge') continue;
    for (const step of entry.steps) {
      for (const sql of step.sql) {
        const match = DROP.exec(sql);
        if (match) purged.set(match[2].replace(/""/g, '"'), `purged ${entry.appliedAt} by ${entry.appliedBy}`);
      }
    }
  }
  return purged;
}
