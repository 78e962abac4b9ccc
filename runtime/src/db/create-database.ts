import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { readConfig } from '../config/read-config';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import knexFactory, { type Knex } from 'knex';
import ClientPgLite from 'knex-pglite';
import { preparedPgClient } from './prepared-pg-client';
import { pgTypes, sharedParsers } from './type-parsers';

export interface DatabaseOptions {
  /** `postgres://…`: use a PostgreSQL server. Absent: embedded PGlite. */
  url?: string;
  /** PGlite folder; `memory://` keeps it in memory. Default `TESSERA_DATA_DIR` or `.tessera-data/pglite`. */
  dataDir?: string;
}

export type Database = Knex & { /** Where PGlite keeps its files; absent on PostgreSQL. */ tesseraDataDir?: string };

/**
 * PostgreSQL connections per runtime (`TESSERA_DB_POOL_MAX`, default 20): knex's default of 10
 * queues requests behind each other well before the server is busy.
 */
export function poolMax(env: NodeJS.ProcessEnv = process.env): number {
  return readConfig(env).TESSERA_DB_POOL_MAX;
}

/**
 * Server-side prepared statements (ADR 0026), on unless `TESSERA_DB_PREPARE=false` — needed
 * behind a pooler that hands one session's statements to another (PgBouncer < 1.21 in
 * transaction mode).
 */
export function preparesStatements(env: NodeJS.ProcessEnv = process.env): boolean {
  return readConfig(env).TESSERA_DB_PREPARE;
}

export function resolveDataDir(dataDir?: string): string {
  return dataDir ?? readConfig().TESSERA_DATA_DIR ?? path.join(process.cwd(), '.tessera-data', 'pglite');
}

/**
 * The first connection boots PGlite (WebAssembly): seconds normally, a minute or more on a
 * loaded machine. knex's acquire (60 s) and tarn's create (30 s) defaults would fail the boot
 * instead of waiting for it; knex-pglite refuses a pool option, so the settings are set here.
 */
const PGLITE_BOOT_MS = 300_000;
const PatientPgLite = class extends (ClientPgLite as unknown as new (config: unknown) => { getPoolSettings(pool: unknown): Record<string, unknown> }) {
  getPoolSettings(pool: unknown) {
    return { ...super.getPoolSettings(pool), createTimeoutMillis: PGLITE_BOOT_MS };
  }
} as unknown as typeof ClientPgLite;

export function createDatabase(opts: DatabaseOptions = {}): Database {
  if (opts.url) {
    const types = pgTypes(sharedParsers);
    return knexFactory({ client: preparesStatements() ? preparedPgClient() : 'pg', connection: { connectionString: opts.url, types } as Knex.PgConnectionConfig, pool: { min: Math.min(2, poolMax()), max: poolMax() } });
  }
  const dataDir = resolveDataDir(opts.dataDir);
  const inMemory = dataDir.startsWith('memory://');
  if (!inMemory) mkdirSync(dataDir, { recursive: true });
  // knex-pglite pins the pool to one connection itself (PGlite is single-connection) and
  // refuses a pool option; we hand it our own instance to control parsers and the folder.
  // pg_trgm: the trigram indexes of entity search (ADR 0040), as on PostgreSQL.
  const pglite = withParsers(new PGlite({ ...(inMemory ? {} : { dataDir }), extensions: { pg_trgm } }));
  const db = knexFactory({
    client: PatientPgLite,
    dialect: 'postgres',
    acquireConnectionTimeout: PGLITE_BOOT_MS,
    connection: (() => ({ pglite })) as unknown as Knex.StaticConnectionConfig,
  }) as Database;
  if (!inMemory) db.tesseraDataDir = dataDir;
  return db;
}

/** PGlite 0.5 ignores constructor-level parsers; per-query ones work, so every query gets them. */
function withParsers(pglite: PGlite): PGlite {
  const query = pglite.query.bind(pglite);
  return new Proxy(pglite, {
    get(target, prop, receiver) {
      if (prop === 'query') {
        return (sql: string, params?: unknown[], options?: Record<string, unknown>) =>
          query(sql, params, { ...options, parsers: { ...sharedParsers, ...(options?.parsers as object) } });
      }
      const value = Reflect.get(target, prop, receiver);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}
