import type { Knex } from 'knex';
import type { MigrationKind, StepView } from './migrate-types';

const SCHEMA = 'tessera';
const TABLE = 'migration_history';

export interface HistoryEntry {
  id: number;
  appName: string;
  fromVersion: number;
  toVersion: number;
  kind: MigrationKind;
  steps: StepView[];
  /** Names the archive tables this migration wrote (`…__<tag>`), so a rollback finds them. */
  archiveTag: string;
  /** For a rollback: the version whose definition it restored. */
  restoresVersion: number | null;
  appliedAt: string;
  appliedBy: string;
}

interface HistoryRow {
  id: number;
  app_name: string;
  from_version: number;
  to_version: number;
  kind: MigrationKind;
  steps: StepView[] | string;
  archive_tag: string;
  restores_version: number | null;
  applied_at: Date | string;
  applied_by: string;
}

const rowToEntry = (row: HistoryRow): HistoryEntry => ({
  id: row.id,
  appName: row.app_name,
  fromVersion: row.from_version,
  toVersion: row.to_version,
  kind: row.kind,
  steps: typeof row.steps === 'string' ? (JSON.parse(row.steps) as StepView[]) : row.steps,
  archiveTag: row.archive_tag,
  restoresVersion: row.restores_version,
  appliedAt: row.applied_at instanceof Date ? row.applied_at.toISOString() : row.applied_at,
  appliedBy: row.applied_by,
});

/**
 * A purge records a row at the version it ran on, next to that version's apply: versions are
 * unique among applies and rollbacks only. Tables made before purges existed are upgraded.
 */
async function allowPurgeEntries(trx: Knex): Promise<void> {
  const done = await trx.raw(`select to_regclass(?) is not null as ok`, [`${SCHEMA}.migration_history_version_unique`]);
  if ((done as { rows: { ok: boolean }[] }).rows[0]?.ok) return;
  await trx.raw(`alter table ${SCHEMA}.${TABLE} drop constraint if exists migration_history_app_name_to_version_unique, drop constraint if exists migration_history_kind_check`);
  await trx.raw(`alter table ${SCHEMA}.${TABLE} add constraint migration_history_kind_check check (kind in ('apply', 'rollback', 'purge'))`);
  await trx.raw(`create unique index migration_history_version_unique on ${SCHEMA}.${TABLE} (app_name, to_version) where kind <> 'purge'`);
}

/** Creates `tessera.migration_history`, in the internal migration's transaction (createMetadataTables). */
export async function ensureMigrationHistory(trx: Knex): Promise<void> {
  if (!(await trx.schema.withSchema(SCHEMA).hasTable(TABLE))) {
    await trx.schema.withSchema(SCHEMA).createTable(TABLE, (t) => {
      t.increments('id').primary();
      t.text('app_name').notNullable();
      t.integer('from_version').notNullable();
      t.integer('to_version').notNullable();
      t.jsonb('steps').notNullable();
      t.text('archive_tag').notNullable();
      t.integer('restores_version');
      t.timestamp('applied_at', { useTz: true }).notNullable();
      t.text('applied_by').notNullable();
      t.text('kind').notNullable();
    });
  }
  await allowPurgeEntries(trx);
}

const table = (db: Knex) => db.withSchema(SCHEMA).table<HistoryRow>(TABLE);

export async function recordMigration(trx: Knex, entry: Omit<HistoryEntry, 'id'>): Promise<void> {
  await table(trx).insert({
    app_name: entry.appName,
    from_version: entry.fromVersion,
    to_version: entry.toVersion,
    kind: entry.kind,
    steps: JSON.stringify(entry.steps),
    archive_tag: entry.archiveTag,
    restores_version: entry.restoresVersion,
    applied_at: entry.appliedAt,
    applied_by: entry.appliedBy,
  } as never);
}

/** Newest first. */
export async function listMigrations(knex: Knex, appName: string): Promise<HistoryEntry[]> {
  const rows = await table(knex).where({ app_name: appName }).orderBy([{ column: 'to_version', order: 'desc' }, { column: 'id', order: 'desc' }]);
  return (rows as HistoryRow[]).map(rowToEntry);
}

export async function migrationTo(knex: Knex, appName: string, version: number): Promise<HistoryEntry | undefined> {
  const row = await table(knex).where({ app_name: appName, to_version: version }).whereNot({ kind: 'purge' }).first();
  return row ? rowToEntry(row as HistoryRow) : undefined;
}

/**
 * The version `version` was made from, following rollbacks: an apply's parent is its
 * from-version; a rollback restored version R, so its parent is R's parent. Repeated
 * rollbacks thus walk back the chain instead of toggling between two versions. Versions
 * stored before the history existed fall back to `version - 1`. 0 means "none".
 */
export async function parentVersion(knex: Knex, appName: string, version: number): Promise<number> {
  let current = version;
  for (let hops = 0; hops < 1000; hops++) {
    const entry = await migrationTo(knex, appName, current);
    if (!entry) return current - 1;
    if (entry.kind === 'apply') return entry.fromVersion;
    current = entry.restoresVersion ?? entry.fromVersion;
  }
  throw new Error(`The migration history of ${appName} loops at version ${version}`);
}
