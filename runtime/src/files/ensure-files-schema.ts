import type { Knex } from 'knex';
import { runBootstrapDdl } from '../db/bootstrap-ddl';

const ready = new WeakMap<Knex, Promise<void>>();

/**
 * `tessera.files`: one row per upload. `record_id` is null until a record write attaches the
 * file (in that write's transaction); an unattached file is visible to its uploader only.
 * Created once per database handle, the first time files are touched.
 */
export function ensureFilesSchema(knex: Knex): Promise<void> {
  let done = ready.get(knex);
  if (!done) {
    done = create(knex);
    ready.set(knex, done);
    done.catch(() => ready.delete(knex));
  }
  return done;
}

async function create(knex: Knex): Promise<void> {
  await runBootstrapDdl(knex, [
    `create table if not exists tessera.files (
      id uuid primary key,
      app text not null,
      entity text not null,
      field text not null,
      name text not null,
      mime text not null,
      size bigint not null,
      sha256 char(64) not null,
      storage_key text not null,
      created_by uuid not null,
      created_at timestamptz not null default now(),
      record_id uuid
    )`,
    'create index if not exists files_record_idx on tessera.files (record_id)',
  ]);
}
