import { randomBytes } from 'node:crypto';
import knexFactory, { type Knex } from 'knex';
import { createDatabase } from '@tessera/runtime';
import { withDatabase } from '../src/testing/for-each-database';

const SERVER_URL = process.env.TEST_DATABASE_URL;
// Server-side prepared statements are a PostgreSQL protocol feature; PGlite runs every text as given.
const describeWithServer = SERVER_URL ? describe : describe.skip;

describeWithServer(`prepared statements on PostgreSQL (ADR 0026)${SERVER_URL ? '' : ' (skipped: TEST_DATABASE_URL is unset)'}`, () => {
  const dbName = `tessera_prep_${randomBytes(4).toString('hex')}`;
  let admin: Knex;
  let knex: Knex;
  beforeAll(async () => {
    admin = knexFactory({ client: 'pg', connection: SERVER_URL!, pool: { min: 0, max: 1 } });
    await admin.raw('create database ??', [dbName]);
    // One connection, so pg_prepared_statements (per session) shows what the runtime's queries left.
    process.env.TESSERA_DB_POOL_MAX = '1';
    knex = createDatabase({ url: withDatabase(SERVER_URL!, dbName) });
    delete process.env.TESSERA_DB_POOL_MAX;
    await knex.raw('create table item (id int primary key, name text not null)');
    await knex('item').insert([{ id: 1, name: 'one' }, { id: 2, name: 'two' }]);
  });
  afterAll(async () => {
    await knex?.destroy();
    await admin.raw('drop database if exists ?? with (force)', [dbName]);
    await admin.destroy();
  });

  const prepared = async () => (await knex.raw('select statement from pg_prepared_statements')).rows.map((r: { statement: string }) => r.statement) as string[];

  it('prepares a statement sent again and again, and not one sent once', async () => {
    for (let i = 0; i < 4; i++) expect(await knex('item').where({ id: 1 }).first()).toEqual({ id: 1, name: 'one' });
    await knex('item').where({ name: 'once' }).first();
    const statements = await prepared();
    expect(statements.filter((s) => /from "item" where "id" = \$1/.test(s))).toHaveLength(1);
    expect(statements.some((s) => /"name" = \$1/.test(s))).toBe(false);
  });

  it('re-prepares after the table changes shape instead of failing with "cached plan must not change result type"', async () => {
    const read = () => knex('item').where({ id: 2 }).first();
    for (let i = 0; i < 4; i++) await read();
    await knex.raw("alter table item add column note text not null default 'n'");
    expect(await read()).toEqual({ id: 2, name: 'two', note: 'n' });
    expect(await read()).toEqual({ id: 2, name: 'two', note: 'n' });
    await knex.raw('alter table item drop column note');
    expect(await read()).toEqual({ id: 2, name: 'two' });
  });

  it('keeps statements inside a transaction unnamed, and errors keep their SQLSTATE', async () => {
    const before = await prepared();
    await knex.transaction(async (trx) => {
      for (let i = 0; i < 4; i++) await trx('item').where({ id: 1, name: 'one' }).first();
    });
    expect((await prepared()).filter((s) => !before.includes(s)).some((s) => /"id" = \$1 and "name" = \$2/.test(s))).toBe(false);
    const duplicate = () => knex('item').insert({ id: 1, name: 'again' });
    for (let i = 0; i < 4; i++) await expect(duplicate()).rejects.toMatchObject({ code: '23505' });
  });

  it('can be turned off with TESSERA_DB_PREPARE=false (for poolers that share sessions)', async () => {
    process.env.TESSERA_DB_PREPARE = 'false';
    process.env.TESSERA_DB_POOL_MAX = '1';
    const plain = createDatabase({ url: withDatabase(SERVER_URL!, dbName) });
    delete process.env.TESSERA_DB_PREPARE;
    delete process.env.TESSERA_DB_POOL_MAX;
    try {
      for (let i = 0; i < 4; i++) await plain('item').where({ id: 1 }).first();
      expect((await plain.raw('select count(*)::int as n from pg_prepared_statements')).rows[0].n).toBe(0);
    } finally {
      await plain.destroy();
    }
  });
});
