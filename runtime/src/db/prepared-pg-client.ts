import type { Knex } from 'knex';
// knex ships its PostgreSQL client as plain JS, without a type declaration of its own.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const ClientPg: typeof Knex.Client = require('knex/lib/dialects/postgres');
import { createStatementNames, type StatementNames } from './statement-names';

interface PgConnection {
  __knexTxId?: string;
  connection: { parsedStatements: Record<string, string> };
  query(sql: string): Promise<unknown>;
  query(config: object, callback: (err: Error | null, response: unknown) => void): void;
}
interface QueryObject { sql: string; bindings?: readonly unknown[]; options?: Record<string, unknown>; response?: unknown }

/**
 * A stored plan whose table changed under it (a publish added or dropped a column): PostgreSQL
 * refuses `select *`/`returning *` with 0A000 "cached plan must not change result type", or a
 * statement dropped by `DISCARD`/`DEALLOCATE` is 26000.
 */
const isStalePlan = (err: unknown) => {
  const code = (err as { code?: string }).code;
  return code === '26000' || (code === '0A000' && /cached plan/.test(String((err as Error).message)));
};

/**
 * What knex's own pg `_query` does, minus its lodash `extend` of the options (measured: ~3 % of
 * a get by id's CPU): one config object, handed to pg with the response put on `obj` for knex.
 */
function send(connection: PgConnection, obj: QueryObject): Promise<QueryObject> {
  if (!obj.sql) return Promise.reject(new Error('The query is empty'));
  const config = { text: obj.sql, values: obj.bindings ?? [], ...obj.options };
  return new Promise((resolve, reject) => {
    connection.query(config, (err: Error | null, response: unknown) => (err ? reject(err) : resolve(Object.assign(obj, { response }))));
  });
}

/**
 * knex's PostgreSQL client with server-side prepared statements (ADR 0026): a SQL text the
 * runtime sends again and again (get by id, a list shape, a one-statement create) is parsed
 * and planned once per connection instead of per request. Only outside transactions, so a
 * stale plan can be dropped and the statement re-run without losing a transaction's work;
 * every value stays a bound parameter, as before.
 */
export function preparedPgClient(names: StatementNames = createStatementNames()): typeof Knex.Client {
  return class PreparedPgClient extends ClientPg {
    _query(connection: PgConnection, obj: QueryObject): Promise<unknown> {
      // Only texts that already go through the extended protocol (they have parameters): a
      // parameterless text may hold several statements, which a prepared statement cannot.
      const name = connection.__knexTxId === undefined && obj.bindings?.length ? names.nameFor(obj.sql) : undefined;
      if (name === undefined) return send(connection, obj);
      // knex's runner reads the response from what _query resolves, so a copy carrying the name is enough.
      const named = { ...obj, options: { ...obj.options, name } };
      return send(connection, named).catch(async (err: unknown) => {
        if (!isStalePlan(err)) throw err;
        // This connection's plan predates the table it reads: drop it and prepare again.
        delete connection.connection.parsedStatements[name];
        await connection.query(`deallocate "${name}"`).catch(() => undefined);
        return send(connection, named);
      });
    }
  } as unknown as typeof Knex.Client;
}
