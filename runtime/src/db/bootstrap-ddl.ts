import type { Knex } from 'knex';

/**
 * Runs Tessera's own `create … if not exists` statements in one transaction under the bootstrap
 * advisory lock. Concurrent `if not exists` DDL still collides on the catalog (duplicate key in
 * pg_type) when several processes start on a fresh database at once; the lock makes them take turns.
 */
export async function runBootstrapDdl(knex: Knex, statements: readonly string[]): Promise<void> {
  await knex.transaction(async (trx) => {
    await trx.raw('select pg_advisory_xact_lock(hashtext(?))', ['tessera:bootstrap']);
    await trx.raw('create schema if not exists tessera');
    for (const sql of statements) await trx.raw(sql);
  });
}
