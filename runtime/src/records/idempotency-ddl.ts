
/**
 * Stored answers to `Idempotency-Key` requests, per user (two users may pick the same key).
 * Created at every start like the identity tables; a key older than 24 hours is forgotten
 * (idempotent-write.ts) and overwritten by its next use.
 */
export const IDEMPOTENCY_DDL: readonly string[] = [
  `create table if not exists tessera.idempotency_keys (
    key text not null,
    user_id uuid not null,
    method text not null,
    path text not null,
    request_hash text not null,
    status integer,
    response jsonb,
    created_at timestamptz not null default now(),
    primary key (user_id, key)
  )`,];
