import { createHash, randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import type { Knex } from 'knex';
import { applyInternalMigrations } from '../src/db/internal-migrations';
import type { FileStorage } from '../src/files/file-storage';

export const sha = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');
export const keyOf = (hash: string) => `${hash.slice(0, 2)}/${hash}`;

/**
 * Tessera's own tables plus an "app" schema with what a real app and its plugins make: an enum,
 * identity and serial columns, a generated column, bytea, jsonb, arrays, timestamps, a foreign
 * key, a unique and a partial index, an audit-style trigger, a view — and files on disk.
 */
export async function fillSource(knex: Knex, storage: FileStorage): Promise<string[]> {
  await applyInternalMigrations(knex);
  for (const sql of [
    `create schema app`,
    `create type app.stage as enum ('new', 'won', 'lost')`,
    `create table app.customer (id uuid primary key, name text not null, stage app.stage not null default 'new', tags text[], data jsonb, photo bytea, amount numeric(12,2), ratio double precision, seen_at timestamptz, born date, code int generated always as identity, upper_name text generated always as (upper(name)) stored)`,
    `create table app.contact (id serial primary key, customer_id uuid not null references app.customer (id) on delete cascade, email text, unique (email))`,
    `create index contact_customer_idx on app.contact (customer_id) where email is not null`,
    `create table app.changes (id bigserial primary key, what text not null)`,
    `create function app.log_change() returns trigger language plpgsql as $$ begin insert into app.changes (what) values (tg_op || ' ' || new.name); return new; end $$`,
    `create trigger customer_log after insert or update on app.customer for each row execute function app.log_change()`,
    `create view app.won_customers as select id, name from app.customer where stage = 'won'`,
  ]) await knex.raw(sql);
  const customers = Array.from({ length: 1500 }, (_, i) => ({
    id: randomUUID(), name: `Customer ${i} "quoted" \\ ä 中文 ?`, stage: ['new', 'won', 'lost'][i % 3], tags: i % 2 ? ['a', 'b,c'] : null,
    data: JSON.stringify({ i, nested: { ok: true, list: [1, 2.5, null] } }), photo: i % 5 === 0 ? Buffer.from([0, 1, 2, 255, i % 256]) : null,
    amount: (i * 12.34).toFixed(2), ratio: i / 7, seen_at: new Date(Date.UTC(2025, 0, 1, 0, 0, i, i % 1000)), born: '1990-02-03',
  }));
  for (let i = 0; i < customers.length; i += 500) await knex('app.customer').insert(customers.slice(i, i + 500));
  await knex('app.contact').insert(customers.slice(0, 300).map((c, i) => ({ customer_id: c.id, email: i % 10 ? `c${i}@example.com` : null })));
  const admin = (await knex('tessera.users').first('id'))?.id ?? randomUUID();
  const hashes: string[] = [];
  for (const [i, body] of [Buffer.from('first file'), Buffer.alloc(300_000, 7), Buffer.from(`third ${"x".repeat(1000)}`)].entries()) {
    const hash = sha(body);
    await storage.write(keyOf(hash), Readable.from([body]));
    await knex('tessera.files').insert({ id: randomUUID(), app: 'app', entity: 'customer', field: 'photo', name: `f${i}.bin`, mime: 'application/octet-stream', size: body.length, sha256: hash, storage_key: keyOf(hash), created_by: admin });
    hashes.push(hash);
  }
  return hashes;
}
