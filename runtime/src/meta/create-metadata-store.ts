import type { AppDefinition } from '@tessera/metadata';
import type { Knex } from 'knex';
import { ensureMigrationHistory } from '../migrate/migration-history';
import type { StoredVersion, VersionSource } from './meta-types';

export const META_SCHEMA = 'tessera';
const TABLE = 'metadata_versions';

interface VersionRow {
  id: number;
  app_name: string;
  version: number;
  definition: AppDefinition | string;
  source: VersionSource;
  source_hash: string;
  created_at: Date | string;
}

const rowToVersion = (row: VersionRow): StoredVersion => ({
  id: row.id,
  appName: row.app_name,
  version: row.version,
  definition: typeof row.definition === 'string' ? (JSON.parse(row.definition) as AppDefinition) : row.definition,
  source: row.source,
  sourceHash: row.source_hash,
  createdAt: row.created_at instanceof Date ? row.created_at.toISOString() : row.created_at,
});

/** `tessera.metadata_versions` and `tessera.migration_history` (an internal migration, in its transaction). */
export async function createMetadataTables(trx: Knex): Promise<void> {
  if (!(await trx.schema.withSchema(META_SCHEMA).hasTable(TABLE))) {
    await trx.schema.withSchema(META_SCHEMA).createTable(TABLE, (t) => {
      t.increments('id').primary();
      t.text('app_name').notNullable();
      t.integer('version').notNullable();
      t.jsonb('definition').notNullable();
      t.text('source').notNullable().checkIn(['files', 'designer']);
      t.text('source_hash').notNullable();
      t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(trx.fn.now());
      t.unique(['app_name', 'version']);
    });
  }
  await ensureMigrationHistory(trx);
}

export interface MetadataStore {
  latest(appName: string): Promise<StoredVersion | undefined>;
  lastFromSource(appName: string, source: VersionSource): Promise<StoredVersion | undefined>;
  get(appName: string, version: number): Promise<StoredVersion | undefined>;
  /** Stores the app as the next version; pass a transaction to make it part of a larger change. */
  save(app: AppDefinition, meta: { source: VersionSource; hash: string }, trx?: Knex): Promise<number>;
}

/** The versions of each app's metadata in `tessera.metadata_versions`. */
export function createMetadataStore(knex: Knex): MetadataStore {
  const table = (db: Knex) => db.withSchema(META_SCHEMA).table<VersionRow>(TABLE);
  return {
    async latest(appName) {
      const row = await table(knex).where({ app_name: appName }).orderBy('version', 'desc').first();
      return row ? rowToVersion(row as VersionRow) : undefined;
    },
    async lastFromSource(appName, source) {
      const row = await table(knex).where({ app_name: appName, source }).orderBy('version', 'desc').first();
      return row ? rowToVersion(row as VersionRow) : undefined;
    },
    async get(appName, version) {
      const row = await table(knex).where({ app_name: appName, version }).first();
      return row ? rowToVersion(row as VersionRow) : undefined;
    },
    async save(app, { source, hash }, trx = knex) {
      const current = await table(trx).where({ app_name: app.name }).max('version as max').first();
      const version = Number((current as { max: number | null } | undefined)?.max ?? 0) + 1;
      await table(trx).insert({ app_name: app.name, version, definition: JSON.stringify(app), source, source_hash: hash } as never);
      return version;
    },
  };
}
