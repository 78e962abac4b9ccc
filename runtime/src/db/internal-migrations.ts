import type { Knex } from 'knex';
import { APPROVAL_DDL } from '../approvals/approval-ddl';
import { AUDIT_CHANGES_DDL } from '../audit/audit-changes-ddl';
import { AUDIT_DDL } from '../audit/audit-ddl';
import { AUTH_DDL } from '../auth/auth-ddl';
import { DATA_CARE_DDL } from '../data-care/data-care-ddl';
import { FILES_DDL } from '../files/files-ddl';
import { IMPORT_DDL } from '../import/import-ddl';
import { RECURRING_JOBS_DDL } from '../jobs/recurring-jobs-ddl';
import { createMetadataTables } from '../meta/create-metadata-store';
import { NOTIFICATION_DDL } from '../notifications/notification-ddl';
import { PERMISSION_DDL } from '../permissions/permission-ddl';
import { PLUGIN_STATE_DDL } from '../plugins/plugin-state-store';
import { POOL_DDL } from '../pool/pool-ddl';
import { APPROVAL_SNAPSHOT_DDL } from '../locks/approval-snapshot';
import { PUBLIC_ROUTE_THROTTLE_DDL } from '../plugins/public-route-throttle';
import { INSTANCE_KEYS_DDL } from '../public-forms/instance-keys';
import { RECYCLE_BIN_DDL } from '../recycle-bin/recycle-bin-ddl';
import { DRAFTS_DDL } from '../drafts/drafts-ddl';
import { AUTONUMBER_DDL } from '../records/autonumber-ddl';
import { IDEMPOTENCY_DDL } from '../records/idempotency-ddl';
import { REMINDERS_DDL } from '../reminders/reminders-ddl';
import { REPORTS_DDL } from '../reports/reports-ddl';
import { REPORT_SCHEDULES_DDL } from '../reports/report-schedules-ddl';
import { VIEWS_DDL } from '../views/views-ddl';
import { WORKFLOW_DDL } from '../workflows/workflow-ddl';

/** One change to Tessera's own tables, applied once per database and recorded by name. */
export interface InternalMigration {
  /** `<release>-<nn>-<what>`: sorted by position in INTERNAL_MIGRATIONS, never renamed once released. */
  name: string;
  up(trx: Knex.Transaction): Promise<void>;
}

const statements = (ddl: readonly string[]) => async (trx: Knex.Transaction) => {
  for (const sql of ddl) await trx.raw(sql);
};

/**
 * Tessera's own schema, as versioned migrations (the pattern of Strapi's internal migrations).
 * The 0.1.0 baseline is what releases up to 0.1.0 created at every start with `if not exists`,
 * so a database made by them is recorded at the baseline without change. Every later change to
 * these tables is a new entry at the end — never an edit of a released one.
 */
export const INTERNAL_MIGRATIONS: readonly InternalMigration[] = [
  { name: '0.1.0-01-metadata', up: createMetadataTables },
  { name: '0.1.0-02-identity', up: statements(AUTH_DDL) },
  { name: '0.1.0-03-permissions', up: statements(PERMISSION_DDL) },
  { name: '0.1.0-04-audit', up: statements(AUDIT_DDL) },
  { name: '0.1.0-05-idempotency', up: statements(IDEMPOTENCY_DDL) },
  { name: '0.1.0-06-files', up: statements(FILES_DDL) },
  { name: '0.1.0-07-reminders', up: statements(REMINDERS_DDL) },
  { name: '0.1.0-08-saved-views', up: statements(VIEWS_DDL) },
  { name: '0.1.0-09-workflows', up: statements(WORKFLOW_DDL) },
  { name: '0.1.0-10-notifications', up: statements(NOTIFICATION_DDL) },
  { name: '0.1.0-11-approvals', up: statements(APPROVAL_DDL) },
  { name: '0.1.0-12-recurring-jobs', up: statements(RECURRING_JOBS_DDL) },
  { name: '0.1.0-13-plugin-state', up: statements(PLUGIN_STATE_DDL) },
  { name: '0.1.0-14-public-route-throttle', up: statements(PUBLIC_ROUTE_THROTTLE_DDL) },
  { name: '0.2.0-01-autonumber-counters', up: statements(AUTONUMBER_DDL) },
  { name: '0.2.0-02-imports', up: statements(IMPORT_DDL) },
  {
    name: '0.2.0-03-plugin-migrations',
    up: statements([`create table if not exists tessera.plugin_migrations (
      plugin text not null,
      app text not null,
      name text not null,
      applied_at timestamptz not null default now(),
      primary key (plugin, app, name)
    )`]),
  },
  { name: '0.2.0-04-recycle-bin', up: statements(RECYCLE_BIN_DDL) },
  { name: '0.2.0-05-designer-drafts', up: statements(DRAFTS_DDL) },
  { name: '0.2.0-06-instance-keys', up: statements(INSTANCE_KEYS_DDL) },
  { name: '0.2.0-07-audit-erasure', up: statements(DATA_CARE_DDL) },
  { name: '0.2.0-08-pool-claims', up: statements(POOL_DDL) },
  { name: '0.2.0-09-approval-snapshots', up: statements(APPROVAL_SNAPSHOT_DDL) },
  { name: '0.2.0-10-saved-reports', up: statements(REPORTS_DDL) },
  { name: '0.2.0-11-report-schedules-and-pins', up: statements(REPORT_SCHEDULES_DDL) },
  // The triggers themselves are per table: ensureAuditTriggers swaps them at the next start.
  { name: '0.2.0-12-audit-per-statement', up: statements(AUDIT_CHANGES_DDL) },
];

/**
 * Applies the migrations this database has not recorded, in order, in ONE transaction under
 * the bootstrap advisory lock: several processes starting at once take turns, and a failure
 * leaves the schema as it was. Returns the names applied now.
 */
export async function applyInternalMigrations(knex: Knex, migrations: readonly InternalMigration[] = INTERNAL_MIGRATIONS): Promise<string[]> {
  return knex.transaction(async (trx) => {
    await trx.raw('select pg_advisory_xact_lock(hashtext(?))', ['tessera:bootstrap']);
    await trx.raw('create schema if not exists tessera');
    await trx.raw(`create table if not exists tessera.internal_migrations (
      name text primary key,
      applied_at timestamptz not null default now()
    )`);
    const done = new Set((await trx('tessera.internal_migrations').select('name')).map((r: { name: string }) => r.name));
    const applied: string[] = [];
    for (const migration of migrations) {
      if (done.has(migration.name)) continue;
      await migration.up(trx);
      await trx('tessera.internal_migrations').insert({ name: migration.name });
      applied.push(migration.name);
    }
    return applied;
  });
}
