import type { Knex } from 'knex';

/** What pg-boss calls to run SQL when it is given a `db` instead of a connection string. */
export interface BossDb {
  executeSql(text: string, values?: unknown[]): Promise<{ rows: unknown[] }>;
}

interface RawConnection {
  query(text: string, values?: unknown[]): Promise<{ rows: unknown[] } | Array<{ rows: unknown[] }>>;
  /** PGlite only: several statements in one call (pg-boss's schema scripts). */
  exec?(text: string): Promise<Array<{ rows: unknown[] }>>;
}

/**
 * Runs pg-boss's SQL on knex's own connection: the PGlite one (PGlite has a single connection,
 * so pg-boss must queue behind knex rather than slip into a knex transaction), or — given a
 * transaction — the transaction's, so a job is enqueued atomically with the state change.
 * `acquireConnection` is knex's client API; on a transaction it returns that transaction's
 * connection and release is a no-op.
 */
export function knexBossDb(knex: Knex | Knex.Transaction): BossDb {
  const client = knex.client as { acquireConnection(): Promise<RawConnection>; releaseConnection(c: RawConnection): Promise<void> };
  return {
    async executeSql(text, values) {
      const conn = await client.acquireConnection();
      try {
        // pg-boss sends its migrations as one multi-statement script without parameters.
        if ((!values || values.length === 0) && typeof conn.exec === 'function') {
          const results = await conn.exec(text);
          return results[results.length - 1] ?? { rows: [] };
        }
        const result = await conn.query(text, values);
        return Array.isArray(result) ? (result[result.length - 1] ?? { rows: [] }) : result;
      } finally {
        await client.releaseConnection(conn);
      }
    },
  };
}
