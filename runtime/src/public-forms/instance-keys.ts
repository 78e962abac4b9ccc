import { randomBytes } from 'node:crypto';
import type { Knex } from 'knex';

export const INSTANCE_KEYS_DDL: readonly string[] = [
  `create table if not exists tessera.instance_keys (
    name text primary key,
    key bytea not null,
    created_at timestamptz not null default now()
  )`,
];

/**
 * A key shared by every process on this database, made once: a question signed by one worker
 * is checked by another behind the load balancer.
 */
export async function instanceKey(knex: Knex, name: string): Promise<Buffer> {
  await knex.raw('insert into tessera.instance_keys (name, key) values (?, ?) on conflict (name) do nothing', [name, randomBytes(32)]);
  const row = await knex('tessera.instance_keys').where({ name }).first('key');
  return Buffer.from(row.key as Buffer);
}
