import { createDatabase, type Database } from '../db/create-database';
import { ensureMigrationHistory, listMigrations, migrationTo, recordMigration } from './migration-history';

const entry = (kind: 'apply' | 'purge', version: number) => ({
  appName: 'a', fromVersion: kind === 'apply' ? version - 1 : version, toVersion: version, kind, steps: [], archiveTag: kind === 'apply' ? `v${version}_x` : '',
  restoresVersion: null, appliedAt: new Date(Date.UTC(2025, 0, version)).toISOString(), appliedBy: 'test',
});

describe('migration history: purge entries', () => {
  let knex: Database;
  beforeAll(async () => {
    knex = createDatabase({ dataDir: 'memory://' });
    await knex.raw('create schema tessera');
    // The table as it was created before purges existed: kind limited, one row per version.
    await knex.schema.withSchema('tessera').createTable('migration_history', (t) => {
      t.increments('id').primary();
      t.text('app_name').notNullable();
      t.integer('from_version').notNullable();
      t.integer('to_version').notNullable();
      t.jsonb('steps').notNullable();
      t.text('archive_tag').notNullable();
      t.integer('restores_version');
      t.timestamp('applied_at', { useTz: true }).notNullable();
      t.text('applied_by').notNullable();
      t.text('kind').notNullable().checkIn(['apply', 'rollback']);
      t.unique(['app_name', 'to_version']);
    });
    await recordMigration(knex, entry('apply', 1));
  });
  afterAll(() => knex.destroy());

  it('upgrades an old table so a purge can sit beside its version; versions stay unique among applies', async () => {
    await expect(recordMigration(knex, entry('purge', 1))).rejects.toThrow();
    await ensureMigrationHistory(knex);
    await ensureMigrationHistory(knex); // idempotent
    await recordMigration(knex, entry('purge', 1));
    await expect(recordMigration(knex, entry('apply', 1))).rejects.toThrow(/unique/);
    await expect(knex.raw(`insert into tessera.migration_history (app_name, from_version, to_version, steps, archive_tag, applied_at, applied_by, kind) values ('a', 1, 2, '[]', '', now(), 't', 'other')`)).rejects.toThrow(/check/);
    expect((await listMigrations(knex, 'a')).map((e) => e.kind)).toEqual(['purge', 'apply']);
    // A rollback's parent lookup never lands on a purge.
    expect((await migrationTo(knex, 'a', 1))?.kind).toBe('apply');
  });
});
