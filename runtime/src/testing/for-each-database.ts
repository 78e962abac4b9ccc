import { randomBytes } from 'node:crypto';
import knexFactory from 'knex';

/** What a test block gets: where its database is (undefined: a fresh in-memory PGlite per runtime). */
export interface DatabaseTestContext {
  /** `pglite` or `postgres`. */
  kind: 'pglite' | 'postgres';
  /** A PostgreSQL URL to a database created for this block; undefined on PGlite. */
  databaseUrl: string | undefined;
  /** For PGlite: `memory://`. */
  dataDir: string | undefined;
}

/** The URL of `database` on the server of `url`. */
export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

/**
 * Runs `body` as a jest describe block on PGlite (in memory), and again on PostgreSQL when
 * TEST_DATABASE_URL is set — in a database created for the block and dropped afterwards, so
 * parallel jest workers never see each other's tables.
 */
export function forEachDatabase(title: string, body: (getCtx: () => DatabaseTestContext) => void): void {
  describe(`${title} [pglite]`, () => {
    const ctx: DatabaseTestContext = { kind: 'pglite', databaseUrl: undefined, dataDir: 'memory://' };
    body(() => ctx);
  });

  const serverUrl = process.env.TEST_DATABASE_URL;
  if (!serverUrl) return;
  describe(`${title} [postgres]`, () => {
    const name = `tessera_test_${randomBytes(6).toString('hex')}`;
    const ctx: DatabaseTestContext = { kind: 'postgres', databaseUrl: withDatabase(serverUrl, name), dataDir: undefined };
    const admin = () => knexFactory({ client: 'pg', connection: serverUrl, pool: { min: 0, max: 1 } });

    beforeAll(async () => {
      const db = admin();
      try {
        await db.raw('create database ??', [name]);
      } finally {
        await db.destroy();
      }
    });
    body(() => ctx);
    // Declared after the body: jest runs afterAll hooks in declaration order, so the database is
    // dropped once the body's own teardown (closing its runtime and pools) has finished.
    afterAll(async () => {
      const db = admin();
      try {
        await db.raw('drop database if exists ?? with (force)', [name]);
      } finally {
        await db.destroy();
      }
    });
  });
}
