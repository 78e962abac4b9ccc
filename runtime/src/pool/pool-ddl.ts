// One row per claim from a public pool: the claim limit counts a user's claims in a period
// (entity, user, time), and the nightly return treats a claim as activity (entity, record, time).
/** Applied by the internal migrations (db/internal-migrations.ts), never by hand. */
export const POOL_DDL: readonly string[] = [
  `create table if not exists tessera.pool_claims (
    id bigserial primary key,
    entity text not null,
    record_id uuid not null,
    user_id uuid not null,
    claimed_at timestamptz not null default now()
  )`,
  'create index if not exists pool_claims_by_user on tessera.pool_claims (entity, user_id, claimed_at)',
  'create index if not exists pool_claims_by_record on tessera.pool_claims (entity, record_id, claimed_at)',
];
