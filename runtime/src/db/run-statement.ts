import type { Knex } from 'knex';

type Row = Record<string, unknown>;
interface RawClient {
  acquireConnection(): Promise<{ __knexUid?: string }>;
  releaseConnection(connection: unknown): void;
  emit(event: 'query', query: unknown): void;
  listenerCount(event: 'query'): number;
  _query(connection: unknown, obj: { sql: string; bindings: readonly unknown[]; method: 'raw'; options?: object }): Promise<{ response: { rows: Row[] } }>;
}

/**
 * Runs one compiled statement (knex's `toSQL().toNative()`, or SQL written with `$n`
 * placeholders) through knex's own client — prepared on PostgreSQL outside transactions
 * (ADR 0026) — but without the runner around it and its per-statement bookkeeping. Given a
 * transaction, it runs on the transaction's connection (knex's transaction client hands out
 * that one). Listeners of knex's `query` event still see it. `options` go to the driver with
 * the statement (e.g. `API_READ_OPTIONS`'s parsers).
 */
export async function runStatement(knex: Knex, { sql, bindings }: Knex.SqlNative, options?: object): Promise<Row[]> {
  const client = knex.client as unknown as RawClient;
  const connection = await client.acquireConnection();
  try {
    const obj = { sql, bindings, method: 'raw' as const, ...(options ? { options } : {}) };
    if (client.listenerCount('query') > 0) client.emit('query', { ...obj, __knexUid: connection.__knexUid });
    return (await client._query(connection, obj)).response.rows;
  } finally {
    client.releaseConnection(connection);
  }
}

/** A builder's statement, compiled for `runStatement`. */
export const compiled = (builder: Knex.QueryBuilder | Knex.Raw): Knex.SqlNative => builder.toSQL().toNative();
